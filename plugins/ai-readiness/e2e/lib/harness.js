/*
 * The browser tests' runner: named steps that pass or fail without stopping
 * the run, a log with the test's tag, the results for the closing
 * "N passed, M failed" line, and the run itself (clean-up, exit code).
 */
const fs = require('fs');

function createHarness(tag) {
  const results = [];
  const log = msg => process.stdout.write(`[${tag}] ${msg}\n`);
  async function test(name, fn) {
    const t0 = Date.now();
    try {
      await fn();
      results.push({ name, ok: true });
      log(`PASS ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      return true;
    } catch (e) {
      results.push({ name, ok: false, error: e });
      log(`FAIL ${name}: ${e && e.message ? e.message : e}`);
      return false;
    }
  }
  function assert(cond, message) {
    if (!cond) throw new Error(message);
  }
  /**
   * Runs `main`, then `cleanup` (also on SIGINT and SIGTERM); an error thrown
   * by `main` fails the step `name`. Prints "N passed, M failed" and exits 1
   * on any failure, after `onFailure` (where to find the logs); on success,
   * removes `tmp`.
   */
  function runMain(main, options = {}) {
    const {
      name = 'e2e run',
      cleanup = async () => {},
      tmp,
      onFailure = () => {},
    } = options;
    process.on('SIGINT', () => cleanup().then(() => process.exit(130)));
    process.on('SIGTERM', () => cleanup().then(() => process.exit(143)));
    main()
      .catch(e => {
        results.push({ name, ok: false, error: e });
        log(`ERROR ${e && e.stack ? e.stack : e}`);
      })
      .then(cleanup)
      .then(() => {
        const failed = results.filter(r => !r.ok).length;
        if (failed) onFailure();
        else if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
        process.stdout.write(
          `${results.length - failed} passed, ${failed} failed\n`,
        );
        process.exit(failed ? 1 : 0);
      });
  }
  return { results, log, test, assert, runMain };
}

module.exports = { createHarness };

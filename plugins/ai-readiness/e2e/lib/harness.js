/*
 * The browser tests' runner: named steps that pass or fail without stopping
 * the run, a log with the test's tag, and the results for the closing
 * "N passed, M failed" line.
 */

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
  return { results, log, test, assert };
}

module.exports = { createHarness };

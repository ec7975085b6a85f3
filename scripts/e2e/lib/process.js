/*
 * The end-to-end scripts' run: a log with the script's tag, named phases that
 * stop the run at the first failure (timed, the times printed at the end),
 * assert, commands and servers started as child processes, and the run itself
 * (exit code 1 on failure, 130 on SIGINT or SIGTERM).
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');

const sleep = ms => new Promise(r => setTimeout(r, ms));

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** log, phase and the closing times line of a script tagged `tag`. */
function createRun(tag) {
  const timings = [];
  const started = Date.now();
  const log = msg => process.stdout.write(`[${tag}] ${msg}\n`);

  /** Runs `fn` as the phase `name`; its result is returned, an error stops the run. */
  async function phase(name, fn) {
    const start = Date.now();
    log(`${name} ...`);
    const result = await fn();
    const ms = Date.now() - start;
    timings.push([name, ms]);
    log(`PASS ${name} (${(ms / 1000).toFixed(1)} s)`);
    return result;
  }

  /** Prints the time of each phase that passed and the total. */
  function logTimes() {
    log(
      `times: ${timings
        .map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`)
        .join('; ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }

  /** Prints the last `lines` lines of a log file, if there is one. */
  function logTail(label, file, lines) {
    if (!fs.existsSync(file)) return;
    log(`${label} (last ${lines} lines):`);
    process.stdout.write(
      `${fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')}\n`,
    );
  }

  /**
   * Runs `main`: prints PASS, or FAIL with the error and exits 1. On SIGINT
   * or SIGTERM, `onSignal` (kill the children) and exit 130.
   */
  function runMain(main, { onSignal = () => {} } = {}) {
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => {
        onSignal();
        process.exit(130);
      });
    }
    main().then(
      () => log('PASS'),
      e => {
        console.error(`[${tag}] FAIL: ${e.message}`);
        process.exit(1);
      },
    );
  }

  return { log, phase, logTimes, logTail, runMain };
}

/** Runs a command to its end, output inherited; a non-zero exit throws. */
function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
  }
}

/**
 * Starts a server process with plain `node`, its output written to `logFile`.
 * With `onLine`, stdout is also read line by line (stderr goes to the file).
 */
function startNode(args, { cwd, env, logFile, onLine }) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: ['ignore', onLine ? 'pipe' : out, out],
  });
  if (onLine) {
    let buffer = '';
    child.stdout.on('data', chunk => {
      fs.appendFileSync(logFile, chunk);
      buffer += chunk.toString('utf8');
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        onLine(line);
      }
    });
  }
  return child;
}

const running = child =>
  Boolean(child) && child.exitCode === null && !child.signalCode;

/** Resolves once the child has exited (at once if it already has). */
function exited(child) {
  return new Promise(r => (running(child) ? child.once('exit', r) : r()));
}

/** SIGTERM, then SIGKILL if the child is still there after `graceMs`. */
async function stop(child, graceMs = 10000) {
  if (!running(child)) return;
  child.kill('SIGTERM');
  await Promise.race([exited(child), sleep(graceMs)]);
  if (running(child)) child.kill('SIGKILL');
}

module.exports = {
  assert,
  createRun,
  exited,
  sh,
  sleep,
  startNode,
  stop,
};

#!/usr/bin/env node
/*
 * `npm test`: everything a change must pass, in order.
 *
 *   1. test dependencies (scripts/setup-test-deps.sh: PostgreSQL, Chromium)
 *   2. a private PostgreSQL server on a free port (initdb into a temp folder),
 *      exported to the tests as
 *        BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING (read by
 *        TestDatabases of @backstage/backend-test-utils),
 *        AI_READINESS_TEST_PG_ID (e.g. POSTGRES_15, the id to ask TestDatabases for),
 *        AI_READINESS_PG_CONNECTION (a plain postgresql:// connection string)
 *   3. tsc, 4. backstage-cli repo lint, 5. all jest suites (CI=true backstage-cli repo test),
 *   5b. the engine's and the CLI's jest suites (pure JavaScript: what users run
 *       in their own CI) again on Node 22 and 24, with binaries from the npm
 *       registry's node-<platform>-<arch> packages fetched into .node-versions/
 *       when missing (scripts/node-versions.js),
 *   6. every browser test plugins/*\/e2e/*.e2e.js and packages/*\/e2e/*.e2e.js
 *   7. API reports, the production build, the outside-the-workspace test and
 *      the two-process replica test (scripts/e2e/)
 *
 * Every step runs even when an earlier one failed; PostgreSQL is stopped at the
 * end (also on failure and on Ctrl-C). Exits non-zero when any step failed and
 * ends with a summary line "N passed, M failed".
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const { ensureNode } = require('./node-versions');

const root = path.resolve(__dirname, '..');
/** Node versions the engine and the CLI are tested on (package.json engines). */
const PORTABLE_NODE_MAJORS = [22, 24];
/** The pure-JavaScript suites users run on their own Node: the engine and the CLI. */
const PORTABLE_SUITES = ['plugins/ai-readiness-common/', 'packages/cli/'];
const results = [];
let current = null; // the running child process
let pg = null; // { dataDir, sockDir, pgCtl, asUser }
let stopping = false;

function log(msg) {
  process.stdout.write(`\n[test] ${msg}\n`);
}

function fmt(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs a command (own process group, inherited output); resolves its exit code. */
function run(cmd, args, opts = {}) {
  return new Promise(resolve => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: 'inherit',
      detached: true,
      ...opts,
      env: { ...process.env, ...(opts.env || {}) },
    });
    current = child;
    child.on('error', err => {
      console.error(`[test] could not start ${cmd}: ${err.message}`);
      current = null;
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 + (os.constants.signals[signal] || 0) : 1));
    });
  });
}

async function step(name, fn) {
  if (stopping) return;
  log(`${name} ...`);
  const start = Date.now();
  let ok;
  let note = '';
  try {
    const r = await fn();
    ok = r === 0 || r === true;
    if (!ok && typeof r === 'number') note = ` (exit ${r})`;
  } catch (e) {
    ok = false;
    note = ` (${e.message})`;
  }
  const ms = Date.now() - start;
  results.push({ name, ok, ms });
  log(`${ok ? 'PASS' : 'FAIL'} ${name} in ${fmt(ms)}${note}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The newest PostgreSQL server binaries on the machine. */
function findPgBin() {
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    const versions = fs
      .readdirSync(base)
      .filter(v => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(base, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], {
    encoding: 'utf8',
  });
  if (which.status === 0 && which.stdout.trim()) {
    return path.dirname(fs.realpathSync(which.stdout.trim()));
  }
  return null;
}

/** Runs a PostgreSQL tool, as user postgres when we are root (initdb refuses root). */
function pgTool(bin, args, asUser) {
  const r = asUser
    ? spawnSync('runuser', ['-u', asUser, '--', bin, ...args], {
        encoding: 'utf8',
      })
    : spawnSync(bin, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

async function startPostgres() {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (pg_ctl)');
  const pgCtl = path.join(bin, 'pg_ctl');
  const initdb = path.join(bin, 'initdb');
  const version = pgTool(pgCtl, ['--version']).stdout; // "pg_ctl (PostgreSQL) 15.14 (Debian ...)"
  const major = (version.match(/\(PostgreSQL\)\s+(\d+)/) || [])[1];
  if (!major)
    throw new Error(
      `cannot read the PostgreSQL version from "${version.trim()}"`,
    );

  const asUser = process.getuid && process.getuid() === 0 ? 'postgres' : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-pg-'));
  const dataDir = path.join(dir, 'data');
  const sockDir = path.join(dir, 'sock');
  fs.mkdirSync(sockDir);
  if (asUser) {
    const ids = spawnSync('id', ['-u', asUser], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', asUser], { encoding: 'utf8' });
    if (ids.status !== 0)
      throw new Error(`running as root, but there is no user ${asUser}`);
    for (const p of [dir, sockDir]) {
      fs.chownSync(p, Number(ids.stdout), Number(gids.stdout));
    }
  }
  pg = { dir, dataDir, pgCtl, asUser };

  const init = pgTool(
    initdb,
    [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-sync',
    ],
    asUser,
  );
  if (init.status !== 0)
    throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

  const port = await freePort();
  const options = [
    '-c listen_addresses=127.0.0.1',
    `-p ${port}`,
    `-k ${sockDir}`,
    '-c fsync=off',
    '-c max_connections=300',
  ].join(' ');
  const start = pgTool(
    pgCtl,
    [
      '-D',
      dataDir,
      '-o',
      options,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      'start',
    ],
    asUser,
  );
  if (start.status !== 0) {
    const logText = fs.existsSync(path.join(dir, 'server.log'))
      ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8')
      : '';
    throw new Error(
      `pg_ctl start failed: ${start.stderr || start.stdout}\n${logText}`,
    );
  }
  pg.running = true;

  const id = `POSTGRES_${major}`;
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  process.env[`BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING`] =
    url;
  process.env.AI_READINESS_TEST_PG_ID = id;
  process.env.AI_READINESS_PG_CONNECTION = url;
  log(
    `PostgreSQL ${major} on 127.0.0.1:${port} (${id}; AI_READINESS_PG_CONNECTION=${url})`,
  );
  return 0;
}

function stopPostgres() {
  if (!pg) return;
  const { dir, dataDir, pgCtl, asUser, running } = pg;
  pg = null;
  if (running) {
    try {
      const r = pgTool(
        pgCtl,
        ['-D', dataDir, '-m', 'immediate', '-w', 'stop'],
        asUser,
      );
      if (r.status !== 0)
        console.error(`[test] pg_ctl stop: ${r.stderr || r.stdout}`);
    } catch (e) {
      console.error(`[test] pg_ctl stop: ${e.message}`);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

function findE2e() {
  const found = [];
  for (const top of ['plugins', 'packages']) {
    const topDir = path.join(root, top);
    if (!fs.existsSync(topDir)) continue;
    for (const pkg of fs.readdirSync(topDir).sort()) {
      const e2eDir = path.join(topDir, pkg, 'e2e');
      if (!fs.existsSync(e2eDir) || !fs.statSync(e2eDir).isDirectory())
        continue;
      for (const f of fs.readdirSync(e2eDir).sort()) {
        if (f.endsWith('.e2e.js')) found.push(path.join(top, pkg, 'e2e', f));
      }
    }
  }
  return found;
}

function onSignal(signal) {
  if (stopping) return;
  stopping = true;
  console.error(`\n[test] ${signal}: stopping`);
  if (current) {
    try {
      process.kill(-current.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  stopPostgres();
  process.exit(130);
}

async function main() {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', stopPostgres);

  // Never let TestDatabases try to start Docker containers: PostgreSQL is
  // provided below, SQLite needs nothing.
  process.env.BACKSTAGE_TEST_DISABLE_DOCKER = '1';

  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  await step('test dependencies (postgresql, chromium)', () =>
    run('bash', [path.join(root, 'scripts', 'setup-test-deps.sh')]),
  );
  await step('start PostgreSQL', startPostgres);
  // Not incremental: the API reports print types expanded in the order the
  // checker met them, which only a full check makes the same on every machine.
  await step('tsc', () => run(npx, ['tsc', '--incremental', 'false']));
  await step('lint (backstage-cli repo lint)', () =>
    run(npx, ['backstage-cli', 'repo', 'lint']),
  );
  await step('unit and integration tests (backstage-cli repo test)', () =>
    run(npx, ['backstage-cli', 'repo', 'test'], { env: { CI: 'true' } }),
  );
  for (const major of PORTABLE_NODE_MAJORS) {
    await step(`engine and CLI tests on Node ${major}`, () =>
      run(
        ensureNode(major, log),
        [
          require.resolve('@backstage/cli/bin/backstage-cli', {
            paths: [root],
          }),
          'repo',
          'test',
          ...PORTABLE_SUITES,
        ],
        { env: { CI: 'true' } },
      ),
    );
  }
  const e2e = findE2e();
  if (e2e.length === 0)
    log(
      'no browser tests found (plugins/*/e2e/*.e2e.js, packages/*/e2e/*.e2e.js)',
    );
  for (const file of e2e) {
    await step(`browser test ${file}`, () => run(process.execPath, [file]));
  }

  // ---- packages and production (issue 13) --------------------------------
  // API reports (report.api.md) match the public APIs (after the tsc step);
  // `npm run build` makes the plugin packages' dist/, the app and the backend
  // bundle; the outside-the-workspace test packs the built packages into a
  // separate Backstage project (npm cache: .npm-e2e-cache/); the replica test
  // runs two production backends on the private PostgreSQL.
  await step(
    'API reports up to date (npm run build:api-reports to update)',
    () => run('npm', ['run', 'api-reports:only', '--', '--ci']),
  );
  await step('production build (npm run build)', () =>
    run('npm', ['run', 'build']),
  );
  await step(
    'outside-the-workspace test (scripts/e2e/outside-workspace.js)',
    () =>
      run(process.execPath, ['scripts/e2e/outside-workspace.js'], {
        env: { E2E_SKIP_BUILD: '1' },
      }),
  );
  await step('two-process replica test (scripts/e2e/replicas.js)', () =>
    run(process.execPath, ['scripts/e2e/replicas.js']),
  );
  // ---- end of issue 13 steps ---------------------------------------------

  stopPostgres();

  const failed = results.filter(r => !r.ok);
  log('summary');
  for (const r of results) {
    console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  (${fmt(r.ms)})`);
  }
  console.log(
    `\n${results.length - failed.length} passed, ${failed.length} failed`,
  );
  process.exit(failed.length ? 1 : 0);
}

main().catch(e => {
  console.error(e);
  stopPostgres();
  process.exit(1);
});

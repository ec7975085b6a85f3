#!/usr/bin/env node
/*
 * `npm start`: builds the app (packages/app) and starts the backend from
 * source, serving the built app, on http://localhost:7007 with the embedded
 * SQLite database kept in .data/sqlite/ (git-ignored; `npm run clean:data`
 * starts afresh) and guest sign-in (app-config.yaml + app-config.start.yaml).
 *
 * Options (environment):
 *   PORT=7101            serve on another port (app and backend base URLs follow)
 *   SKIP_APP_BUILD=1     reuse packages/app/dist from an earlier build
 *   APP_CONFIG_FILES=a.yaml,b.yaml   extra config files, loaded last
 *   WATCH=0              no file watcher: edits in the checkout never restart
 *                        the backend (the browser tests' portal, whose
 *                        in-memory database must last the whole run)
 *
 * Prints "Open http://localhost:PORT" once the backend answers its readiness
 * check, serves the app and the catalog holds entities. Ctrl-C stops everything.
 * The backend runs under `backstage-cli package start`, which restarts it when
 * a source file changes (the data stays in .data/sqlite/); with WATCH=0 it
 * runs from source under plain node with Backstage's TypeScript loader.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT || 7007);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number, found "${process.env.PORT}"`);
  process.exit(2);
}
const baseUrl = `http://localhost:${port}`;
let backend = null;
let exiting = false;

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', code =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** GET or POST on the backend; resolves { status, body } (status 0 when unreachable). */
function call(method, url, headers = {}) {
  return new Promise(resolve => {
    const req = http.request(url, { method, headers }, res => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', chunk => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.setTimeout(5000, () => {
      req.destroy();
      resolve({ status: 0, body: '' });
    });
    req.end();
  });
}

/** Number of catalog entities visible to a guest; null when guest sign-in is not configured. */
async function catalogCount(origin) {
  const auth = await call('POST', `${origin}/api/auth/guest/refresh`);
  if (auth.status !== 200) return null;
  let token;
  try {
    token = JSON.parse(auth.body).backstageIdentity.token;
  } catch {
    return null;
  }
  const res = await call(
    'GET',
    `${origin}/api/catalog/entities/by-query?limit=1`,
    {
      authorization: `Bearer ${token}`,
    },
  );
  if (res.status !== 200) return 0;
  try {
    return JSON.parse(res.body).totalItems ?? 0;
  } catch {
    return 0;
  }
}

/** Ready: the backend's readiness check passes, it serves the app, and the catalog has entities. */
async function waitUntilReady(started) {
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exiting || !backend) return false;
    const ready = await call('GET', `${origin}/.backstage/health/v1/readiness`);
    if (
      ready.status === 200 &&
      (await call('GET', `${origin}/`)).status === 200
    ) {
      const count = await catalogCount(origin);
      if (count === null || count > 0) return true;
    }
    if (Date.now() - started > 180_000) {
      throw new Error(
        `the backend did not become ready on port ${port} within 180 s`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

/** `backstage-cli package start`: restarts the backend when a source file changes. */
function watchedArgs(configArgs) {
  const cli = require.resolve('@backstage/cli/bin/backstage-cli', {
    paths: [root],
  });
  return [cli, 'package', 'start', ...configArgs];
}

/** The backend's source under node with the loader `package start` uses, no watcher. */
function unwatchedArgs(configArgs, env) {
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
    {
      paths: [
        require.resolve('@backstage/cli/package.json', { paths: [root] }),
      ],
    },
  );
  env.NODE_ENV = env.NODE_ENV || 'development';
  env.ESBK_TSCONFIG_PATH = path.join(root, 'tsconfig.json');
  return [
    '--enable-source-maps',
    '--require',
    transform,
    path.join(root, 'packages/backend/src/index.ts'),
    ...configArgs,
  ];
}

function stop(code) {
  if (exiting) return;
  exiting = true;
  if (backend) {
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const b = backend;
    setTimeout(() => {
      try {
        process.kill(-b.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      process.exit(code);
    }, 5000).unref();
    b.on('exit', () => process.exit(code));
  } else {
    process.exit(code);
  }
}

async function main() {
  process.on('SIGINT', () => stop(130));
  process.on('SIGTERM', () => stop(143));
  const t0 = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

  if (
    process.env.SKIP_APP_BUILD &&
    fs.existsSync(path.join(root, 'packages/app/dist/index.html'))
  ) {
    console.log('[start] reusing packages/app/dist (SKIP_APP_BUILD)');
  } else {
    console.log('[start] building the app (npm run build -w app) ...');
    await run(npm, ['run', 'build', '-w', 'app'], { cwd: root });
    console.log(
      `[start] app built in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }

  const configs = ['../../app-config.yaml', '../../app-config.start.yaml'];
  for (const extra of (process.env.APP_CONFIG_FILES || '')
    .split(',')
    .filter(Boolean)) {
    configs.push(path.resolve(root, extra));
  }
  const env = { ...process.env };
  // where app-config.yaml keeps the embedded SQLite files (relative to packages/backend)
  const dataDir = path.resolve(
    root,
    'packages/backend',
    process.env.AI_READINESS_DATA_DIR || '../../.data/sqlite',
  );
  if (port !== 7007) {
    // Backstage reads APP_CONFIG_<path> variables as the last config layer.
    env.APP_CONFIG_app_baseUrl = baseUrl;
    env.APP_CONFIG_backend_baseUrl = baseUrl;
    env.APP_CONFIG_backend_listen_port = String(port);
    env.APP_CONFIG_backend_cors_origin = baseUrl;
  }
  console.log(
    `[start] starting the backend on ${baseUrl} (SQLite in ${dataDir}, guest sign-in) ...`,
  );
  const t1 = Date.now();
  const configArgs = configs.flatMap(c => ['--config', c]);
  backend = spawn(
    process.execPath,
    process.env.WATCH === '0'
      ? unwatchedArgs(configArgs, env)
      : watchedArgs(configArgs),
    {
      cwd: path.join(root, 'packages/backend'),
      stdio: 'inherit',
      env,
      detached: true,
    },
  );
  backend.on('exit', code => {
    backend = null;
    if (!exiting) {
      console.error(`[start] the backend exited (${code})`);
      process.exit(code || 1);
    }
  });

  if (await waitUntilReady(t1)) {
    const s = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(
      `\n[start] ready in ${s} s (backend ${((Date.now() - t1) / 1000).toFixed(
        1,
      )} s)`,
    );
    console.log(`Open ${baseUrl}  (sign in as guest: "Enter")\n`);
  }
}

main().catch(e => {
  console.error(`[start] ${e.message}`);
  stop(1);
});

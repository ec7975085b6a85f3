/*
 * Runs the real portal for browser tests and benchmarks: builds the app
 * (packages/app) and starts the backend from source with the built app, on a
 * given port, SQLite in memory (or, with `defaultDatabase`, the embedded
 * SQLite files of app-config.yaml), without the file watcher of
 * `backstage-cli package start` (edits elsewhere in the checkout must not
 * restart the server, and empty its in-memory database, mid-run).
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

/** The repository root: the nearest folder up with a package.json declaring workspaces. */
function findRoot(from) {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (
      fs.existsSync(pkg) &&
      JSON.parse(fs.readFileSync(pkg, 'utf8')).workspaces
    )
      return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no repository root above ${from}`);
    dir = up;
  }
}

// Also right when bundled by scripts/run-ts.js (then __dirname is the entry's folder).
const root = findRoot(__dirname);

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; throws with the last error after timeoutMs. */
async function until(what, fn, timeoutMs, intervalMs = 1000) {
  const t0 = Date.now();
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${
          last ? `: ${last.message}` : ''
        }`,
      );
    }
    await sleep(intervalMs);
  }
}

function runToLog(cmd, args, logFile, opts = {}) {
  const out = fs.openSync(logFile, 'a');
  return new Promise(resolve => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: ['ignore', out, out],
      ...opts,
    });
    child.on('exit', code => resolve(code));
    child.on('error', () => resolve(1));
  });
}

/**
 * Starts the portal. Returns { base, stop(), http(), guestToken(), waitReady() }.
 * options: port, tmpDir (for the config overlay and the log), extraConfig (YAML
 * text appended to the overlay), skipAppBuild, log (function),
 * defaultDatabase (keep app-config.yaml's database instead of SQLite in
 * memory), env (extra environment variables for the backend).
 */
async function startPortal(options) {
  const { port, tmpDir, extraConfig = '', log = () => {} } = options;
  const base = `http://localhost:${port}`;
  const logFile = path.join(tmpDir, 'portal.log');
  const overlay = path.join(tmpDir, 'app-config.overlay.yaml');
  fs.writeFileSync(
    overlay,
    [
      'app:',
      `  baseUrl: ${base}`,
      'backend:',
      `  baseUrl: ${base}`,
      '  listen:',
      `    port: ${port}`,
      '  cors:',
      `    origin: ${base}`,
      ...(options.defaultDatabase
        ? []
        : [
            '  database:',
            '    client: better-sqlite3',
            "    connection: ':memory:'",
          ]),
      extraConfig,
    ].join('\n'),
  );

  const dist = path.join(root, 'packages', 'app', 'dist', 'index.html');
  if (options.skipAppBuild && fs.existsSync(dist)) {
    log('reusing packages/app/dist');
  } else {
    log('building the app (npm run build -w app) ...');
    const t0 = Date.now();
    const code = await runToLog('npm', ['run', 'build', '-w', 'app'], logFile);
    if (code !== 0)
      throw new Error(`npm run build -w app failed (${code}); log: ${logFile}`);
    log(`app built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
    {
      paths: [
        require.resolve('@backstage/cli/package.json', { paths: [root] }),
      ],
    },
  );
  const backendDir = path.join(root, 'packages', 'backend');
  const out = fs.openSync(logFile, 'a');
  let child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      transform,
      path.join(backendDir, 'src', 'index.ts'),
      ...['app-config.yaml', 'app-config.start.yaml', overlay].flatMap(c => [
        '--config',
        path.resolve(root, c),
      ]),
    ],
    {
      cwd: backendDir,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        ESBK_TSCONFIG_PATH: path.join(root, 'tsconfig.json'),
        ...(options.env || {}),
      },
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  child.on('exit', code => {
    if (child) log(`the portal exited (${code}); log: ${logFile}`);
    child = null;
  });

  async function http(pathname, { token, method = 'GET', body } = {}) {
    const res = await fetch(`${base}${pathname}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'Content-Type': 'application/json' } : {}),
        'X-Requested-With': 'XMLHttpRequest',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  }

  return {
    base,
    logFile,
    isRunning: () => Boolean(child),
    http,
    async waitReady(timeoutMs = 300_000) {
      await until(
        'the backend readiness check and the app',
        async () => {
          if (!child) throw new Error(`the portal exited; log: ${logFile}`);
          const ready = await fetch(
            `${base}/.backstage/health/v1/readiness`,
          ).catch(() => null);
          if (!ready || ready.status !== 200) return false;
          const index = await fetch(`${base}/`).catch(() => null);
          return (
            index &&
            index.status === 200 &&
            /<div id="root">/.test(await index.text())
          );
        },
        timeoutMs,
      );
    },
    async guestToken() {
      const res = await http('/api/auth/guest/refresh');
      const token = res.json?.backstageIdentity?.token;
      if (!token) {
        throw new Error(
          `no guest token from /api/auth/guest/refresh (${
            res.status
          } ${res.text.slice(0, 200)})`,
        );
      }
      return token;
    },
    /** Waits until the catalog's entity count has stopped changing (and is at least min). */
    async waitForCatalog(
      token,
      { min = 1, timeoutMs = 300_000, onProgress } = {},
    ) {
      let last = -1;
      let stable = 0;
      return until(
        `the catalog to settle (at least ${min} entities)`,
        async () => {
          const r = await http('/api/catalog/entities/by-query?limit=1', {
            token,
          });
          const n = r.json?.totalItems;
          stable = n === last && n >= min ? stable + 1 : 0;
          if (n !== last && onProgress) onProgress(n);
          last = n;
          return stable >= 3 ? n : false;
        },
        timeoutMs,
      );
    },
    /** Asks for a full refresh and waits until the stored scorecard count is stable (and at least min). */
    async refreshAll(token, { min = 1, timeoutMs = 300_000, onProgress } = {}) {
      const refresh = await http('/api/ai-readiness/refresh', {
        token,
        method: 'POST',
        body: {},
      });
      if (refresh.status !== 202) {
        throw new Error(
          `POST /refresh answered ${refresh.status}: ${refresh.text}`,
        );
      }
      let last = -1;
      let stable = 0;
      return until(
        `the scorecards to be stored (at least ${min})`,
        async () => {
          const r = await http('/api/ai-readiness/scorecards?limit=1', {
            token,
          });
          const n = r.json?.totalCount;
          stable = n === last && n >= min ? stable + 1 : 0;
          if (n !== last && onProgress) onProgress(n);
          last = n;
          return stable >= 3 ? n : false;
        },
        timeoutMs,
      );
    },
    async stop() {
      const p = child;
      if (!p) return;
      child = null;
      try {
        process.kill(-p.pid, 'SIGTERM');
      } catch {
        return;
      }
      const exited = await Promise.race([
        new Promise(r => p.once('exit', () => r(true))),
        sleep(15000).then(() => false),
      ]);
      if (!exited) {
        try {
          process.kill(-p.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    },
  };
}

/** Headless Chromium with the flags that work on this kind of machine. */
async function launchChromium(
  profileDir,
  viewport = { width: 1440, height: 1000 },
) {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `${executablePath} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  const { chromium } = require('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in as guest on the sign-in page (skipped when a session exists). */
async function signInAsGuest(page, base) {
  await page.goto(`${base}/catalog`);
  const enter = page.getByRole('button', { name: 'Enter' });
  const nav = page.getByRole('link', { name: 'AI readiness' }).first();
  // Either the sign-in page or, with a session already, the app itself.
  await Promise.race([enter.waitFor(), nav.waitFor()]);
  if (await enter.isVisible()) await enter.click();
  await nav.waitFor();
}

/**
 * A tab of an entity page by its title. The entity page of the new frontend
 * system lists its tabs as links in the header's "Content navigation" (not
 * role="tab"); scoped to it, "AI readiness" is the tab, not the sidebar item.
 */
function entityTab(page, title) {
  return page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: title, exact: true });
}

/**
 * The example portal as the browser tests run it: the app built unless
 * SKIP_APP_BUILD is set, the first refresh 3 s after start and the next one
 * not before the test is over. `extraConfig` is YAML added after that.
 */
function startExamplePortal({ port, tmpDir, log, extraConfig = '' }) {
  return startPortal({
    port,
    tmpDir,
    skipAppBuild: Boolean(process.env.SKIP_APP_BUILD),
    log,
    extraConfig: [
      'aiReadiness:',
      '  schedule:',
      '    frequency: { minutes: 30 }',
      '    initialDelay: { seconds: 3 }',
      extraConfig,
    ].join('\n'),
  });
}

module.exports = {
  startExamplePortal,
  root,
  sleep,
  until,
  startPortal,
  launchChromium,
  signInAsGuest,
  entityTab,
};

#!/usr/bin/env node
/*
 * Proof that the packages work outside this workspace.
 *
 * In a temporary folder (outside this repository, so that Node never finds
 * its node_modules) it
 *   1. builds and packs the four plugin packages (scripts/build-packages.js),
 *   2. creates a minimal Backstage project of its own: packages/backend and
 *      packages/app, on the Backstage 1.55 release's packages from the npm
 *      registry (versions of shared/toolchain.md), with the tarballs as
 *      dependencies, and installs it with npm,
 *   3. starts that backend (catalog + the ai-readiness plugin, PostgreSQL)
 *      and reads GET /api/ai-readiness/rubric and a scorecard from it,
 *   4. builds that app (legacy frontend system, the plugin's page and entity
 *      tab wired in) with its own @backstage/cli.
 *
 * npm downloads are cached in .npm-e2e-cache/ beside node_modules (ignored by
 * git); --prefer-offline uses cached metadata and tarballs when they fit.
 * PostgreSQL: AI_READINESS_PG_CONNECTION (set by scripts/test.js); every
 * database this test creates has a unique prefix and is dropped at the end.
 * E2E_SKIP_BUILD=1 packs the packages as built (`npm run build` ran before).
 * Port: E2E_OUTSIDE_PORT or a free one. E2E_TARBALLS=<folder> takes tarballs
 * packed earlier instead of building; E2E_KEEP=1 keeps the project folder.
 * Prints the time of each phase.
 */
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const cacheDir = path.join(root, '.npm-e2e-cache');
const timings = [];
let backend = null;

/** The Backstage 1.55 release's ranges (shared/toolchain.md). */
const V = {
  '@backstage/cli': '^0.36.6',
  '@backstage/backend-defaults': '^0.18.0',
  '@backstage/plugin-catalog-backend': '^4.0.0',
  '@backstage/app-defaults': '^1.7.12',
  '@backstage/core-app-api': '^1.20.5',
  '@backstage/core-plugin-api': '^1.12.10',
  '@backstage/core-components': '^0.18.14',
  '@backstage/plugin-catalog': '~2.0.9',
  '@backstage/plugin-catalog-react': '^3.2.3',
  '@backstage/theme': '^0.7.3',
  '@backstage/catalog-model': '^1.10.1',
  '@material-ui/core': '^4.12.2',
  react: '^18.0.2',
  'react-dom': '^18.0.2',
  'react-router': '^6.30.2',
  'react-router-dom': '^6.30.2',
  pg: '^8.11.3',
};
const pick = (...names) => Object.fromEntries(names.map(n => [n, V[n]]));

function log(msg) {
  process.stdout.write(`[outside] ${msg}\n`);
}

async function phase(name, fn) {
  const start = Date.now();
  log(`${name} ...`);
  const result = await fn();
  const ms = Date.now() - start;
  timings.push([name, ms]);
  log(`${name}: ${(ms / 1000).toFixed(1)} s`);
  return result;
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
  }
}

function write(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    typeof content === 'string'
      ? content
      : `${JSON.stringify(content, null, 2)}\n`,
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function get(url, token) {
  return new Promise(resolve => {
    const req = http.get(
      url,
      { headers: token ? { authorization: `Bearer ${token}` } : {} },
      res => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', c => (body += c));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.setTimeout(10000, () => req.destroy());
  });
}

async function waitFor(what, fn, timeoutMs) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last.ok) return last;
    if (backend && backend.exitCode !== null) {
      throw new Error(
        `backend exited (${backend.exitCode}) while waiting for ${what}`,
      );
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `timed out waiting for ${what}; last answer: ${JSON.stringify(last).slice(
      0,
      500,
    )}`,
  );
}

/** The PostgreSQL connection of the test, as node-postgres fields. */
function pgConnection() {
  const url = process.env.AI_READINESS_PG_CONNECTION;
  if (!url) {
    throw new Error(
      'AI_READINESS_PG_CONNECTION is not set (scripts/test.js sets it; e.g. postgresql://postgres@127.0.0.1:55432/postgres)',
    );
  }
  const u = new URL(url);
  return {
    url,
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password || ''),
  };
}

/** Drops the databases whose names start with the prefix (psql from the machine). */
function dropDatabases(prefix) {
  const { url } = pgConnection();
  const list = spawnSync(
    'psql',
    [
      url,
      '-Atc',
      `select datname from pg_database where datname like '${prefix}%'`,
    ],
    { encoding: 'utf8' },
  );
  for (const name of (list.stdout || '').split('\n').filter(Boolean)) {
    spawnSync('psql', [
      url,
      '-qc',
      `drop database if exists "${name}" with (force)`,
    ]);
  }
}

function projectFiles(dir, tarballs, port, token, prefix) {
  const tgz = name => `file:${path.join(dir, 'tarballs', tarballs[name])}`;
  const ours = Object.fromEntries(Object.keys(tarballs).map(n => [n, tgz(n)]));
  write(path.join(dir, 'package.json'), {
    name: 'outside-portal',
    version: '0.0.0',
    private: true,
    workspaces: ['packages/*'],
    // the tarballs depend on each other by version (0.1.0), which is not on
    // the registry: point those edges at the tarballs too
    overrides: { ...ours, '@types/react': '^18', '@types/react-dom': '^18' },
    // the CLI's modules (build, ...), as create-app sets them up
    devDependencies: { '@backstage/cli-defaults': '^0.1.6' },
  });
  write(
    path.join(dir, '.npmrc'),
    'legacy-peer-deps=true\nfund=false\naudit=false\n',
  );

  // --- backend: plain JavaScript, run with node
  write(path.join(dir, 'packages/backend/package.json'), {
    name: 'backend',
    version: '0.0.0',
    private: true,
    main: 'index.js',
    dependencies: {
      ...pick(
        '@backstage/backend-defaults',
        '@backstage/plugin-catalog-backend',
        'pg',
      ),
      '@ai-readiness/plugin-ai-readiness-backend':
        ours['@ai-readiness/plugin-ai-readiness-backend'],
    },
  });
  write(
    path.join(dir, 'packages/backend/index.js'),
    `const { createBackend } = require('@backstage/backend-defaults');
const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@ai-readiness/plugin-ai-readiness-backend'));
backend.start();
`,
  );
  const pg = pgConnection();
  write(
    path.join(dir, 'app-config.yaml'),
    `app:
  title: Outside portal
  baseUrl: http://localhost:${port}
backend:
  baseUrl: http://localhost:${port}
  listen: { port: ${port}, host: 127.0.0.1 }
  database:
    client: pg
    prefix: ${prefix}
    connection:
      host: ${pg.host}
      port: ${pg.port}
      user: ${pg.user}
      password: ${JSON.stringify(pg.password || 'unused')}
  auth:
    externalAccess:
      - type: static
        options:
          token: ${token}
          subject: outside-e2e
catalog:
  rules:
    - allow: [Component, Group, User, System, Resource, API, Location]
  locations:
    - type: file
      target: ${path.join(dir, 'catalog.yaml')}
aiReadiness:
  schedule:
    frequency: { minutes: 30 }
    initialDelay: { seconds: 1 }
`,
  );
  write(
    path.join(dir, 'catalog.yaml'),
    `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: claims-summarizer
  annotations:
    ai-readiness/enabled: 'true'
    ai-readiness/business-owner: group:default/team-a
  links:
    - url: https://wiki.example.com/claims-summarizer/runbook
      title: Runbook
      type: runbook
spec:
  type: llm-app
  lifecycle: experimental
  owner: team-a
`,
  );

  // --- app: the legacy frontend system, like `create-app --legacy`
  write(path.join(dir, 'packages/app/package.json'), {
    name: 'app',
    version: '0.0.0',
    private: true,
    bundled: true,
    backstage: { role: 'frontend' },
    scripts: { build: 'backstage-cli package build' },
    dependencies: {
      ...pick(
        '@backstage/app-defaults',
        '@backstage/core-app-api',
        '@backstage/core-components',
        '@backstage/core-plugin-api',
        '@backstage/plugin-catalog',
        '@backstage/plugin-catalog-react',
        '@backstage/theme',
        '@backstage/catalog-model',
        '@material-ui/core',
        'react',
        'react-dom',
        'react-router',
        'react-router-dom',
      ),
      '@ai-readiness/plugin-ai-readiness':
        ours['@ai-readiness/plugin-ai-readiness'],
    },
    devDependencies: pick('@backstage/cli'),
    browserslist: ['last 1 chrome version'],
  });
  write(
    path.join(dir, 'packages/app/public/index.html'),
    `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8" /><title><%= config.getString('app.title') %></title></head>
  <body><div id="root"></div></body>
</html>
`,
  );
  write(
    path.join(dir, 'packages/app/src/index.tsx'),
    `import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import App from './App';

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);
`,
  );
  write(
    path.join(dir, 'packages/app/src/App.tsx'),
    `import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { Navigate, Route } from 'react-router-dom';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  EntityLayout,
  EntitySwitch,
  catalogPlugin,
} from '@backstage/plugin-catalog';
import {
  AiReadinessPage,
  EntityAiReadinessCard,
  EntityAiReadinessContent,
  aiReadinessPlugin,
  isAiPilot,
} from '@ai-readiness/plugin-ai-readiness';

const app = createApp({ plugins: [catalogPlugin, aiReadinessPlugin] });

const entityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <EntitySwitch>
        <EntitySwitch.Case if={isAiPilot}>
          <EntityAiReadinessCard />
        </EntitySwitch.Case>
      </EntitySwitch>
    </EntityLayout.Route>
    <EntityLayout.Route path="/ai-readiness" title="AI readiness" if={isAiPilot}>
      <EntityAiReadinessContent />
    </EntityLayout.Route>
  </EntityLayout>
);

export default app.createRoot(
  <AppRouter>
    <FlatRoutes>
      <Route path="/" element={<Navigate to="catalog" />} />
      <Route path="/catalog" element={<CatalogIndexPage />} />
      <Route path="/catalog/:namespace/:kind/:name" element={<CatalogEntityPage />}>
        {entityPage}
      </Route>
      <Route path="/ai-readiness" element={<AiReadinessPage />} />
    </FlatRoutes>
  </AppRouter>,
);
`,
  );
}

async function main() {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-outside-'));
  const prefix = `outside_${crypto.randomBytes(4).toString('hex')}_`;
  const token = crypto.randomBytes(24).toString('hex');
  const port = Number(process.env.E2E_OUTSIDE_PORT) || (await freePort());
  const keep = process.env.E2E_KEEP === '1';
  log(
    `project in ${dir} (E2E_KEEP=1 keeps it), port ${port}, database prefix ${prefix}`,
  );
  try {
    const tarballDir = path.join(dir, 'tarballs');
    if (process.env.E2E_TARBALLS) {
      // tarballs made earlier (scripts/build-packages.js --pack <folder>)
      fs.mkdirSync(tarballDir);
      for (const f of fs.readdirSync(process.env.E2E_TARBALLS)) {
        if (f.endsWith('.tgz'))
          fs.copyFileSync(
            path.join(process.env.E2E_TARBALLS, f),
            path.join(tarballDir, f),
          );
      }
    } else {
      await phase('build and pack the plugin packages', () =>
        sh(
          process.execPath,
          [
            path.join(root, 'scripts/build-packages.js'),
            ...(process.env.E2E_SKIP_BUILD === '1' ? ['--no-build'] : []),
            '--pack',
            tarballDir,
          ],
          { cwd: root },
        ),
      );
    }
    const tarballs = {};
    for (const file of fs.readdirSync(tarballDir)) {
      const listing = spawnSync(
        'tar',
        ['xzf', path.join(tarballDir, file), '-O', 'package/package.json'],
        {
          encoding: 'utf8',
        },
      );
      const pkg = JSON.parse(listing.stdout);
      tarballs[pkg.name] = file;
      // what an adopter gets: built entry points, types, the compiled config schema
      if (
        !/^dist\//.test(pkg.main || pkg.module) ||
        !/^dist\//.test(pkg.types)
      ) {
        throw new Error(
          `${file}: main/types do not point into dist/ (${pkg.main}, ${pkg.types})`,
        );
      }
    }
    if (Object.keys(tarballs).length !== 4) {
      throw new Error(
        `expected 4 tarballs, found ${Object.keys(tarballs).join(', ')}`,
      );
    }
    projectFiles(dir, tarballs, port, token, prefix);

    await phase('npm install (cache: .npm-e2e-cache)', () =>
      sh(
        'npm',
        [
          'install',
          '--cache',
          cacheDir,
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
        ],
        { cwd: dir, env: { ...process.env, NODE_PATH: '' } },
      ),
    );
    // installed from the tarballs, into the project's own node_modules
    for (const name of Object.keys(tarballs)) {
      const resolved = fs.realpathSync(path.join(dir, 'node_modules', name));
      if (
        !resolved.startsWith(fs.realpathSync(dir)) ||
        resolved.startsWith(root)
      ) {
        throw new Error(
          `${name} resolves to ${resolved}, not inside the project`,
        );
      }
      const pkg = JSON.parse(
        fs.readFileSync(path.join(resolved, 'package.json'), 'utf8'),
      );
      if (
        pkg.version !== '0.1.0' ||
        !fs.existsSync(path.join(resolved, 'dist'))
      ) {
        throw new Error(
          `${name} in the project is not the packed build (${resolved})`,
        );
      }
    }

    await phase('start the backend, GET /rubric and a scorecard', async () => {
      const out = fs.openSync(path.join(dir, 'backend.log'), 'w');
      backend = spawn(
        process.execPath,
        ['packages/backend', '--config', 'app-config.yaml'],
        {
          cwd: dir,
          stdio: ['ignore', out, out],
          env: { ...process.env, NODE_ENV: 'production', NODE_PATH: '' },
        },
      );
      const base = `http://127.0.0.1:${port}`;
      await waitFor(
        'readiness',
        async () => {
          const r = await get(`${base}/.backstage/health/v1/readiness`);
          return { ok: r.status === 200, ...r };
        },
        600000,
      );
      const noToken = await get(`${base}/api/ai-readiness/rubric`);
      if (noToken.status !== 401)
        throw new Error(
          `GET /rubric without a token: ${noToken.status}, expected 401`,
        );
      const rubric = await get(`${base}/api/ai-readiness/rubric`, token);
      if (rubric.status !== 200)
        throw new Error(
          `GET /rubric: ${rubric.status} ${rubric.body.slice(0, 300)}`,
        );
      const parsed = JSON.parse(rubric.body);
      if (
        !Array.isArray(parsed.checks) ||
        parsed.checks.length < 30 ||
        !Array.isArray(parsed.dimensions)
      ) {
        throw new Error(
          `GET /rubric: unexpected answer ${rubric.body.slice(0, 300)}`,
        );
      }
      log(
        `GET /rubric: ${parsed.checks.length} checks, ${parsed.dimensions.length} dimensions`,
      );
      const card = await waitFor(
        'the scorecard of component:default/claims-summarizer',
        async () => {
          const r = await get(
            `${base}/api/ai-readiness/scorecards/default/component/claims-summarizer`,
            token,
          );
          return { ok: r.status === 200, ...r };
        },
        600000,
      );
      const scorecard = JSON.parse(card.body);
      if (
        scorecard.entityRef !== 'component:default/claims-summarizer' ||
        !/^L[0-3]$/.test(scorecard.level?.id ?? scorecard.level)
      ) {
        throw new Error(`unexpected scorecard ${card.body.slice(0, 300)}`);
      }
      log(
        `scorecard of ${scorecard.entityRef}: level ${JSON.stringify(
          scorecard.level,
        ).slice(0, 80)}, score ${scorecard.score}`,
      );
      backend.kill('SIGTERM');
      await new Promise(r =>
        backend.exitCode !== null ? r() : backend.once('exit', r),
      );
      backend = null;
    });

    await phase('build the app with the frontend plugin', () =>
      sh(
        path.join(dir, 'node_modules/.bin/backstage-cli'),
        ['package', 'build', '--config', '../../app-config.yaml'],
        {
          cwd: path.join(dir, 'packages/app'),
          env: { ...process.env, NODE_PATH: '' },
        },
      ),
    );
    const assets = path.join(dir, 'packages/app/dist/static');
    const js = fs.readdirSync(assets).filter(f => f.endsWith('.js'));
    const withPlugin = js.filter(
      f =>
        fs
          .readFileSync(path.join(assets, f), 'utf8')
          .includes('/api/ai-readiness') ||
        fs.readFileSync(path.join(assets, f), 'utf8').includes('ai-readiness'),
    );
    if (
      !fs.existsSync(path.join(dir, 'packages/app/dist/index.html')) ||
      withPlugin.length === 0
    ) {
      throw new Error(
        'the app build has no index.html or no chunk with the ai-readiness plugin',
      );
    }
    log(
      `app built: ${js.length} scripts, ${withPlugin.length} with the plugin`,
    );
  } catch (e) {
    const logFile = path.join(dir, 'backend.log');
    if (fs.existsSync(logFile)) {
      log('backend log (last 60 lines):');
      process.stdout.write(
        fs.readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n'),
      );
    }
    throw e;
  } finally {
    if (backend) backend.kill('SIGKILL');
    dropDatabases(prefix);
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    const total = Date.now() - started;
    log(
      `times: ${timings
        .map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`)
        .join('; ')}; total ${(total / 1000).toFixed(1)} s`,
    );
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (backend) backend.kill('SIGKILL');
    process.exit(130);
  });
}

main().then(
  () => log('PASS'),
  e => {
    console.error(`[outside] FAIL: ${e.message}`);
    process.exit(1);
  },
);

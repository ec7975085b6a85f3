#!/usr/bin/env node
/*
 * Proof that the packages work in a Backstage project as create-app makes it
 * today, outside this workspace.
 *
 * In a temporary folder (outside this repository, so that Node never finds
 * its node_modules) it
 *   1. makes a project with `@backstage/create-app` (the Backstage 1.55
 *      release's, on Node 22 from the npm registry): the default template,
 *      on the new frontend system, and beside its app the app of the
 *      `--legacy` template (packages/app-legacy); commits it to git,
 *   2. installs the project as create-app made it, with npm: the Backstage
 *      app an adopter already has (npm resolves it; the packages this
 *      repository installed in the same versions are hard-linked in rather
 *      than unpacked again: outside-workspace/seed.js),
 *   3. builds and packs the four plugin packages (scripts/build-packages.js),
 *   4. adds the tarballs and the configuration, plus the legacy app's wiring
 *      of docs/frontend.md, and prints that diff (outside-workspace/project.js),
 *   5. installs again, which adds the packages to the installed project,
 *   6. builds the new-frontend-system app, which finds the plugin by itself
 *      (`app.packages: all`),
 *   7. starts the backend (SQLite in memory, as the template configures it),
 *      which serves that app; reads GET /api/ai-readiness/rubric and the
 *      pilot's scorecard as the guest user; opens the pilot's readiness tab
 *      and the org page in Chromium (outside-workspace/browser.js),
 *   8. builds the legacy app.
 *
 * npm (create-app's npx and the installs) uses the same cache as the
 * repository's own `npm ci`, which holds most of the project's packages
 * already; --prefer-offline uses cached metadata and tarballs when they fit.
 * E2E_SKIP_BUILD=1 packs the packages as built (`npm run build` ran before).
 * Steps 1 and 2 need nothing of this repository but its installed
 * node_modules: `--prepare <folder>` runs only them, into that folder, and
 * `--prepared <folder>` runs the rest on the project found there (and removes
 * the folder at the end). `npm run test:all` prepares the project beside its
 * first steps, on the cores they leave idle.
 * Port: E2E_OUTSIDE_PORT or a free one. E2E_TARBALLS=<folder> takes tarballs
 * packed earlier instead of building; E2E_KEEP=1 keeps the project folder
 * (with the screenshots). Prints the time of each phase.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');
const { assert, createRun, sh, startNode, stop } = require('./lib/process');
const { freePort, request, waitFor, waitReady } = require('./lib/http');
const {
  addAiReadiness,
  createProject,
} = require('./outside-workspace/project');
const { checkInBrowser } = require('./outside-workspace/browser');
const { installProject, NPM_FLAGS } = require('./outside-workspace/seed');
const {
  checkInstalled,
  packTarballs,
  readTarballs,
} = require('./outside-workspace/tarballs');

const { log, phase, logTimes, logTail, runMain } = createRun('outside');
const PILOT = 'claims-summarizer';
let backend = null;
const dead = () =>
  backend &&
  backend.exitCode !== null &&
  `backend exited (${backend.exitCode})`;
const get = (url, token) => request('GET', url, { token, timeoutMs: 10000 });
const env = { ...process.env, NODE_PATH: '' };

/** Builds a frontend package of the project with its own CLI. */
function buildApp(project, app, overlay) {
  sh(
    path.join(project, 'node_modules/.bin/backstage-cli'),
    [
      'package',
      'build',
      '--config',
      '../../app-config.yaml',
      '--config',
      overlay,
    ],
    { cwd: path.join(project, 'packages', app), env },
  );
  assert(
    fs.existsSync(path.join(project, 'packages', app, 'dist', 'index.html')),
    `packages/${app}: the build made no dist/index.html`,
  );
}

/** The template's TypeScript backend, run from source as `backstage-cli package start` does. */
function startBackend(project, overlay) {
  const cli = path.dirname(
    require.resolve('@backstage/cli/package.json', { paths: [project] }),
  );
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
    { paths: [cli] },
  );
  return startNode(
    [
      '--require',
      transform,
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      overlay,
    ],
    {
      cwd: path.join(project, 'packages', 'backend'),
      logFile: path.join(project, 'backend.log'),
      env: {
        ...env,
        NODE_ENV: 'development',
        ESBK_TSCONFIG_PATH: path.join(project, 'tsconfig.json'),
      },
    },
  );
}

/** What --prepare leaves in its folder for --prepared. */
const PREPARED = 'prepared.json';

/** Steps 1 and 2 (see the file comment) in `dir`; returns the project's folder. */
async function prepareProject(dir) {
  const project = await phase(
    'create-app: the default and the --legacy template',
    () => createProject(dir),
  );
  await phase('npm install of the project as create-app made it', () => {
    const { linked, of } = installProject(project, env);
    log(`${linked} of ${of} packages hard-linked from this repository`);
  });
  return project;
}

/** The project that --prepare made in `dir`; throws if there is none. */
function preparedProject(dir) {
  const file = path.join(dir, PREPARED);
  assert(
    fs.existsSync(file),
    `${dir} holds no project prepared by --prepare (no ${PREPARED})`,
  );
  const { project } = JSON.parse(fs.readFileSync(file, 'utf8'));
  log(`the project as create-app made it, installed by --prepare: ${project}`);
  return project;
}

async function main() {
  const { values: args } = parseArgs({
    options: { prepare: { type: 'string' }, prepared: { type: 'string' } },
  });
  if (args.prepare) {
    const dir = path.resolve(args.prepare);
    fs.mkdirSync(dir, { recursive: true });
    log(`folder ${dir}: create-app and the first install only`);
    try {
      const project = await prepareProject(dir);
      fs.writeFileSync(path.join(dir, PREPARED), JSON.stringify({ project }));
    } finally {
      logTimes();
    }
    return;
  }
  const dir = args.prepared
    ? path.resolve(args.prepared)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-outside-'));
  const port = Number(process.env.E2E_OUTSIDE_PORT) || (await freePort());
  const base = `http://localhost:${port}`;
  const keep = process.env.E2E_KEEP === '1';
  log(`folder ${dir} (E2E_KEEP=1 keeps it), port ${port}`);
  let project = path.join(dir, 'portal');
  try {
    project = args.prepared ? preparedProject(dir) : await prepareProject(dir);

    const tarballDir = path.join(dir, 'tarballs');
    await packTarballs(tarballDir, phase);
    const tarballs = readTarballs(tarballDir);

    await phase('add the packages and the configuration', () => {
      const diff = addAiReadiness(project, tarballDir, tarballs);
      log(`the changes to the project as create-app made it:\n${diff}`);
    });
    // what this test needs on top (not part of the diff): its port
    const overlay = path.join(dir, 'app-config.e2e.yaml');
    fs.writeFileSync(
      overlay,
      `app:\n  baseUrl: ${base}\nbackend:\n  baseUrl: ${base}\n` +
        `  listen: { port: ${port} }\n  cors: { origin: ${base} }\n`,
    );

    await phase('npm install of the added packages', () =>
      sh('npm', ['install', ...NPM_FLAGS], { cwd: project, env }),
    );
    // installed from the tarballs, into the project's own node_modules
    checkInstalled(project, tarballs);

    await phase('build the app (new frontend system)', () =>
      buildApp(project, 'app', overlay),
    );

    await phase(
      'start the backend; the API; the tab and the org page in Chromium',
      async () => {
        backend = startBackend(project, overlay);
        await waitReady('readiness', base, 600000, { dead });
        const guest = await get(`${base}/api/auth/guest/refresh`);
        const token = JSON.parse(guest.body || '{}').backstageIdentity?.token;
        assert(
          token,
          `no guest token: ${guest.status} ${guest.body.slice(0, 200)}`,
        );
        const rubric = await get(`${base}/api/ai-readiness/rubric`, token);
        assert(
          rubric.status === 200 && JSON.parse(rubric.body).checks.length >= 30,
          `GET /rubric: ${rubric.status} ${rubric.body.slice(0, 300)}`,
        );
        const card = await waitFor(
          `the scorecard of component:default/${PILOT}`,
          async () => {
            const r = await get(
              `${base}/api/ai-readiness/scorecards/default/component/${PILOT}`,
              token,
            );
            return { ok: r.status === 200, ...r };
          },
          600000,
          { dead },
        );
        // the org page lists stored scorecards: the first scheduled run may
        // have come before the catalog was read, so ask for a full refresh
        const refresh = await request(
          'POST',
          `${base}/api/ai-readiness/refresh`,
          { token, body: {} },
        );
        assert(refresh.status === 202, `POST /refresh: ${refresh.status}`);
        await waitFor(
          'the pilot among the stored scorecards',
          async () => {
            const r = await get(
              `${base}/api/ai-readiness/scorecards?limit=10`,
              token,
            );
            const items = r.status === 200 ? JSON.parse(r.body).items : [];
            return {
              ok: items.some(i => i.entityRef.endsWith(`/${PILOT}`)),
              ...r,
            };
          },
          600000,
          { dead },
        );
        const scorecard = JSON.parse(card.body);
        log(
          `scorecard of ${scorecard.entityRef}: ${scorecard.level}, score ${scorecard.score}`,
        );
        await checkInBrowser({
          base,
          pilot: PILOT,
          scorecard,
          outDir: dir,
          log,
        });
        await stop(backend);
        backend = null;
      },
    );

    await phase('build the legacy app (wired as docs/frontend.md shows)', () =>
      buildApp(project, 'app-legacy', overlay),
    );
  } catch (e) {
    logTail('backend log', path.join(project, 'backend.log'), 60);
    throw e;
  } finally {
    if (backend) backend.kill('SIGKILL');
    // Removed after this process: coreutils' rm takes 20 s over the 3,000
    // installed packages (faster than fs.rmSync), and no check waits on it.
    if (!keep)
      spawn('rm', ['-rf', dir], { detached: true, stdio: 'ignore' }).unref();
    logTimes();
  }
}

runMain(main, {
  onSignal: () => {
    if (backend) backend.kill('SIGKILL');
  },
});

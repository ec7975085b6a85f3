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
 * npm installs from the same cache as the repository's own `npm ci` (most of
 * the project's packages are there already); --prefer-offline uses cached
 * metadata and tarballs when they fit.
 * PostgreSQL: AI_READINESS_PG_CONNECTION (set by scripts/with-postgres.sh); every
 * database this test creates has a unique prefix and is dropped at the end.
 * E2E_SKIP_BUILD=1 packs the packages as built (`npm run build` ran before).
 * Port: E2E_OUTSIDE_PORT or a free one. E2E_TARBALLS=<folder> takes tarballs
 * packed earlier instead of building; E2E_KEEP=1 keeps the project folder.
 * Prints the time of each phase.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { assert, createRun, sh, startNode, stop } = require('./lib/process');
const { freePort, request, waitFor, waitReady } = require('./lib/http');
const { dropDatabases } = require('./lib/postgres');
const { projectFiles } = require('./outside-workspace/project');
const {
  checkInstalled,
  packTarballs,
  readTarballs,
} = require('./outside-workspace/tarballs');

const { log, phase, logTimes, logTail, runMain } = createRun('outside');
let backend = null;
const dead = () =>
  backend &&
  backend.exitCode !== null &&
  `backend exited (${backend.exitCode})`;
const get = (url, token) => request('GET', url, { token, timeoutMs: 10000 });

async function main() {
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
    await packTarballs(tarballDir, phase);
    const tarballs = readTarballs(tarballDir);
    projectFiles(dir, tarballs, port, token, prefix);

    await phase('npm install (the npm cache of npm ci)', () =>
      sh(
        'npm',
        [
          'install',
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
        ],
        { cwd: dir, env: { ...process.env, NODE_PATH: '' } },
      ),
    );
    // installed from the tarballs, into the project's own node_modules
    checkInstalled(dir, tarballs);

    await phase('start the backend, GET /rubric and a scorecard', async () => {
      backend = startNode(['packages/backend', '--config', 'app-config.yaml'], {
        cwd: dir,
        logFile: path.join(dir, 'backend.log'),
        env: { ...process.env, NODE_ENV: 'production', NODE_PATH: '' },
      });
      const base = `http://127.0.0.1:${port}`;
      await waitReady('readiness', base, 600000, { dead });
      const noToken = await get(`${base}/api/ai-readiness/rubric`);
      assert(
        noToken.status === 401,
        `GET /rubric without a token: ${noToken.status}, expected 401`,
      );
      const rubric = await get(`${base}/api/ai-readiness/rubric`, token);
      assert(
        rubric.status === 200,
        `GET /rubric: ${rubric.status} ${rubric.body.slice(0, 300)}`,
      );
      const parsed = JSON.parse(rubric.body);
      assert(
        Array.isArray(parsed.checks) &&
          parsed.checks.length >= 30 &&
          Array.isArray(parsed.dimensions),
        `GET /rubric: unexpected answer ${rubric.body.slice(0, 300)}`,
      );
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
        { dead },
      );
      const scorecard = JSON.parse(card.body);
      assert(
        scorecard.entityRef === 'component:default/claims-summarizer' &&
          /^L[0-3]$/.test(scorecard.level?.id ?? scorecard.level),
        `unexpected scorecard ${card.body.slice(0, 300)}`,
      );
      log(
        `scorecard of ${scorecard.entityRef}: level ${JSON.stringify(
          scorecard.level,
        ).slice(0, 80)}, score ${scorecard.score}`,
      );
      await stop(backend);
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
    logTail('backend log', path.join(dir, 'backend.log'), 60);
    throw e;
  } finally {
    if (backend) backend.kill('SIGKILL');
    await dropDatabases(prefix, log).catch(e =>
      log(`could not drop the databases ${prefix}*: ${e.message}`),
    );
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    logTimes();
  }
}

runMain(main, {
  onSignal: () => {
    if (backend) backend.kill('SIGKILL');
  },
});

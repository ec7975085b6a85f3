/*
 * The replicas of scripts/e2e/replicas.js: each a production backend (the
 * bundle of `npm run build`) started with plain `node`, whose refresh runs are
 * read from its log; and what the phases ask of them.
 */
const path = require('path');
const { bundleDir, backendDir } = require('../../start-prod');
const { assert, startNode } = require('../lib/process');
const { request, waitFor } = require('../lib/http');
const { pgConnection } = require('../lib/postgres');
const { BULK, root } = require('./config');

// the refresher's log line after a full refresh (the logger names the task)
const RUN_LINE = /Evaluated (\d+) pilots, reading \d+ entities, in (\d+) ms/;

/**
 * Starts replica `r` ({ name, logFile, runs }) with the shared config and its
 * own (`dir`/replicas.yaml, `dir`/<name>.yaml); every refresh run it logs is
 * pushed to `r.runs` as { at, startedAt, pilots } (`at` when it was logged, at
 * its end; `startedAt` less its duration).
 */
function startReplica(r, dir) {
  const pg = pgConnection();
  r.child = startNode(
    [
      path.join(bundleDir, 'packages', 'backend'),
      '--config',
      path.join(root, 'app-config.yaml'),
      '--config',
      path.join(root, 'app-config.production.yaml'),
      '--config',
      path.join(dir, 'replicas.yaml'),
      '--config',
      path.join(dir, `${r.name}.yaml`),
    ],
    {
      cwd: backendDir,
      logFile: r.logFile,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        POSTGRES_HOST: pg.host,
        POSTGRES_PORT: String(pg.port),
        POSTGRES_USER: pg.user,
        POSTGRES_PASSWORD: pg.password || 'unused',
      },
      onLine: line => {
        const m = RUN_LINE.exec(line);
        if (m) {
          const at = Date.now();
          r.runs.push({
            at,
            startedAt: at - Number(m[2]),
            pilots: Number(m[1]),
          });
        }
      },
    },
  );
  r.expectAlive = true;
}

/** Every replica's refresh runs, oldest first, each with its replica's name. */
const allRuns = replicas =>
  replicas
    .flatMap(r => r.runs.map(run => ({ ...run, replica: r.name })))
    .sort((a, b) => a.at - b.at);

/** For waitFor: names a replica that exited while it should be running. */
const deadReplica = replicas => () => {
  const r = replicas.find(x => x.expectAlive && x.child.exitCode !== null);
  return r && `replica ${r.name} exited (${r.child.exitCode})`;
};

/** Every scorecard, page by page, ordered by title. */
async function listAll(base, token, query = '') {
  const items = [];
  for (let offset = 0; ; offset += 1000) {
    const r = await request(
      'GET',
      `${base}/api/ai-readiness/scorecards?limit=1000&offset=${offset}&orderBy=title${query}`,
      { token },
    );
    assert(
      r.status === 200,
      `GET /scorecards: ${r.status} ${r.body.slice(0, 200)}`,
    );
    const page = JSON.parse(r.body);
    items.push(...page.items);
    if (items.length >= page.totalCount || page.items.length === 0)
      return { items, totalCount: page.totalCount };
  }
}

/** Waits until the catalog read through `base` holds every generated pilot of `generation`. */
function waitForGeneration(what, base, token, generation, options) {
  return waitFor(
    what,
    async () => {
      const res = await request(
        'GET',
        `${base}/api/catalog/entities/by-query?limit=1&filter=metadata.annotations.e2e/generation=${generation}`,
        { token },
      );
      const n = res.status === 200 ? JSON.parse(res.body).totalItems : -1;
      return { ok: n === BULK, n };
    },
    600000,
    { ...options, everyMs: 2000 },
  );
}

/** The refresh task's row in the scheduler table of the plugin's database. */
async function refreshTask(pluginDb) {
  const { rows } = await pluginDb.query(
    `select current_run_ticket, current_run_started_at from backstage_backend_tasks__tasks where id like '%ai-readiness%refresh%'`,
  );
  return rows[0];
}

module.exports = {
  allRuns,
  deadReplica,
  listAll,
  refreshTask,
  startReplica,
  waitForGeneration,
};

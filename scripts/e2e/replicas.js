#!/usr/bin/env node
/*
 * Two production backends (two `node` processes of the bundle made by
 * `npm run build`, NODE_ENV=production, two ports) on one PostgreSQL:
 *
 *   1. one scheduled refresh per interval across both (the refresh task is
 *      global: its runs, counted in both logs, are one per interval, never two
 *      in the same interval);
 *   2. the same answers from both (rubric, list, summary, a scorecard);
 *   3. a scorecard refreshed through one replica (POST /refresh with an
 *      entityRef) is visible through the other at once;
 *   4. events reach the other replica (the events backend's database bus:
 *      published on one, read from a subscription on the other), and guest
 *      sign-in is refused (production, not configured);
 *   5. nothing is lost when the replica running a refresh is killed (SIGKILL)
 *      in the middle of it: the survivor's next run, once the dead run's claim
 *      expires, refreshes every pilot. The catalog change that run must
 *      score (generation 2 of the generated pilots) is written before 1 and
 *      scored before 2, so that the catalog reads it while runs are counted.
 *
 * PostgreSQL: AI_READINESS_PG_CONNECTION (scripts/with-postgres.sh sets it to its
 * private server). Databases get a unique prefix and are dropped at the end.
 * Catalog: the example organisation plus BULK generated pilots (default
 * 600, REPLICAS_BULK), enough for a refresh to take a while.
 * E2E_PORTS=7281,7282 picks the ports (default: free ones); E2E_KEEP=1 keeps
 * the folder with both logs.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { extract, bundleDir } = require('../start-prod');
const { assert, createRun, sleep, stop } = require('./lib/process');
const { freePort, request, waitFor, waitReady } = require('./lib/http');
const { connect, dropDatabases } = require('./lib/postgres');
const {
  BULK,
  FREQUENCY_S,
  TIMEOUT_S,
  bulkCatalog,
  replicaConfig,
  sharedConfig,
} = require('./replicas/config');
const {
  allRuns: allRunsOf,
  deadReplica,
  listAll,
  startReplica,
  waitForGeneration,
} = require('./replicas/replica');
const {
  generation2Scored,
  killedMidRefresh,
  writeGeneration2,
} = require('./replicas/kill');

const { log, phase, logTimes, logTail, runMain } = createRun('replicas');
const replicas = [];
const allRuns = () => allRunsOf(replicas);
const dead = deadReplica(replicas);

async function main() {
  const db = await connect(); // on the postgres database
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-replicas-'));
  const prefix = `replicas_${crypto.randomBytes(4).toString('hex')}_`;
  const token = crypto.randomBytes(24).toString('hex');
  let pluginDb;
  try {
    extract(); // packages/backend/dist/bundle from dist/bundle.tar.gz
    assert(
      fs.existsSync(path.join(bundleDir, 'packages/backend/dist/index.cjs.js')),
      'the bundle has no packages/backend/dist/index.cjs.js',
    );
    fs.writeFileSync(path.join(dir, 'bulk.yaml'), bulkCatalog(1));
    fs.writeFileSync(
      path.join(dir, 'replicas.yaml'),
      sharedConfig({ prefix, token, dir }),
    );
    const ports = (process.env.E2E_PORTS || '')
      .split(',')
      .filter(Boolean)
      .map(Number);
    for (const name of ['a', 'b']) {
      const port = ports.shift() || (await freePort());
      fs.writeFileSync(
        path.join(dir, `${name}.yaml`),
        replicaConfig(name, port),
      );
      replicas.push({
        name,
        port,
        base: `http://127.0.0.1:${port}`,
        runs: [],
        logFile: path.join(dir, `${name}.log`),
      });
    }
    log(
      `folder ${dir}, database prefix ${prefix}, ports ${replicas
        .map(r => r.port)
        .join(' and ')}, ${BULK} generated pilots`,
    );
    const [A, B] = replicas;

    await phase('two production backends start on one database', async () => {
      // one after the other, as a rolling deployment does: on an empty
      // database, Backstage's own plugins (auth, catalog) race on their knex
      // migrations when two processes create their tables at the same moment
      for (const r of replicas) {
        startReplica(r, dir);
        await waitReady(`replica ${r.name} readiness`, r.base, 300000, {
          dead,
        });
      }
    });
    pluginDb = await connect(`${prefix}ai-readiness`);

    let expected; // number of pilots once the catalog is loaded
    await phase('catalog loaded and every pilot scored', async () => {
      await waitForGeneration(
        'the generated pilots in the catalog',
        A.base,
        token,
        1,
        { dead },
      );
      // a full run that started after the catalog was complete
      const after = Date.now();
      const run = await waitFor(
        'two refresh runs in a row scoring the same pilots',
        async () => {
          // a run that started before the last entities arrived, or before
          // the catalog stitched the relations that make an example a pilot
          // (a model dependency), scores fewer: wait until two agree
          const runs = allRuns().filter(x => x.at > after && x.pilots >= BULK);
          const last = runs[runs.length - 1];
          const prev = runs[runs.length - 2];
          return { ok: Boolean(prev) && prev.pilots === last.pilots, ...last };
        },
        (FREQUENCY_S * 6 + TIMEOUT_S * 3) * 1000,
        { dead },
      );
      expected = run.pilots;
      assert(
        expected >= BULK,
        `the refresh evaluated ${expected} pilots, fewer than the ${BULK} generated`,
      );
      const list = await listAll(B.base, token);
      assert(
        list.totalCount === expected,
        `GET /scorecards through B: ${list.totalCount} pilots, the refresh evaluated ${expected}`,
      );
    });

    // the last phase's catalog change, read and scored while the runs are
    // counted (the change check logs no refresh run)
    const gen1Score = await writeGeneration2({ replicas, token, dir });
    log(
      `generation 2 of the generated pilots written (generation 1 score: ${gen1Score})`,
    );
    await phase(
      `one scheduled refresh per ${FREQUENCY_S} s interval across both`,
      async () => {
        // three runs in a row, as soon as they come: no two in one interval
        const from = Date.now();
        const { runs } = await waitFor(
          'three scheduled refresh runs',
          async () => {
            const since = allRuns().filter(r => r.at >= from);
            return { ok: since.length >= 3, runs: since.slice(0, 3) };
          },
          FREQUENCY_S * 6 * 1000,
          { dead },
        );
        const perReplica = replicas
          .map(
            r => `${r.name}: ${runs.filter(x => x.replica === r.name).length}`,
          )
          .join(', ');
        log(
          `3 runs in ${((runs[2].at - from) / 1000).toFixed(
            1,
          )} s (${perReplica})`,
        );
        // by their starts: a run's length varies with the load (the catalog
        // reads generation 2 meanwhile), the interval between starts does not
        for (let i = 1; i < runs.length; i++) {
          const gap = runs[i].startedAt - runs[i - 1].startedAt;
          assert(
            gap > FREQUENCY_S * 500,
            `two refresh runs started ${gap} ms apart (${
              runs[i - 1].replica
            }, ${runs[i].replica}): more than one in an interval`,
          );
        }
      },
    );

    await phase(
      "generation 2 in the catalog and in every generated pilot's score",
      () => generation2Scored({ replicas, token, gen1Score }),
    );

    await phase('the same answers from both replicas', async () => {
      const paths = [
        '/api/ai-readiness/rubric',
        '/api/ai-readiness/summary?groupBy=level',
        '/api/ai-readiness/summary?groupBy=owner',
        '/api/ai-readiness/scorecards?limit=200&orderBy=score&order=desc',
        '/api/ai-readiness/scorecards/default/component/bulk-pilot-00007',
      ];
      // Between two writes, so that both read the same rows: the store's
      // revision grows with every write, whichever task or replica makes it.
      const revision = async () =>
        String(
          (
            await pluginDb.query(
              'select revision from ai_readiness_revision where id = 1',
            )
          ).rows[0].revision,
        );
      for (let attempt = 1; ; attempt++) {
        const before = await revision();
        const answers = [];
        for (const p of paths) {
          const [a, b] = await Promise.all(
            [A, B].map(r => request('GET', `${r.base}${p}`, { token })),
          );
          assert(
            a.status === 200 && b.status === 200,
            `${p}: ${a.status} from A, ${b.status} from B`,
          );
          answers.push([p, a.body, b.body]);
        }
        if ((await revision()) !== before && attempt < 10) continue; // written in between
        for (const [p, a, b] of answers) {
          assert(
            a === b,
            `${p}: different answers from A and B\nA: ${a.slice(
              0,
              300,
            )}\nB: ${b.slice(0, 300)}`,
          );
        }
        return;
      }
    });

    await phase(
      'a scorecard refreshed through A is visible through B',
      async () => {
        const p =
          '/api/ai-readiness/scorecards/default/component/bulk-pilot-00042';
        for (let attempt = 1; ; attempt++) {
          const runsBefore = allRuns().length;
          const before = JSON.parse(
            (await request('GET', `${B.base}${p}`, { token })).body,
          );
          await sleep(20); // evaluatedAt has millisecond precision
          const refreshed = await request(
            'POST',
            `${A.base}/api/ai-readiness/refresh`,
            {
              token,
              body: { entityRef: 'component:default/bulk-pilot-00042' },
            },
          );
          assert(
            refreshed.status === 202 || refreshed.status === 200,
            `POST /refresh through A: ${refreshed.status} ${refreshed.body}`,
          );
          const after = JSON.parse(
            (await request('GET', `${B.base}${p}`, { token })).body,
          );
          if (allRuns().length !== runsBefore && attempt < 3) continue; // a scheduled run wrote too
          assert(
            Date.parse(after.evaluatedAt) > Date.parse(before.evaluatedAt),
            `B still answers the scorecard evaluated at ${after.evaluatedAt} (before: ${before.evaluatedAt}) after A refreshed it`,
          );
          assert(
            after.level === JSON.parse(refreshed.body).level,
            `B answers level ${after.level}, A's refresh gave ${refreshed.body}`,
          );
          return;
        }
      },
    );

    await phase(
      'events published on A reach a subscription read on B; guest sign-in refused',
      async () => {
        const sub = `${B.base}/api/events/bus/v1/subscriptions/replicas-e2e`;
        const put = await request('PUT', sub, {
          token,
          body: { topics: ['replicas-e2e'] },
        });
        assert(
          put.status === 201,
          `PUT subscription on B: ${put.status} ${put.body}`,
        );
        const empty = await request('GET', `${sub}/events`, {
          token,
          timeoutMs: 1500,
        });
        assert(
          empty.status !== 200,
          `the new subscription already has events: ${empty.body}`,
        );
        const pub = await request(
          'POST',
          `${A.base}/api/events/bus/v1/events`,
          {
            token,
            body: {
              event: { topic: 'replicas-e2e', payload: { from: 'A', n: 42 } },
            },
          },
        );
        assert(
          pub.status === 201,
          `POST event on A: ${pub.status} ${pub.body}`,
        );
        const read = await request('GET', `${sub}/events`, { token });
        assert(
          read.status === 200,
          `GET subscription events on B: ${read.status} ${read.body}`,
        );
        const { events } = JSON.parse(read.body);
        assert(
          events.length === 1 &&
            events[0].payload.n === 42 &&
            events[0].topic === 'replicas-e2e',
          `B read ${read.body}`,
        );
        const guest = await request('GET', `${A.base}/api/auth/guest/refresh`);
        assert(
          guest.status === 403,
          `guest sign-in in production answered ${guest.status}, expected 403`,
        );
      },
    );

    await phase(
      'the replica running a refresh is killed mid-way; the survivor completes it',
      () =>
        killedMidRefresh({
          replicas,
          token,
          db,
          pluginDb,
          prefix,
          expected,
          gen1Score,
          log,
        }),
    );
  } catch (e) {
    for (const r of replicas) logTail(`replica ${r.name} log`, r.logFile, 30);
    throw e;
  } finally {
    for (const r of replicas) {
      r.expectAlive = false;
      await stop(r.child);
    }
    if (pluginDb) await pluginDb.end().catch(() => {});
    await db.end();
    await dropDatabases(prefix, log);
    if (process.env.E2E_KEEP !== '1')
      fs.rmSync(dir, { recursive: true, force: true });
    logTimes();
  }
}

runMain(main, {
  onSignal: () => {
    for (const r of replicas) if (r.child) r.child.kill('SIGKILL');
  },
});

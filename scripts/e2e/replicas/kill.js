/*
 * The last phase of scripts/e2e/replicas.js: the replica running a refresh is
 * killed (SIGKILL) once the run has stored some scorecards, not all; the
 * survivor's next run, once the dead run's claim expires, refreshes every
 * pilot to the new generation of the catalog. That generation is written
 * (writeGeneration2) and scored (generation2Scored) in earlier phases, while
 * they count the scheduled runs.
 */
const fs = require('fs');
const path = require('path');
const { assert, exited, sleep } = require('../lib/process');
const { request, waitFor } = require('../lib/http');
const { BULK, FREQUENCY_S, TIMEOUT_S, bulkCatalog } = require('./config');
const {
  deadReplica,
  listAll,
  refreshTask,
  waitForGeneration,
} = require('./replica');

/**
 * Waits for a refresh run and kills the replica running it once the run has
 * committed a batch and not all (`expected` pilots), while it still runs; up
 * to five runs are tried.
 * Returns { victim, killedAt, runStart }.
 */
async function killMidRun({ replicas, db, pluginDb, prefix, expected, log }) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    // wait for a run to start, find who writes, kill it
    const deadline = Date.now() + (FREQUENCY_S * 2 + TIMEOUT_S) * 1000;
    while (Date.now() < deadline) {
      const task = await refreshTask(pluginDb);
      if (task && task.current_run_ticket) {
        const { rows } = await db.query(
          `select distinct application_name from pg_stat_activity
          where datname = $1 and application_name like 'replica-%'
            and state <> 'idle' and query ~* '^\\s*(insert|update|delete)'
            and query ~* 'ai_readiness_'`,
          [`${prefix}ai-readiness`],
        );
        if (rows.length === 1) {
          const runner = replicas.find(
            r => `replica-${r.name}` === rows[0].application_name,
          );
          const started = new Date(task.current_run_started_at).getTime();
          // Kill once the run has committed a batch and not all of them:
          // counted in the database, so that no HTTP round trip on a busy
          // machine lets the run finish in between.
          const since = new Date(started - 1000).toISOString();
          let stored = 0;
          const until = Date.now() + TIMEOUT_S * 1000;
          while (Date.now() < until) {
            const { rows: counted } = await pluginDb.query(
              `select count(*)::int as n from ai_readiness_scorecards where evaluated_at >= $1`,
              [since],
            );
            stored = counted[0].n;
            if (stored > 0) break;
            await sleep(10);
          }
          const now = await refreshTask(pluginDb);
          if (
            stored > 0 &&
            stored < expected &&
            now &&
            now.current_run_ticket === task.current_run_ticket
          ) {
            runner.expectAlive = false;
            runner.child.kill('SIGKILL');
            return { victim: runner, killedAt: Date.now(), runStart: started };
          }
        }
      }
      await sleep(5);
    }
    log(`attempt ${attempt}: no refresh caught while writing, trying again`);
  }
  throw new Error('never caught a refresh while it was writing');
}

/**
 * Writes generation 2 of the generated pilots, which scores differently, into
 * the catalog file; returns a generation 1 scorecard's score.
 */
async function writeGeneration2({ replicas, token, dir }) {
  const gen1 = JSON.parse(
    (
      await request(
        'GET',
        `${replicas[1].base}/api/ai-readiness/scorecards/default/component/bulk-pilot-00001`,
        { token },
      )
    ).body,
  );
  assert(
    typeof gen1.score === 'number',
    `bulk-pilot-00001 has no generation 1 score: ${JSON.stringify(gen1)}`,
  );
  fs.writeFileSync(path.join(dir, 'bulk.yaml'), bulkCatalog(2));
  return gen1.score;
}

/**
 * Waits until the catalog holds generation 2 and every generated pilot has
 * its generation 2 score (not `gen1Score`): the change check re-scores the
 * changed pilots too, so from then on no run but the refresh killed in the
 * last phase writes scorecards in that refresh's window.
 */
async function generation2Scored({ replicas, token, gen1Score }) {
  const dead = deadReplica(replicas);
  await waitForGeneration(
    'generation 2 in the catalog',
    replicas[0].base,
    token,
    2,
    { dead },
  );
  await waitFor(
    'every generated pilot scored at generation 2',
    async () => {
      const { items } = await listAll(replicas[0].base, token);
      const n = items.filter(
        s =>
          s.entityRef.startsWith('component:default/bulk-pilot-') &&
          s.score !== gen1Score,
      ).length;
      return { ok: n === BULK, n };
    },
    (TIMEOUT_S * 2 + FREQUENCY_S * 6) * 1000,
    { dead, everyMs: 1000 },
  );
}

/**
 * The phase, once generation2Scored: `expected` is the number of pilots a
 * complete refresh scores, `gen1Score` the generation 1 score.
 */
async function killedMidRefresh(ctx) {
  const { replicas, token, expected, gen1Score, log } = ctx;
  const dead = deadReplica(replicas);

  const { victim, killedAt, runStart } = await killMidRun(ctx);
  const survivor = replicas.find(r => r !== victim);
  await exited(victim.child);
  log(
    `killed replica ${victim.name} ${killedAt - runStart} ms into its refresh`,
  );

  // what the dead run had written: some pilots, not all
  const mid = await listAll(survivor.base, token);
  const written = mid.items.filter(
    s => Date.parse(s.evaluatedAt) >= runStart - 1000,
  ).length;
  log(`the killed run had stored ${written} of ${mid.totalCount} scorecards`);
  assert(
    written > 0 && written < mid.totalCount,
    `the killed run had stored ${written} of ${mid.totalCount} scorecards: not killed mid-way`,
  );

  // the survivor's next run: once the dead run's claim expires (timeout)
  await waitFor(
    'a complete refresh by the survivor',
    async () => {
      const r = survivor.runs.find(x => x.at > killedAt);
      return { ok: Boolean(r), ...r };
    },
    (TIMEOUT_S * 2 + FREQUENCY_S * 6) * 1000,
    { dead },
  );
  const final = await listAll(survivor.base, token);
  assert(
    final.totalCount === expected,
    `after the kill: ${final.totalCount} pilots, expected ${expected}`,
  );
  const bulk = final.items.filter(s =>
    s.entityRef.startsWith('component:default/bulk-pilot-'),
  );
  assert(
    bulk.length === BULK,
    `after the kill: ${bulk.length} generated pilots, expected ${BULK}`,
  );
  const stale = bulk.filter(s => Date.parse(s.evaluatedAt) <= killedAt);
  assert(
    stale.length === 0,
    `${stale.length} pilots not refreshed after the kill, e.g. ${stale[0]?.entityRef}`,
  );
  const scores = new Set(bulk.map(s => s.score));
  assert(
    scores.size === 1 && !scores.has(gen1Score),
    `generated pilots' scores after the kill: ${[
      ...scores,
    ]} (generation 1: ${gen1Score})`,
  );
  log(
    `every pilot refreshed by ${survivor.name}: score ${gen1Score} -> ${
      [...scores][0]
    }`,
  );
}

module.exports = { generation2Scored, killedMidRefresh, writeGeneration2 };

#!/usr/bin/env node
/* eslint-disable no-console */
/*
 * The default database keeps its data across a restart of the backend.
 *
 *   node plugins/ai-readiness/e2e/restart.e2e.js
 *
 * Starts the portal on the database of app-config.yaml (embedded SQLite in a
 * folder; AI_READINESS_DATA_DIR points it at a temporary folder here so that
 * the developer's own .data/ is left alone), waits for the example catalog and
 * a full readiness refresh, reads a pilot's history, stops the backend, starts
 * it again on the same folder with the scheduled refresh far away, and checks
 * that the history, the stored scorecards and the catalog written before are
 * read back before any new evaluation.
 *
 * Environment: AI_READINESS_E2E_PORT (7401), SKIP_APP_BUILD (the app is
 * built when packages/app/dist is missing; this test reuses it otherwise:
 * it reads the API only). Prints "N passed, M failed"; exits 1 on any failure.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startPortal, sleep } = require('./lib/portal');
const { createHarness } = require('./lib/harness');

const port = Number(process.env.AI_READINESS_E2E_PORT || 7401);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-restart-'));
const dataDir = path.join(tmp, 'sqlite');
const { log, test, assert, runMain } = createHarness('restart');
let portal = null;

async function start(which, initialDelay) {
  const run = path.join(tmp, which);
  fs.mkdirSync(run);
  portal = await startPortal({
    port,
    tmpDir: run,
    skipAppBuild: true, // only the API is read
    defaultDatabase: true,
    env: { AI_READINESS_DATA_DIR: dataDir },
    log,
    extraConfig: [
      'aiReadiness:',
      '  schedule:',
      '    frequency: { hours: 12 }',
      `    initialDelay: ${initialDelay}`,
      '',
    ].join('\n'),
  });
  await portal.waitReady();
  return portal.guestToken();
}

async function main() {
  let before;
  let pilotPath;
  let scorecards;
  let entities;
  const first =
    await test('first run: the catalog and a full refresh are stored in the folder', async () => {
      const token = await start('run1', '{ seconds: 3 }');
      entities = await portal.waitForCatalog(token);
      scorecards = await portal.refreshAll(token);
      const list = await portal.http('/api/ai-readiness/scorecards?limit=1', {
        token,
      });
      const ref = list.json.items[0].entityRef; // kind:namespace/name
      const [, kind, namespace, name] = ref.match(/^([^:]+):([^/]+)\/(.+)$/);
      pilotPath = `/api/ai-readiness/scorecards/${namespace}/${kind}/${name}`;
      before = (await portal.http(`${pilotPath}/history`, { token })).json
        .items;
      assert(before.length > 0, `no history for ${ref} after a refresh`);
      const files = fs.readdirSync(dataDir);
      assert(
        files.some(f => /ai-readiness/.test(f)) &&
          files.some(f => /catalog/.test(f)),
        `no SQLite files of the catalog and ai-readiness in ${dataDir}: ${files}`,
      );
      log(
        `${entities} entities, ${scorecards} scorecards, ${before.length} history point(s) for ${ref}`,
      );
    });
  await portal.stop();
  if (!first) return;
  await sleep(500);

  await test('second run: the history written before is read back', async () => {
    // No scheduled refresh in this run: everything read comes from the folder.
    const token = await start('run2', '{ hours: 12 }');
    const after = (await portal.http(`${pilotPath}/history`, { token })).json
      .items;
    assert(
      JSON.stringify(after) === JSON.stringify(before),
      `the history differs after the restart:\nbefore ${JSON.stringify(
        before,
      )}\nafter  ${JSON.stringify(after)}`,
    );
    const list = await portal.http('/api/ai-readiness/scorecards?limit=1', {
      token,
    });
    assert(
      list.json.totalCount === scorecards,
      `${list.json.totalCount} stored scorecards after the restart, ${scorecards} before`,
    );
    const catalog = await portal.http(
      '/api/catalog/entities/by-query?limit=1',
      { token },
    );
    assert(
      catalog.json.totalItems === entities,
      `${catalog.json.totalItems} catalog entities right after the restart, ${entities} before`,
    );
  });
}

runMain(main, {
  name: 'restart run',
  cleanup: async () => {
    if (portal) await portal.stop();
  },
  tmp,
  onFailure: () => {
    if (portal) log(`logs in ${tmp}`);
  },
});

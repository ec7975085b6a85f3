/*
 * The default database (app-config.yaml: embedded SQLite in a folder, here
 * a temporary one through AI_READINESS_DATA_DIR) keeps the catalog, the
 * stored scorecards and a pilot's history across a restart of the backend:
 * all are read back before any new evaluation. Runs its own portal, twice.
 */
import fs from 'fs';
import { test, expect } from './support/fixtures';
import { catalogScored, guestApi } from './support/api';
import { startBackend } from './support/backend';

const port = Number(process.env.AI_READINESS_E2E_RESTART_PORT || 7401);

test('a restart keeps the catalog, the scorecards and the history', async ({}, testInfo) => {
  test.setTimeout(600_000);
  const dataDir = testInfo.outputPath('sqlite');
  const schedule = (name: string, initialDelay: string) => {
    const file = testInfo.outputPath(`${name}.yaml`);
    fs.writeFileSync(
      file,
      `aiReadiness:\n  schedule:\n    frequency: { hours: 12 }\n    initialDelay: ${initialDelay}\n`,
    );
    return file;
  };
  const env = { AI_READINESS_DATA_DIR: dataDir };

  const first = await startBackend({
    port,
    env,
    configFiles: [schedule('run1', '{ seconds: 3 }')],
  });
  let before: {
    entities: number;
    scorecards: number;
    history: unknown[];
    pilot: string;
  };
  try {
    const api = await guestApi(first.baseURL);
    const { entities, scorecards } = await catalogScored(api);
    const ref = (await api.get('/api/ai-readiness/scorecards?limit=1')).items[0]
      .entityRef;
    const [, kind, namespace, name] = /^([^:]+):([^/]+)\/(.+)$/.exec(ref)!;
    const pilot = `/api/ai-readiness/scorecards/${namespace}/${kind}/${name}`;
    const history = (await api.get(`${pilot}/history`)).items;
    expect(history.length, `history points of ${ref}`).toBeGreaterThan(0);
    before = { entities, scorecards, history, pilot };
    await api.dispose();
    const files = fs.readdirSync(dataDir);
    expect(
      files.some(f => /ai-readiness/.test(f)) &&
        files.some(f => /catalog/.test(f)),
      `${files}`,
    ).toBe(true);
  } finally {
    await first.stop();
  }

  // no scheduled refresh in the second run: all that is read comes from the folder
  const second = await startBackend({
    port,
    env,
    configFiles: [schedule('run2', '{ hours: 12 }')],
  });
  try {
    const api = await guestApi(second.baseURL);
    expect((await api.get(`${before.pilot}/history`)).items).toEqual(
      before.history,
    );
    expect(
      (await api.get('/api/ai-readiness/scorecards?limit=1')).totalCount,
    ).toBe(before.scorecards);
    expect(
      (await api.get('/api/catalog/entities/by-query?limit=1')).totalItems,
    ).toBe(before.entities);
    await api.dispose();
  } finally {
    await second.stop();
  }
});

/*
 * Scorecards follow catalog edits without a click: an annotation edited in a
 * catalog file shows in its pilot's scorecard within the catalog's processing
 * interval plus the change check's cadence, and a portal restarted on a
 * changed catalog lists the new pilot within two minutes, though the full
 * refresh is hours away. Runs its own portal, twice, on a folder of SQLite
 * files and a catalog file it edits.
 */
import fs from 'fs';
import { test, expect } from './support/fixtures';
import { Api, guestApi } from './support/api';
import { startBackend } from './support/backend';
import { repoRoot } from './support/examples';

const port = Number(process.env.AI_READINESS_E2E_FRESHNESS_PORT || 7402);

const pilot = (name: string, annotations: Record<string, string> = {}) =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    '    ai-readiness/enabled: "true"',
    ...Object.entries(annotations).map(([k, v]) => `    ${k}: ${v}`),
    'spec:',
    '  type: service',
    '  lifecycle: experimental',
    '  owner: group:default/claims-division',
    '',
  ].join('\n');

/** Polls `read` until it returns a value, failing after `seconds`. */
async function within<T>(
  seconds: number,
  what: string,
  read: () => Promise<T | undefined>,
): Promise<{ value: T; seconds: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined)
      return { value, seconds: (Date.now() - started) / 1000 };
    if (Date.now() - started > seconds * 1000)
      throw new Error(`${what}: not within ${seconds} s`);
    await new Promise(r => setTimeout(r, 2000));
  }
}

const int1Of = async (api: Api, name: string) => {
  const card = await api.get(
    `/api/ai-readiness/scorecards/default/component/${name}`,
  );
  return card.dimensions
    .flatMap((d: any) => d.checks)
    .find((c: any) => c.id === 'INT-1').status as string;
};

test('an edited annotation reaches its scorecard without a click, and a restart on a changed catalog lists the new pilot', async ({}, testInfo) => {
  test.setTimeout(600_000);
  const catalogFile = testInfo.outputPath('fresh-pilots.yaml');
  fs.writeFileSync(catalogFile, pilot('fresh-pilot'));
  // The catalog processes each entity every few seconds; the change check
  // runs every 10 s; the full refresh once, 3 s after start, then in hours.
  const configFile = testInfo.outputPath('freshness.yaml');
  fs.writeFileSync(
    configFile,
    [
      'catalog:',
      '  processingInterval: { seconds: 3 }',
      '  locations:',
      ...[
        `${repoRoot}/catalog-info.yaml`,
        `${repoRoot}/examples/*.yaml`,
        catalogFile,
      ].flatMap(target => ['    - type: file', `      target: ${target}`]),
      'aiReadiness:',
      '  schedule:',
      '    frequency: { hours: 12 }',
      '    initialDelay: { seconds: 3 }',
      '  changeCheckSchedule:',
      '    frequency: { seconds: 10 }',
      '    initialDelay: { seconds: 5 }',
      '',
    ].join('\n'),
  );
  const env = { AI_READINESS_DATA_DIR: testInfo.outputPath('sqlite') };

  const first = await startBackend({ port, env, configFiles: [configFile] });
  try {
    const api = await guestApi(first.baseURL);
    const scored = await within(180, 'fresh-pilot scored', async () =>
      int1Of(api, 'fresh-pilot'),
    );
    expect(scored.value).toBe('fail');

    fs.writeFileSync(
      catalogFile,
      pilot('fresh-pilot', { 'ai-readiness/trigger': 'schedule' }),
    );
    // processing interval (3 s) plus the change check's cadence (10 s), with
    // room for a busy machine; nothing asks for a re-evaluation.
    const edited = await within(
      75,
      'the edited trigger in the scorecard',
      async () =>
        (await int1Of(api, 'fresh-pilot')) === 'pass' ? true : undefined,
    );
    testInfo.annotations.push({
      type: 'edit to scorecard',
      description: `${edited.seconds.toFixed(0)} s`,
    });
    await api.dispose();
  } finally {
    await first.stop();
  }

  // A new pilot while the portal is down; the full refresh is not due for
  // hours, and the scheduler keeps its stored next run.
  fs.writeFileSync(
    catalogFile,
    `${pilot('fresh-pilot', {
      'ai-readiness/trigger': 'schedule',
    })}---\n${pilot('newer-pilot')}`,
  );
  const restartConfig = testInfo.outputPath('restart.yaml');
  fs.writeFileSync(
    restartConfig,
    'aiReadiness:\n  schedule:\n    frequency: { hours: 12 }\n    initialDelay: { hours: 12 }\n',
  );
  const second = await startBackend({
    port,
    env,
    configFiles: [configFile, restartConfig],
  });
  try {
    const api = await guestApi(second.baseURL);
    const listed = await within(
      120,
      'newer-pilot listed after the restart',
      async () => {
        const list = await api.get('/api/ai-readiness/scorecards?limit=500');
        return list.items.some(
          (c: any) => c.entityRef === 'component:default/newer-pilot',
        )
          ? true
          : undefined;
      },
    );
    testInfo.annotations.push({
      type: 'restart to listed',
      description: `${listed.seconds.toFixed(0)} s`,
    });
    await api.dispose();
  } finally {
    await second.stop();
  }
});

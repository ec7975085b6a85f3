/*
 * POST /evaluate benchmark (npm run bench -- evaluate): one draft pilot
 * scored against a catalog of 10,000 entities (1,000 of them pilots), its
 * references fetched from the catalog in rounds, measured with autocannon at
 * 10 concurrent clients beside GET /scorecards/:namespace/:kind/:name of the
 * same pilot (a stored card) and a trivial route behind the same auth
 * middleware (the baseline), in the same run.
 *
 * Target: POST /evaluate p99 ≤ 100 ms. Exits 1 when it is missed.
 * Environment: BENCH_DURATION (seconds per route, default 10).
 */
import { baselinePlugin } from './baseline';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { stringify } from 'yaml';
// The engine bench's catalog generator (bench code, not part of the package's exports).
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { syntheticCatalog } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { aiReadinessPlugin } from '../src/plugin';
import { arrayCatalog } from './arrayCatalog';
import { autocannon, Figures, figuresLine, failureOf } from './autocannon';
import { catalogAndNotifications } from '../src/__testUtils__/serviceFactories';

const TOTAL = 10_000;
const PILOTS = 1_000;
const CONNECTIONS = 10;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const TARGET_P99_MS = 100;

async function main() {
  const entities = syntheticCatalog({
    pilots: PILOTS,
    total: TOTAL,
  }) as Entity[];
  const backend = await startTestBackend({
    features: [
      aiReadinessPlugin,
      baselinePlugin,
      ...catalogAndNotifications(() => arrayCatalog(entities)),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: {
              client: 'better-sqlite3',
              connection: ':memory:',
              prefix: `bench_${Date.now()}_`,
            },
          },
          aiReadiness: {
            schedule: { frequency: { hours: 24 }, initialDelay: { hours: 24 } },
          },
        },
      }),
    ],
  });
  const base = `http://localhost:${(backend.server.address() as any).port}`;
  let failed = false;
  try {
    const refresh = await fetch(`${base}/api/ai-readiness/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (refresh.status !== 202) throw new Error(`refresh ${refresh.status}`);
    const list = await (
      await fetch(`${base}/api/ai-readiness/scorecards?limit=1&orderBy=score`)
    ).json();
    const ref: string = list.items[0].entityRef;
    const pilot = entities.find(
      e => stringifyEntityRef(e).toLocaleLowerCase('en-US') === ref,
    )!;
    // The draft: the pilot with one annotation changed, as an owner would.
    const draft = {
      ...pilot,
      metadata: {
        ...pilot.metadata,
        annotations: {
          ...pilot.metadata.annotations,
          'ai-readiness/confidence-threshold': '0.8',
        },
      },
    };
    const yaml = stringify(draft);
    const check = await (
      await fetch(`${base}/api/ai-readiness/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/yaml' },
        body: yaml,
      })
    ).json();
    if (check.scorecards?.length !== 1)
      throw new Error(
        `/evaluate answered ${JSON.stringify(check).slice(0, 300)}`,
      );
    console.log(
      `catalog: ${entities.length} entities, ${list.totalCount} pilots stored; draft ${ref}: ${check.scorecards[0].current.level} → ${check.scorecards[0].level}; autocannon ${CONNECTIONS} connections × ${DURATION} s per route`,
    );
    const [ns, kind, name] = [
      ref.split(':')[1].split('/')[0],
      ref.split(':')[0],
      ref.split('/')[1],
    ];
    const routes: [string, string, string[]][] = [
      ['baseline GET /api/bench-baseline/ping', '/api/bench-baseline/ping', []],
      [
        'GET /scorecards/:namespace/:kind/:name',
        `/api/ai-readiness/scorecards/${ns}/${kind}/${name}`,
        [],
      ],
      [
        'POST /evaluate (one draft pilot, YAML)',
        '/api/ai-readiness/evaluate',
        ['-m', 'POST', '-H', 'content-type=application/yaml', '-b', yaml],
      ],
    ];
    const results: Figures[] = [];
    for (const [label, route, extra] of routes) {
      const r = await autocannon(`${base}${route}`, {
        connections: CONNECTIONS,
        duration: DURATION,
        extra,
      });
      results.push(r);
      console.log(figuresLine(label, r, { labelWidth: 42 }));
      if (failureOf(label, r)) failed = true;
    }
    const [baseline, get, evaluate] = results;
    console.log(
      `POST /evaluate p99 ${evaluate.p99} ms = ${(
        evaluate.p99 / Math.max(get.p99, 1)
      ).toFixed(2)}× GET /scorecards/… (${get.p99} ms), ${(
        evaluate.p99 / Math.max(baseline.p99, 1)
      ).toFixed(2)}× baseline  [target p99 ≤ ${TARGET_P99_MS} ms: ${
        evaluate.p99 <= TARGET_P99_MS ? 'met' : 'MISSED'
      }]`,
    );
    if (evaluate.p99 > TARGET_P99_MS) failed = true;
  } finally {
    await backend.stop();
  }
  process.exitCode = failed ? 1 : 0;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  error => {
    console.error(error);
    process.exit(1);
  },
);

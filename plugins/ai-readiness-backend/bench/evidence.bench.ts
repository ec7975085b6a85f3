import { evidenceStoreFor } from '../src/__testUtils__/databases';
/*
 * Evidence benchmark (npm run bench -- evidence): 10,000 pilots whose links
 * share 20,000 distinct URLs, served by a loopback server (in its own
 * process) that answers every request after 50 ms. A full collection runs
 * through the real path (catalog read → engine items → links collector with
 * the default concurrency → SQLite store); then the same collector with
 * concurrency 1 looks up a sample, extrapolated to all URLs (a full run would
 * take 20,000 × 50 ms ≈ 17 minutes), for the speed-up.
 *
 * Targets: the full collection in < 3 minutes using < 200 MB more RSS, each
 * distinct URL requested once. Exits 1 when a target is missed.
 *
 * Environment: BENCH_PILOTS (default 10000), BENCH_URLS (default 20000),
 * BENCH_SERIAL_SAMPLE (default 200).
 */
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  builtinEvidenceClaimers,
  createReadinessEngine,
  parseAiReadinessConfig,
} from '@ai-readiness/plugin-ai-readiness-common';
import { ChildProcess, spawn } from 'child_process';
import knexFactory from 'knex';
import os from 'os';
import v8 from 'v8';
import vm from 'vm';
import {
  createBuiltinCollectors,
  createLinksCollector,
  DEFAULT_CONCURRENCY,
} from '../src/services/evidence/collectors';
import { createEvidenceService } from '../src/services/evidence/createEvidenceService';
import { createEvidenceResults } from '../src/services/evidence/createEvidenceResults';
import { createCatalogReader } from '../src/services/CatalogReader/createCatalogReader';
import { filteringCatalog } from '../src/__testUtils__/filteringCatalog';

const PILOTS = Number(process.env.BENCH_PILOTS ?? 10_000);
const URLS = Number(process.env.BENCH_URLS ?? 20_000);
const SAMPLE = Number(process.env.BENCH_SERIAL_SAMPLE ?? 200);
const DELAY_MS = 50;
const LINK_TYPES = ['runbook', 'rollback-plan', 'dashboard', 'raci'];

v8.setFlagsFromString('--expose-gc');
const gc: () => void = vm.runInNewContext('gc');

/** The loopback server, in a child process so that its work is not measured here. */
const SERVER = `
const http = require('http');
let requests = 0; const seen = new Map();
const server = http.createServer((req, res) => {
  requests++; seen.set(req.url, (seen.get(req.url) || 0) + 1);
  setTimeout(() => { res.writeHead(200); res.end(); }, ${DELAY_MS});
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', m => {
  if (m === 'reset') { requests = 0; seen.clear(); process.send({ reset: true }); }
  if (m === 'stats') {
    let repeated = 0; for (const n of seen.values()) if (n > 1) repeated++;
    process.send({ requests, distinct: seen.size, repeated });
  }
});
`;

function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['-e', SERVER], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  process.on('exit', () => child.kill());
  return new Promise(resolve =>
    child.once('message', (m: any) => resolve({ child, port: m.port })),
  );
}

function ask(child: ChildProcess, message: string): Promise<any> {
  return new Promise(resolve => {
    child.once('message', resolve);
    child.send(message);
  });
}

/** Pilot i links URLs 2i and 2i+1 (every URL is used) plus two shared ones. */
function pilots(origin: string): Entity[] {
  const url = (n: number) => `${origin}/page/${n % URLS}`;
  return Array.from({ length: PILOTS }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `pilot-${i}`,
      namespace: 'default',
      links: [2 * i, 2 * i + 1, 7 * i + 3, 13 * i + 5].map((n, k) => ({
        url: url(n),
        type: LINK_TYPES[k],
      })),
    },
    spec: {
      type: 'ai-agent',
      lifecycle: 'production',
      owner: 'group:default/ml',
    },
  }));
}

/** A catalog that pages through a list, as the real one does for queryEntities. */
const quietLogger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return quietLogger;
  },
};

function mb(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

const DEBUG = !!process.env.BENCH_DEBUG;
function step(text: string) {
  if (DEBUG) console.log(`[${new Date().toISOString()}] ${text}`);
}

async function main() {
  step('starting the server');
  const { child, port } = await startServer();
  step(`server on ${port}`);
  const origin = `http://127.0.0.1:${port}`;
  const config = parseAiReadinessConfig({
    evidence: { links: { allow: [{ host: `127.0.0.1:${port}` }] } },
  });
  const engine = createReadinessEngine({ config });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  step('migrating');
  const store = await evidenceStoreFor({
    database: { getClient: async () => knex },
  });
  step('migrated');
  const collectors = createBuiltinCollectors({
    config: config.evidence,
    timeoutMs: 5000,
  });
  const reevaluations = { all: 0, one: 0 };
  const service = createEvidenceService({
    engine,
    collectors,
    store,
    results: createEvidenceResults({
      claimers: collectors,
      store,
      maxAgeMs: 2 * 86_400_000,
    }),
    reader: createCatalogReader({
      engine,
      catalog: filteringCatalog(pilots(origin)),
    }),
    auth: mockServices.auth(),
    logger: quietLogger as any,
    refresher: {
      refreshAll: async () => {
        reevaluations.all++;
        return {} as any;
      },
      refreshEntity: async () => {
        reevaluations.one++;
        return undefined;
      },
    },
    maxAgeMs: 2 * 86_400_000,
  });

  console.log(
    `${PILOTS} pilots, ${URLS} distinct URLs, server answers after ${DELAY_MS} ms, concurrency ${DEFAULT_CONCURRENCY} (default); load average ${os
      .loadavg()
      .map(n => n.toFixed(1))
      .join(' ')} on ${os.cpus().length} CPUs`,
  );
  gc();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const started = Date.now();
  const report = await service.collectAll(new AbortController().signal);
  const fullMs = Date.now() - started;
  const lookupsFloorMs = (URLS / DEFAULT_CONCURRENCY) * DELAY_MS;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const stats = await ask(child, 'stats');
  const stored = await store.listResults();
  const verified = stored.filter(r => r.state === 'verified').length;
  console.log(
    `full collection: ${(fullMs / 1000).toFixed(1)} s, ${report.items} items, ${
      stats.requests
    } requests to ${stats.distinct} distinct URLs (${
      stats.repeated
    } asked twice), ${verified} verified, peak extra RSS ${mb(
      peak - rssBefore,
    )}`,
  );

  // Concurrency 1 on a sample, and the default on the same sample.
  const sample = Array.from(
    { length: SAMPLE },
    (_, i) => `${origin}/page/${i}`,
  );
  const timeSample = async (concurrency: number) => {
    const collector = createLinksCollector({
      claimer: builtinEvidenceClaimers.links,
      allow: [{ host: `127.0.0.1:${port}` }],
      settings: { timeoutMs: 5000, concurrency },
    });
    const t = Date.now();
    await collector.collect(sample, { signal: new AbortController().signal });
    return Date.now() - t;
  };
  const serialMs = await timeSample(1);
  const parallelMs = await timeSample(DEFAULT_CONCURRENCY);
  const serialFullMs = (serialMs / SAMPLE) * URLS;
  console.log(
    `floor set by the server's 50 ms at concurrency ${DEFAULT_CONCURRENCY}: ${(
      lookupsFloorMs / 1000
    ).toFixed(0)} s; overhead ${((fullMs - lookupsFloorMs) / 1000).toFixed(
      0,
    )} s`,
  );
  console.log(
    `concurrency 1: ${SAMPLE} URLs in ${(serialMs / 1000).toFixed(
      1,
    )} s, extrapolated to ${URLS} URLs: ${(serialFullMs / 1000).toFixed(
      0,
    )} s (not run in full)`,
  );
  console.log(
    `same sample at concurrency ${DEFAULT_CONCURRENCY}: ${(
      parallelMs / 1000
    ).toFixed(1)} s (speed-up ${(serialMs / parallelMs).toFixed(1)}x)`,
  );
  console.log(
    `speed-up of the full collection over one request at a time: ${(
      serialFullMs / fullMs
    ).toFixed(1)}x`,
  );

  child.kill();
  await knex.destroy();
  const failures: string[] = [];
  if (fullMs > 180_000)
    failures.push(`full collection took ${fullMs} ms > 3 min`);
  if (peak - rssBefore > 200 * 1024 * 1024)
    failures.push(`extra RSS ${mb(peak - rssBefore)} > 200 MB`);
  if (stats.distinct !== URLS || stats.requests !== URLS)
    failures.push(
      `expected ${URLS} requests, one per URL; got ${stats.requests} to ${stats.distinct}`,
    );
  if (verified !== URLS) failures.push(`${verified} of ${URLS} verified`);
  if (failures.length) {
    console.log(`FAIL: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log(
    'targets met: < 3 min, < 200 MB extra RSS, each distinct URL once',
  );
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

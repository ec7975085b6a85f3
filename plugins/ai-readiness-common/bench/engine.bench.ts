/* eslint-disable no-console */
/*
 * Engine benchmark: a synthetic catalog of 150,000 entities with 100,000 AI
 * pilots, scored on one core. Printed against two baselines measured in the
 * same run on the same data:
 *  - json-rules-engine (the checker Tech Insights uses) evaluating the same 33
 *    checks on facts precomputed from the same pilots (its fact retrieval is
 *    not even timed);
 *  - a bare loop that only reads the fields the checks read.
 *
 * Usage: node scripts/run-ts.js plugins/ai-readiness-common/bench/engine.bench.ts [--pilots N] [--total N]
 */
import { Engine as RulesEngine } from 'json-rules-engine';
import { createReadinessEngine, EntityGraph, Scorecard } from '../src';
import { syntheticCatalog } from '../src/testUtils';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const PILOTS = arg('pilots', 100_000);
const TOTAL = arg('total', 150_000);
const JRE_SAMPLE = arg('jre-sample', 2_000);
const AS_OF = '2026-11-25';

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** A full collection between measurements (node --expose-gc; npm run bench passes it). */
function collect() {
  (global as any).gc?.();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ANNOTATION_KEYS = [
  'business-owner',
  'input-schema',
  'input-validation',
  'trigger',
  'writes-to',
  'human-review',
  'confidence-threshold',
  'kill-switch',
  'monitored-signals',
  'business-kpi',
  'review-cadence',
  'last-reviewed',
  'risk-tier',
  'vendors',
  'data-classification',
  'sensitive-masking',
  'log-retention',
  'prompt-access',
  'cost-owner',
  'rollout-stage',
  'prompt-repository',
  'enabled',
].map(k => `ai-readiness/${k}`);
const OTHER_KEYS = [
  'backstage.io/techdocs-ref',
  'grafana/dashboard-selector',
  'grafana/alert-label-selector',
  'pagerduty.com/service-id',
  'datadoghq.com/dashboard-url',
  'github.com/project-slug',
];

/** Reads every field the checks read, resolves every reference, and nothing else. */
function bareLoop(pilots: any[], graph: EntityGraph): number {
  let checksum = 0;
  const key = (kind: string, ref: string, ns = 'default') => {
    const colon = ref.indexOf(':');
    const k = colon >= 0 ? ref.slice(0, colon) : kind;
    const rest = colon >= 0 ? ref.slice(colon + 1) : ref;
    const slash = rest.indexOf('/');
    return `${k}:${slash >= 0 ? rest : `${ns}/${rest}`}`.toLowerCase();
  };
  for (const pilot of pilots) {
    const annotations = pilot.metadata.annotations ?? {};
    const labels = pilot.metadata.labels ?? {};
    for (const k of ANNOTATION_KEYS) {
      const v = labels[k] ?? annotations[k];
      if (typeof v === 'string') checksum += v.length;
    }
    for (const k of OTHER_KEYS)
      if (typeof annotations[k] === 'string') checksum++;
    const linkTypes = new Set<string>();
    for (const link of pilot.metadata.links ?? []) {
      if (typeof link.url === 'string' && link.url.startsWith('https://'))
        linkTypes.add(link.type);
    }
    checksum += linkTypes.size;
    const spec = pilot.spec;
    const owner = graph.get(key('group', spec.owner));
    if (owner) {
      checksum += graph.memberCount(owner.key);
      const parent = (owner.entity.spec as any)?.parent;
      if (parent && graph.get(key('group', parent))) checksum++;
    }
    const system = graph.get(key('system', spec.system));
    if (system && graph.get(key('group', (system.entity.spec as any).owner)))
      checksum++;
    for (const d of spec.dependsOn ?? []) {
      const node = graph.get(key('', d));
      if (node?.type) checksum += node.type.length;
      const dataOwner = node && (node.entity.spec as any)?.owner;
      if (dataOwner && graph.get(key('group', dataOwner))) checksum++;
    }
    for (const a of spec.providesApis ?? []) {
      const node = graph.get(key('api', a));
      if (node)
        checksum +=
          graph.consumersOf(node.key).size + (node.lifecycle?.length ?? 0);
    }
    for (const a of spec.consumesApis ?? []) {
      const node = graph.get(key('api', a));
      if (node) checksum += node.lifecycle?.length ?? 0;
    }
    for (const k of [
      'business-owner',
      'human-review',
      'prompt-access',
      'cost-owner',
      'writes-to',
      'vendors',
    ]) {
      const v = annotations[`ai-readiness/${k}`];
      if (typeof v === 'string' && graph.get(key('user', v))) checksum++;
    }
  }
  return checksum;
}

/**
 * Facts for json-rules-engine, precomputed from a scorecard: two per check,
 * such that pass = a and b, partial = a or b. Rules: for each check, one rule
 * for pass and one for partial, as a Tech Insights check would be written.
 */
function factsOf(card: Scorecard): Record<string, boolean> {
  const facts: Record<string, boolean> = {};
  for (const d of card.dimensions) {
    for (const c of d.checks) {
      const id = c.id.replace('-', '_');
      facts[`${id}_a`] =
        c.status === 'pass' || c.status === 'waived' || c.status === 'partial';
      facts[`${id}_b`] = c.status === 'pass' || c.status === 'waived';
    }
  }
  return facts;
}

function rulesEngineFor(checkIds: string[]): RulesEngine {
  const engine = new RulesEngine([], { allowUndefinedFacts: true });
  for (const checkId of checkIds) {
    const id = checkId.replace('-', '_');
    engine.addRule({
      priority: 2,
      conditions: {
        all: [
          { fact: `${id}_a`, operator: 'equal', value: true },
          { fact: `${id}_b`, operator: 'equal', value: true },
        ],
      },
      event: { type: checkId, params: { status: 'pass' } },
    });
    engine.addRule({
      priority: 1,
      conditions: {
        any: [
          { fact: `${id}_a`, operator: 'equal', value: true },
          { fact: `${id}_b`, operator: 'equal', value: true },
        ],
      },
      event: { type: checkId, params: { status: 'partial' } },
    });
  }
  return engine;
}

async function main() {
  console.log(
    `# Engine benchmark: ${TOTAL.toLocaleString(
      'en',
    )} entities, ${PILOTS.toLocaleString('en')} pilots, one core (node ${
      process.version
    })`,
  );
  let start = process.hrtime.bigint();
  const entities = syntheticCatalog({ pilots: PILOTS, total: TOTAL });
  console.log(`generated catalog in ${seconds(start).toFixed(2)} s`);

  const engine = createReadinessEngine();
  start = process.hrtime.bigint();
  const graph = engine.buildGraph(entities);
  const graphSeconds = seconds(start);
  start = process.hrtime.bigint();
  const pilots = engine.pilots(graph);
  const scopeSeconds = seconds(start);
  if (pilots.length !== PILOTS)
    throw new Error(`expected ${PILOTS} pilots, found ${pilots.length}`);

  // Warm up the JIT on a slice, then measure full runs.
  for (const p of pilots.slice(0, 5000))
    engine.evaluate(p, graph, { asOf: AS_OF });
  const runs: number[] = [];
  let cards: Scorecard[] = [];
  for (let r = 0; r < 3; r++) {
    cards = [];
    collect();
    start = process.hrtime.bigint();
    const now = new Date();
    cards = engine.evaluateAll(graph, { asOf: AS_OF, now });
    runs.push(seconds(start));
  }
  const evaluateSeconds = median(runs);
  const levels: Record<string, number> = {};
  for (const c of cards) levels[c.level] = (levels[c.level] ?? 0) + 1;

  // Baseline 1: the bare loop.
  bareLoop(pilots.slice(0, 5000), graph);
  const bareRuns: number[] = [];
  let checksum = 0;
  for (let r = 0; r < 3; r++) {
    collect();
    start = process.hrtime.bigint();
    checksum += bareLoop(pilots, graph);
    bareRuns.push(seconds(start));
  }
  const bareSeconds = median(bareRuns);

  // Baseline 2: json-rules-engine on precomputed facts, over a sample (it is slow).
  const checkIds = engine.checks.map(c => c.id);
  const rules = rulesEngineFor(checkIds);
  const sample = cards.slice(0, JRE_SAMPLE).map(factsOf);
  for (const facts of sample.slice(0, 100)) await rules.run(facts);
  start = process.hrtime.bigint();
  let events = 0;
  for (const facts of sample) events += (await rules.run(facts)).events.length;
  const jrePerPilot = seconds(start) / sample.length;
  const enginePerPilot = evaluateSeconds / pilots.length;

  const rate = pilots.length / evaluateSeconds;
  console.log(
    `graph build: ${graphSeconds.toFixed(
      2,
    )} s; scope selection: ${scopeSeconds.toFixed(2)} s`,
  );
  console.log(
    `levels: ${JSON.stringify(
      levels,
    )} (bare-loop checksum ${checksum}, rules events ${events})`,
  );
  console.log('');
  console.log('| measure | value | target |');
  console.log('|---|---|---|');
  console.log(
    `| evaluate ${PILOTS.toLocaleString(
      'en',
    )} pilots (median of 3) | ${evaluateSeconds.toFixed(2)} s | ≤ 2 s |`,
  );
  console.log(
    `| pilots scored per second | ${Math.round(rate).toLocaleString(
      'en',
    )} | ≥ 50,000 |`,
  );
  console.log(
    `| json-rules-engine per pilot (${JRE_SAMPLE} sampled) | ${(
      jrePerPilot * 1e6
    ).toFixed(1)} µs | |`,
  );
  console.log(
    `| engine per pilot | ${(enginePerPilot * 1e6).toFixed(1)} µs | |`,
  );
  console.log(
    `| ratio: engine speed / json-rules-engine | ${(
      jrePerPilot / enginePerPilot
    ).toFixed(1)}× | ≥ 20× |`,
  );
  console.log(
    `| bare loop, same pilots (median of 3) | ${bareSeconds.toFixed(2)} s | |`,
  );
  console.log(
    `| ratio: engine time / bare loop | ${(
      evaluateSeconds / bareSeconds
    ).toFixed(2)}× | ≤ 3× |`,
  );
  console.log(
    `| heap used after scoring | ${Math.round(
      process.memoryUsage().heapUsed / 1048576,
    )} MB | |`,
  );
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});

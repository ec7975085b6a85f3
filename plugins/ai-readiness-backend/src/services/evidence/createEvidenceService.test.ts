import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import {
  builtinEvidenceClaimers,
  createReadinessEngine,
} from '@ai-readiness/plugin-ai-readiness-common';
import {
  createTestDatabases,
  databaseServiceFor,
  evidenceStoreFor,
} from '../../__testUtils__/databases';
import { createLinksCollector } from './collectors';
import { readerOf } from '../../__testUtils__/pipeline';
import { createEvidenceResults } from './createEvidenceResults';
import { createEvidenceService, STALE_DETAIL } from './createEvidenceService';
import { LoopbackServer, startLoopbackServer } from './__testUtils__/loopback';

jest.setTimeout(60_000);

const databases = createTestDatabases();

function pilot(name: string, links: Array<[string, string]>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      links: links.map(([type, url]) => ({ type, url })),
    },
    spec: {
      type: 'ai-agent',
      lifecycle: 'production',
      owner: 'group:default/ml',
    },
  };
}

let site: LoopbackServer;
let other: LoopbackServer;
const missing = new Set<string>();

beforeAll(async () => {
  site = await startLoopbackServer((req, res) => {
    res.writeHead(missing.has(req.url ?? '') ? 404 : 200).end();
  });
  other = await startLoopbackServer((_req, res) => res.writeHead(200).end());
});
afterAll(async () => {
  await site.close();
  await other.close();
});
beforeEach(() => {
  site.received.length = 0;
  missing.clear();
});

describe('createEvidenceService', () => {
  async function setup(entities: Entity[], clock: { now: Date }) {
    const knex = await databases.init('SQLITE_3');
    const store = await evidenceStoreFor({
      database: databaseServiceFor(knex),
    });
    const engine = createReadinessEngine({});
    const collector = createLinksCollector({
      claimer: builtinEvidenceClaimers.links,
      allow: [{ host: site.host }],
      settings: { timeoutMs: 3000, concurrency: 4 },
    });
    const evaluator = {
      refreshAll: jest.fn(async () => ({} as any)),
      refreshEntity: jest.fn(async (_ref: string) => undefined),
    };
    const now = () => clock.now;
    const maxAgeMs = 2 * 86_400_000;
    const service = createEvidenceService({
      engine,
      collectors: [collector],
      store,
      results: createEvidenceResults({
        claimers: [collector],
        store,
        maxAgeMs,
        now,
      }),
      reader: readerOf(catalogServiceMock({ entities })),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      refresher: evaluator,
      maxAgeMs,
      now,
    });
    return { service, evaluator, store, engine };
  }

  it('looks up each distinct item once per run and re-evaluates only the pilots whose items changed', async () => {
    const url = (path: string) => `${site.origin}${path}`;
    const entities = [
      pilot('a', [
        ['runbook', url('/shared-runbook')],
        ['rollback-plan', url('/a-rollback')],
      ]),
      pilot('b', [
        ['runbook', url('/shared-runbook')],
        ['rollback-plan', url('/b-rollback')],
        ['dashboard', `${other.origin}/not-allowed`],
      ]),
      pilot('c', [['runbook', url('/shared-runbook')]]),
    ];
    const clock = { now: new Date('2026-11-27T09:00:00Z') };
    const { service, evaluator, store } = await setup(entities, clock);

    const first = await service.collectAll(new AbortController().signal);
    expect(first).toMatchObject({
      pilots: 3,
      items: 4,
      changed: 4,
      reevaluated: 3,
    });
    // One HEAD per distinct allowed URL, however many pilots share it.
    expect(site.received.map(r => `${r.method} ${r.url}`).sort()).toEqual([
      'HEAD /a-rollback',
      'HEAD /b-rollback',
      'HEAD /shared-runbook',
    ]);
    expect(other.received).toEqual([]);
    expect(evaluator.refreshEntity.mock.calls.map(c => c[0]).sort()).toEqual([
      'component:default/a',
      'component:default/b',
      'component:default/c',
    ]);
    const stored = await store.listResults();
    expect(
      Object.fromEntries(stored.map(r => [r.target, `${r.state} ${r.detail}`])),
    ).toEqual({
      [url('/shared-runbook')]: 'verified 200',
      [url('/a-rollback')]: 'verified 200',
      [url('/b-rollback')]: 'verified 200',
      [`${other.origin}/not-allowed`]: 'unverified host not allowed',
    });

    // Second run: one page is gone; only its pilot is re-evaluated.
    site.received.length = 0;
    evaluator.refreshEntity.mockClear();
    missing.add('/b-rollback');
    clock.now = new Date('2026-11-27T10:00:00Z');
    const second = await service.collectAll(new AbortController().signal);
    expect(second).toMatchObject({ items: 4, changed: 1, reevaluated: 1 });
    expect(site.received).toHaveLength(3);
    expect(evaluator.refreshEntity.mock.calls).toEqual([
      ['component:default/b'],
    ]);
    expect(evaluator.refreshAll).not.toHaveBeenCalled();

    // The view: refuted now, and unverified "stale" once older than maxAge.
    const view = service.view()!;
    const item = { collector: 'links', target: url('/b-rollback') };
    expect(view.lookup(item)).toEqual({
      state: 'refuted',
      detail: '404',
      checkedAt: '2026-11-27T10:00:00.000Z',
    });
    clock.now = new Date('2026-11-29T10:00:01Z');
    expect(view.lookup(item)).toEqual({
      state: 'unverified',
      detail: STALE_DETAIL,
      checkedAt: '2026-11-27T10:00:00.000Z',
    });
  });

  it('gives the engine the stored evidence: a refuted rollback plan counts as absent', async () => {
    const url = `${site.origin}/gone-plan`;
    const entities = [pilot('a', [['rollback-plan', url]])];
    const clock = { now: new Date('2026-11-27T09:00:00Z') };
    const { service, engine } = await setup(entities, clock);
    const graph = engine.buildGraph(entities);
    const before = engine.evaluate(entities[0], graph, { now: clock.now });
    const fb3 = (card: typeof before) =>
      card.dimensions.flatMap(d => d.checks).find(c => c.id === 'FB-3')!;
    expect(fb3(before).status).toBe('partial');

    missing.add('/gone-plan');
    await service.refreshPilot(
      'component:default/a',
      new AbortController().signal,
    );
    const after = engine.evaluate(entities[0], graph, {
      now: clock.now,
      evidence: service.view(),
    });
    expect(fb3(after).status).toBe('fail');
    expect(fb3(after).message).toContain(
      `refuted: links[rollback-plan] ${url} answered 404`,
    );
    expect(after.evidence).toEqual({ verified: 0, unverified: 0, refuted: 1 });
  });

  it('refuses two collectors with one id', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await evidenceStoreFor({
      database: databaseServiceFor(knex),
    });
    const collector = {
      id: 'links',
      claim: () => undefined,
      collect: async () => new Map(),
    };
    expect(() =>
      createEvidenceService({
        engine: createReadinessEngine({}),
        collectors: [collector, collector],
        store,
        results: createEvidenceResults({ claimers: [], store, maxAgeMs: 1 }),
        reader: readerOf(catalogServiceMock({ entities: [] })),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        refresher: { refreshAll: jest.fn(), refreshEntity: jest.fn() },
        maxAgeMs: 1,
      }),
    ).toThrow('evidence collector id "links" is used twice');
  });
});

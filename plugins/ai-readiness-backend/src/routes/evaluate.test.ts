import {
  fakeScorecard,
  withCatalogRelations,
} from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createReadinessEngine,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import express from 'express';
import request from 'supertest';
import { stringify } from 'yaml';
import {
  permissionAwareCatalog,
  RESTRICTED_USER,
} from '../__testUtils__/catalog';
import {
  conformanceEntities,
  conformanceExpected,
} from '../__testUtils__/conformance';
import { createTestPipeline } from '../__testUtils__/pipeline';
import { createDraftEvaluator } from '../services/DraftEvaluator/createDraftEvaluator';
import { createEvaluateRouter } from './evaluate';

jest.setTimeout(30_000);

const expected = conformanceExpected();
const AS_OF = expected.asOf;
const refOf = (e: Entity) => stringifyEntityRef(e).toLocaleLowerCase('en-US');
const all = conformanceEntities();
const pilots = all.filter(e => refOf(e) in expected.scorecards);
const organisation = all.filter(e => !(refOf(e) in expected.scorecards));
const triage = pilots.find(e => e.metadata.name === 'claims-triage')!;
const restricted = mockCredentials.user.header(RESTRICTED_USER);

function setup(
  options: {
    catalogEntities?: Entity[];
    hidden?: string[];
    deny?: boolean;
    stored?: Scorecard[];
  } = {},
) {
  const catalog = permissionAwareCatalog(
    withCatalogRelations(options.catalogEntities ?? organisation),
    { [RESTRICTED_USER]: options.hidden ?? [] },
  );
  const stored = new Map(
    (options.stored ?? []).map(c => [c.entityRef.toLocaleLowerCase(), c]),
  );
  const store = {
    getScorecard: jest.fn(async (ref: string) => stored.get(ref)),
  };
  const now = () => new Date(`${AS_OF}T10:00:00.000Z`);
  const drafts = createDraftEvaluator({
    ...createTestPipeline({ engine: createReadinessEngine(), catalog, now }),
    store,
    now,
  });
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async (reqs: any[]) =>
      reqs.map(() => ({
        result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      })),
    ) as any,
  });
  const app = express()
    .use(
      createEvaluateRouter({
        httpAuth: mockServices.httpAuth(),
        permissions,
        drafts,
      }),
    )
    .use(mockErrorHandler());
  return { app, catalog, store };
}

/** Level and the statuses of the checks expected.json names. */
function outcome(card: Scorecard) {
  const want = expected.scorecards[card.entityRef];
  const named = want?.checks ?? {};
  return {
    level: card.level,
    checks: Object.fromEntries(
      card.dimensions
        .flatMap(d => d.checks.map(c => [c.id, c.status]))
        .filter(([id]) => id in named),
    ),
    // The scope rule where expected.json names one; the weakest link's cap always.
    ...(want?.scope !== undefined ? { scope: card.scope?.rule } : {}),
    cap: card.cap ?? null,
  };
}

const yamlOf = (entities: unknown[]) =>
  entities.map(e => stringify(e)).join('---\n');

describe('POST /evaluate', () => {
  it('answers 401 without credentials and 403 without the read permission', async () => {
    const { app, catalog } = setup();
    const anonymous = await request(app)
      .post('/evaluate')
      .set('Authorization', mockCredentials.none.header())
      .send({ entities: [triage] });
    expect(anonymous.status).toBe(401);

    const denied = await request(setup({ deny: true }).app)
      .post('/evaluate')
      .send({ entities: [triage] });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('ai-readiness.scorecard.read');
    expect(catalog.calls).toEqual([]);
  });

  it('scores JSON drafts against the catalog, equal to the conformance results', async () => {
    const { app, catalog } = setup();
    const res = await request(app)
      .post('/evaluate')
      .send({ entities: pilots, asOf: AS_OF });
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe(AS_OF);
    expect(res.body.errors).toEqual([]);
    const got = Object.fromEntries(
      res.body.scorecards.map((c: Scorecard) => [c.entityRef, outcome(c)]),
    );
    const want = Object.fromEntries(
      Object.entries(expected.scorecards).map(([ref, e]) => [
        ref,
        {
          level: e.level,
          checks: e.checks,
          ...(e.scope !== undefined ? { scope: e.scope } : {}),
          cap: e.cap ?? null,
        },
      ]),
    );
    expect(got).toEqual(want);
    // Non-pilots among the drafts (billing-service, legacy-bot) are not scored.
    for (const ref of expected.absent) expect(got[ref]).toBeUndefined();
    // Every reference round asks the catalog once, in a batch, with the caller's credentials.
    const reads = catalog.calls.filter(c => c.method === 'getEntitiesByRefs');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.length).toBeLessThanOrEqual(4);
    expect(reads.every(c => c.principal === 'user:default/mock')).toBe(true);
  });

  it('reads YAML with asOf as a query parameter, and puts the stored card beside each result', async () => {
    const stored = fakeScorecard({
      entityRef: 'component:default/claims-triage',
      level: 'L1',
      score: 42,
      evaluatedAt: '2026-11-20T08:00:00.000Z',
    });
    const catalogEntities = [...organisation, triage];
    const { app, store } = setup({ catalogEntities, stored: [stored] });
    const draft = {
      ...triage,
      metadata: { ...triage.metadata, description: 'edited' },
    };
    const res = await request(app)
      .post(`/evaluate?asOf=${AS_OF}`)
      .set('Content-Type', 'application/yaml')
      .send(yamlOf([draft, pilots[1]]));
    expect(res.status).toBe(200);
    const [first, second] = res.body.scorecards;
    expect(first.entityRef).toBe('component:default/claims-triage');
    expect(first.level).toBe('L3');
    expect(first.current).toEqual({
      level: 'L1',
      score: 42,
      evaluatedAt: '2026-11-20T08:00:00.000Z',
    });
    // Not in the catalog: nothing to compare with.
    expect(second.current).toBeNull();
    expect(store.getScorecard).not.toHaveBeenCalledWith(
      'component:default/claims-summarizer',
    );
  });

  it('lets a draft replace the catalog entity of the same ref', async () => {
    const weakened = {
      ...triage,
      metadata: {
        ...triage.metadata,
        annotations: {
          ...triage.metadata.annotations,
          'ai-readiness/business-owner': '',
        },
      },
    };
    const catalogEntities = [...organisation, triage];
    const { app } = setup({ catalogEntities });
    const res = await request(app)
      .post('/evaluate')
      .send({ entities: [weakened], asOf: AS_OF });
    expect(res.status).toBe(200);
    const card = res.body.scorecards[0];
    const own = card.dimensions
      .flatMap((d: any) => d.checks)
      .find((c: any) => c.id === 'OWN-2');
    expect(own.status).not.toBe('pass');
    expect(card.level).not.toBe('L3');
  });

  it('reports invalid drafts with document index, line and field, and still scores the others', async () => {
    const { app } = setup();
    const text = `${yamlOf([triage])}---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: broken
spec:
  type: ai-pilot
  owner: ml
  lifecycle: 3
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bad name
spec: { type: ai-pilot, owner: ml, lifecycle: experimental }
`;
    const triageLines = yamlOf([triage]).split('\n').length - 1;
    const res = await request(app)
      .post(`/evaluate?asOf=${AS_OF}`)
      .set('Content-Type', 'application/yaml')
      .send(text);
    expect(res.status).toBe(200);
    expect(res.body.scorecards.map((c: Scorecard) => c.entityRef)).toEqual([
      'component:default/claims-triage',
    ]);
    expect(res.body.errors).toEqual([
      {
        document: 1,
        line: triageLines + 9,
        message: expect.stringMatching(/^spec\.lifecycle: .*must be string/),
      },
      {
        document: 2,
        line: triageLines + 14,
        message: expect.stringMatching(/^metadata\.name: .*is not valid/),
      },
    ]);
  });

  it('answers invalid YAML with its line', async () => {
    const { app } = setup();
    const res = await request(app)
      .post('/evaluate')
      .set('Content-Type', 'application/yaml')
      .send(
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  annotations: [unclosed\n',
      );
    expect(res.status).toBe(200);
    expect(res.body.scorecards).toEqual([]);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]).toMatchObject({ document: 0 });
    expect(res.body.errors[0].line).toBeGreaterThanOrEqual(5);
    expect(res.body.errors[0].message).toMatch(/^invalid YAML: /);
  });

  it('tells a draft agent of the catalog agents that hand work off to it (INT-1), as the stored scorecard is', async () => {
    const agent = (name: string, spec: object = {}): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'AiResource',
      metadata: { name, namespace: 'default' },
      spec: { type: 'agent', owner: 'group:default/ml', ...spec },
    });
    const router = agent('router', { handoffs: ['specialist'] });
    const { app, catalog } = setup({
      catalogEntities: [...organisation, router],
    });
    const res = await request(app)
      .post('/evaluate')
      .send({ asOf: AS_OF, entities: [agent('specialist')] });
    expect(res.body.errors).toEqual([]);
    expect(res.status).toBe(200);
    const int1 = (res.body.scorecards[0] as Scorecard).dimensions
      .flatMap(d => d.checks)
      .find(c => c.id === 'INT-1')!;
    expect(int1.status).toBe('pass');
    expect(int1.message).toBe(
      'airesource:default/router hands work off to the pilot',
    );
    // One query for all drafts, on spec.handoffs; never a scan.
    expect(
      catalog.calls.filter(c => c.method === 'queryEntities'),
    ).toHaveLength(1);
  });

  it('limits the body to 1 MiB (413) and to 200 documents (400 naming the limit)', async () => {
    const { app, catalog } = setup();
    const big = await request(app)
      .post('/evaluate')
      .set('Content-Type', 'application/yaml')
      .send(`# ${'x'.repeat(1024 * 1024)}\n`);
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('1 MiB');
    const bigJson = await request(app)
      .post('/evaluate')
      .send({ entities: [{ padding: 'x'.repeat(1024 * 1024) }] });
    expect(bigJson.status).toBe(413);

    const doc = (i: number) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `g${i}` },
      spec: { type: 'team', children: [] },
    });
    const many = Array.from({ length: 201 }, (_, i) => doc(i));
    const tooManyYaml = await request(app)
      .post('/evaluate')
      .set('Content-Type', 'application/yaml')
      .send(yamlOf(many));
    expect(tooManyYaml.status).toBe(400);
    expect(tooManyYaml.body.error.message).toMatch(/at most 200 .*201/);
    const tooManyJson = await request(app)
      .post('/evaluate')
      .send({ entities: many });
    expect(tooManyJson.status).toBe(400);
    expect(tooManyJson.body.error.message).toMatch(
      /"entities".*at most 200 documents/,
    );
    const exactly = await request(app)
      .post('/evaluate')
      .send({ entities: many.slice(0, 200) });
    expect(exactly.status).toBe(200);
    expect(catalog.calls.every(c => c.method !== 'queryEntities')).toBe(true);
  });

  it('names the bad parameter: asOf, an unknown field, the content type', async () => {
    const { app } = setup();
    const badDate = await request(app)
      .post('/evaluate?asOf=2026-02-30')
      .set('Content-Type', 'application/yaml')
      .send('');
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toContain('"asOf"');
    const unknown = await request(app)
      .post('/evaluate')
      .send({ entities: [], at: AS_OF });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('"at"');
    const text = await request(app)
      .post('/evaluate')
      .set('Content-Type', 'text/plain')
      .send('hello');
    expect(text.status).toBe(400);
    expect(text.body.error.message).toContain('Content-Type');
    const notJson = await request(app)
      .post('/evaluate')
      .set('Content-Type', 'application/json')
      .send('{"entities": [');
    expect(notJson.status).toBe(400);
  });

  it('treats a Group the caller may not read exactly like a missing Group, in the answer and in the catalog reads', async () => {
    const hiddenSetup = setup({
      catalogEntities: organisation,
      hidden: ['group:default/ml'],
    });
    const missingSetup = setup({
      catalogEntities: organisation.filter(e => e.metadata.name !== 'ml'),
    });
    const post = (app: express.Express) =>
      request(app)
        .post('/evaluate')
        .set('Authorization', restricted)
        .send({ entities: [triage], asOf: AS_OF });
    const hidden = await post(hiddenSetup.app);
    const missing = await post(missingSetup.app);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toEqual(missing.body);
    // The owner no longer resolves, so the pilot falls below L3.
    expect(hidden.body.scorecards[0].level).not.toBe('L3');
    // Same reads, same batches: nothing in the timing tells them apart.
    const shape = (s: ReturnType<typeof setup>) =>
      s.catalog.calls.map(c => c.method);
    expect(shape(hiddenSetup)).toEqual(shape(missingSetup));

    // The unrestricted user sees the group and keeps L3.
    const seen = await request(hiddenSetup.app)
      .post('/evaluate')
      .send({ entities: [triage], asOf: AS_OF });
    expect(seen.body.scorecards[0].level).toBe('L3');
  });

  it('hides the stored card of a catalog entity the caller may not read', async () => {
    const stored = fakeScorecard({
      entityRef: 'component:default/claims-triage',
      level: 'L2',
      score: 77,
    });
    const { app } = setup({
      catalogEntities: [...organisation, triage],
      hidden: ['component:default/claims-triage'],
      stored: [stored],
    });
    const res = await request(app)
      .post('/evaluate')
      .set('Authorization', restricted)
      .send({ entities: [triage], asOf: AS_OF });
    expect(res.body.scorecards[0].current).toBeNull();
  });
});

import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import aiModelModule from '@backstage/plugin-catalog-backend-module-ai-model';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { createReadinessEngine } from '@ai-readiness/plugin-ai-readiness-common';
import {
  EXAMPLES_AS_OF,
  expectedLevels,
  loadExampleEntities,
  repoRoot,
} from './__testUtils__/examples';

jest.setTimeout(120_000);

/**
 * The catalog section of the real app-config.yaml, with its file locations
 * (relative to packages/backend, where the backend runs) made absolute.
 */
function catalogConfig() {
  const appConfig = parse(
    fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
  );
  const backendDir = path.join(repoRoot, 'packages', 'backend');
  return {
    ...appConfig.catalog,
    locations: [
      ...appConfig.catalog.locations,
      // an AI agent (kind AiResource) and an MCP server API, beside the examples
      { type: 'file', target: 'src/__fixtures__/ai-agent.yaml' },
    ].map((l: { type: string; target: string }) => ({
      ...l,
      target: l.type === 'file' ? path.resolve(backendDir, l.target) : l.target,
    })),
  };
}

// SQLite always; PostgreSQL when scripts/with-postgres.sh (npm run test:all) started one.
const pgId = process.env.AI_READINESS_TEST_PG_ID as TestDatabaseId | undefined;
const databases = TestDatabases.create({
  ids: pgId ? [pgId, 'SQLITE_3'] : ['SQLITE_3'],
});

function refOf(e: Entity): string {
  return `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLocaleLowerCase('en-US');
}

async function waitForEntities(
  backend: TestBackend,
  predicate: (entities: Entity[]) => boolean,
): Promise<Entity[]> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await request(backend.server)
      .get('/api/catalog/entities')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    if (predicate(res.body)) return res.body;
    if (Date.now() > deadline) {
      throw new Error(
        `the catalog did not ingest the examples in time (${res.body.length} entities)`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

const fixtureRefs = new Set([
  'airesource:default/claims-intake-agent',
  'api:default/claims-documents-mcp',
]);
const isFixture = (e: Entity) => fixtureRefs.has(refOf(e));

describe.each(databases.eachSupportedId())(
  'the portal catalog on %p',
  databaseId => {
    let backend: TestBackend;
    let entities: Entity[];
    const expected = expectedLevels();

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          // as in src/index.ts: the AiResource kind and mcp-server APIs
          aiModelModule,
          scaffolderEntityModel,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                ...catalogConfig(),
                processingInterval: { seconds: 1 },
              },
            },
          }),
        ],
      });
      // Wait until every example entity is in, with its relations stitched.
      const wanted = [
        ...loadExampleEntities().map(refOf),
        'component:default/ai-readiness-for-backstage',
        'airesource:default/claims-intake-agent',
        'api:default/claims-documents-mcp',
        // the template of docs/fixes.md, allowed by catalog.rules
        'template:default/ai-readiness-fix',
      ];
      entities = await waitForEntities(backend, list => {
        const served = new Set(list.map(refOf));
        return (
          wanted.every(ref => served.has(ref)) &&
          list.every(
            e =>
              !(e.spec as { owner?: string } | undefined)?.owner ||
              e.relations?.some(r => r.type === 'ownedBy'),
          )
        );
      });
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('serves the example pilots, filtered by type', async () => {
      const res = await request(backend.server)
        .get(
          '/api/catalog/entities?filter=kind=component,spec.type=ai-pilot' +
            '&filter=kind=component,spec.type=ml-service' +
            '&filter=kind=component,spec.type=llm-app' +
            '&filter=kind=component,spec.type=ai-agent',
        )
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      const names = res.body.map((e: Entity) => e.metadata.name);
      expect(names.length).toBeGreaterThanOrEqual(12);
      expect(names).toContain('claims-triage-assistant');
      expect(names).toContain('kyc-document-checker');
      expect(names).not.toContain('claims-core');
    });

    it('serves one pilot by name with its annotations and relations', async () => {
      const res = await request(backend.server)
        .get(
          '/api/catalog/entities/by-name/component/default/claims-triage-assistant',
        )
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body.metadata.annotations['ai-readiness/risk-tier']).toBe(
        'limited',
      );
      expect(res.body.relations).toEqual(
        expect.arrayContaining([
          { type: 'ownedBy', targetRef: 'group:default/claims-ai' },
          { type: 'dependsOn', targetRef: 'component:default/llm-gateway' },
        ]),
      );
    });

    it('accepts every example entity, including users and groups', () => {
      const kinds = new Set(entities.map(e => e.kind));
      for (const kind of ['Group', 'User', 'System', 'Resource', 'API']) {
        expect(kinds).toContain(kind);
      }
      const errors = entities.filter(e => (e as any).status?.items?.length > 0);
      expect(errors.map(e => e.metadata.name)).toEqual([]);
    });

    it('accepts an AI agent (kind AiResource) and an MCP server API under the portal rules', async () => {
      const agent = await request(backend.server)
        .get(
          '/api/catalog/entities/by-name/airesource/default/claims-intake-agent',
        )
        .set('Authorization', mockCredentials.user.header());
      expect(agent.status).toBe(200);
      expect(agent.body.spec.type).toBe('agent');
      expect(agent.body.relations).toEqual(
        expect.arrayContaining([
          { type: 'ownedBy', targetRef: 'group:default/claims-ai' },
          { type: 'partOf', targetRef: 'system:default/claims-platform' },
        ]),
      );
      const mcp = entities.find(
        e => e.metadata.name === 'claims-documents-mcp',
      );
      expect((mcp as any)?.status?.items ?? []).toEqual([]);
    });

    it('gives the same levels from the catalog as from the YAML files', () => {
      const engine = createReadinessEngine();
      // the examples only: the agent above is not one of them
      const graph = engine.buildGraph(entities.filter(e => !isFixture(e)));
      const levels = Object.fromEntries(
        engine
          .evaluateAll(graph, { asOf: EXAMPLES_AS_OF })
          .map(c => [c.entityRef.split('/')[1], c.level]),
      );
      expect(levels).toEqual(Object.fromEntries(expected));
    });

    it('requires a signed-in caller', async () => {
      const res = await request(backend.server)
        .get('/api/catalog/entities')
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    });
  },
);

/*
 * End to end through the real catalog backend: a permission policy hides one
 * AI pilot from one user (the catalog applies it as a query condition), and
 * every answer of the AI readiness plugin to that user leaves the pilot out.
 * The policy runs in process, behind the permissions service, instead of
 * behind the permission backend (whose HTTP hop refuses the test backend's
 * mock user tokens).
 */
import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import aiReadinessPlugin from '@ai-readiness/plugin-ai-readiness-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';

jest.setTimeout(120_000);

const RESTRICTED = 'user:default/restricted';

/** Everyone may do everything, except that RESTRICTED may not read entities annotated secret. */
class HideSecretPilotsPolicy implements PermissionPolicy {
  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      user?.info.userEntityRef === RESTRICTED &&
      query.permission.name === 'catalog.entity.read' &&
      isResourcePermission(query.permission, 'catalog-entity')
    ) {
      return createCatalogConditionalDecision(query.permission, {
        not: catalogConditions.hasAnnotation({
          annotation: 'example.com/secret',
        }),
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/**
 * The permissions service of every plugin, deciding with the policy above in
 * process (the catalog turns conditional decisions into query filters, as it
 * does with the permission backend).
 */
function policyPermissions(policy: PermissionPolicy): PermissionsService {
  const userOf = (
    credentials: BackstageCredentials,
  ): PolicyQueryUser | undefined => {
    const principal = credentials.principal as any;
    if (principal?.type !== 'user') return undefined;
    return {
      identity: {
        type: 'user',
        userEntityRef: principal.userEntityRef,
        ownershipEntityRefs: [principal.userEntityRef],
      },
      info: { userEntityRef: principal.userEntityRef, ownershipEntityRefs: [] },
      credentials,
    } as unknown as PolicyQueryUser;
  };
  return {
    async authorize(requests, { credentials }) {
      return Promise.all(
        requests.map(async r => {
          const decision = await policy.handle(
            { permission: r.permission },
            userOf(credentials),
          );
          // Only whole-resource answers here: a conditional one on a single
          // resource is resolved by the catalog through authorizeConditional.
          return {
            result:
              decision.result === AuthorizeResult.ALLOW
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          };
        }),
      );
    },
    async authorizeConditional(queries, { credentials }) {
      return Promise.all(
        queries.map(q =>
          policy.handle({ permission: q.permission }, userOf(credentials)),
        ),
      ) as any;
    },
  };
}

const pilot = (name: string, annotations: Record<string, string> = {}) => `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations: ${JSON.stringify({
    'ai-readiness/risk-tier': 'limited',
    ...annotations,
  })}
spec:
  type: ai-agent
  lifecycle: experimental
  owner: group:default/ml
`;

describe('AI readiness behind a real catalog permission policy', () => {
  it('leaves out what the policy hides from the caller, in every answer', async () => {
    const dir = createMockDirectory({
      content: {
        'catalog.yaml': [
          `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ml
spec:
  type: team
  children: []
`,
          pilot('open-pilot'),
          pilot('other-pilot'),
          pilot('secret-pilot', { 'example.com/secret': 'true' }),
        ].join(''),
      },
    });
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => policyPermissions(new HideSecretPilotsPolicy()),
        }),
        aiReadinessPlugin,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'Group',
                    'User',
                    'System',
                    'Resource',
                    'API',
                  ],
                },
              ],
              locations: [
                { type: 'file', target: dir.resolve('catalog.yaml') },
              ],
            },
          },
        }),
      ],
    });
    const { server } = backend;
    const asRestricted = mockCredentials.user.header(RESTRICTED);
    try {
      // Wait (bounded) for the catalog to ingest the file.
      const deadline = Date.now() + 90_000;
      for (;;) {
        const res = await request(server).get(
          '/api/catalog/entities/by-name/component/default/secret-pilot',
        );
        if (res.status === 200) break;
        if (Date.now() > deadline) {
          throw new Error('the catalog did not ingest the file');
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      // The catalog itself applies the policy.
      expect(
        (
          await request(server)
            .get('/api/catalog/entities/by-name/component/default/secret-pilot')
            .set('Authorization', asRestricted)
        ).status,
      ).toBe(404);

      expect(
        (await request(server).post('/api/ai-readiness/refresh').send({}))
          .status,
      ).toBe(202);

      const all = await request(server).get('/api/ai-readiness/scorecards');
      expect(all.body.items.map((i: any) => i.entityRef).sort()).toEqual([
        'component:default/open-pilot',
        'component:default/other-pilot',
        'component:default/secret-pilot',
      ]);

      const list = await request(server)
        .get('/api/ai-readiness/scorecards')
        .set('Authorization', asRestricted);
      expect(list.body.items.map((i: any) => i.entityRef).sort()).toEqual([
        'component:default/open-pilot',
        'component:default/other-pilot',
      ]);
      expect(list.body.totalCount).toBe(2);

      const summary = await request(server)
        .get('/api/ai-readiness/summary?groupBy=owner')
        .set('Authorization', asRestricted);
      expect(summary.body.groups).toEqual([
        expect.objectContaining({ key: 'group:default/ml', count: 2 }),
      ]);
      const csv = await request(server)
        .get('/api/ai-readiness/export.csv')
        .set('Authorization', asRestricted);
      expect(csv.text).toContain('open-pilot');
      expect(csv.text).not.toContain('secret-pilot');
      for (const path of [
        '/api/ai-readiness/scorecards/default/component/secret-pilot',
        '/api/ai-readiness/scorecards/default/component/secret-pilot/history',
      ]) {
        const res = await request(server)
          .get(path)
          .set('Authorization', asRestricted);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
      expect(
        (
          await request(server).get(
            '/api/ai-readiness/scorecards/default/component/secret-pilot',
          )
        ).status,
      ).toBe(200);
    } finally {
      await backend.stop();
    }
  });
});

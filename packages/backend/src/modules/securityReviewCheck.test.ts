import { component } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import aiReadinessPlugin from '@ai-readiness/plugin-ai-readiness-backend';
import request from 'supertest';
import { aiReadinessModuleSecurityReviewCheck } from './securityReviewCheck';

const REVIEWED_LINK = {
  url: 'https://wiki.example.com/sec/reviewed',
  type: 'security-review',
};

function pilot(
  name: string,
  links?: Entity['metadata']['links'],
  reviewer?: string,
): Entity {
  return component(
    name,
    {},
    {
      ...(links ? { links } : {}),
      ...(reviewer
        ? { annotations: { 'ai-readiness/security-reviewer': reviewer } }
        : {}),
    },
  );
}

const appsec: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'appsec', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('aiReadinessModuleSecurityReviewCheck', () => {
  it('adds SECREVIEW-1 to the rubric and to every scorecard', async () => {
    const backend = await startTestBackend({
      features: [
        aiReadinessPlugin,
        aiReadinessModuleSecurityReviewCheck,
        catalogServiceMock.factory({
          entities: [
            pilot('reviewed', [REVIEWED_LINK], 'appsec'),
            pilot('link-only', [REVIEWED_LINK]),
            appsec,
            pilot('unreviewed'),
            pilot('odd-link', [
              {
                url: 'ftp://files.example.com/review',
                type: 'security-review',
              },
            ]),
          ],
        }),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    const { server } = backend;
    try {
      const rubric = await request(server).get('/api/ai-readiness/rubric');
      expect(rubric.status).toBe(200);
      expect(rubric.body.checks).toContainEqual(
        expect.objectContaining({
          id: 'SECREVIEW-1',
          dimension: 'operations',
          gate: false,
        }),
      );

      expect(
        (await request(server).post('/api/ai-readiness/refresh').send({}))
          .status,
      ).toBe(202);

      const statusOf = async (name: string) => {
        const res = await request(server).get(
          `/api/ai-readiness/scorecards/default/component/${name}`,
        );
        expect(res.status).toBe(200);
        const operations = res.body.dimensions.find(
          (d: any) => d.id === 'operations',
        );
        return operations.checks.find((c: any) => c.id === 'SECREVIEW-1');
      };
      expect((await statusOf('reviewed')).status).toBe('pass');
      const linkOnly = await statusOf('link-only');
      expect(linkOnly.status).toBe('partial');
      expect(linkOnly.message).toContain(
        'ai-readiness/security-reviewer is not set',
      );
      const missing = await statusOf('unreviewed');
      expect(missing.status).toBe('fail');
      expect(missing.remediation.yaml).toContain('type: security-review');
      expect((await statusOf('odd-link')).status).toBe('error');

      const list = await request(server).get(
        '/api/ai-readiness/scorecards?dimension=operations',
      );
      const unreviewed = list.body.items.find(
        (i: any) => i.entityRef === 'component:default/unreviewed',
      );
      expect(unreviewed.failingChecks).toContain('SECREVIEW-1');
    } finally {
      await backend.stop();
    }
  });

  it('fetches the Group its reads name when a pilot is evaluated on demand', async () => {
    const onDemand = async (catalog: Entity[]) => {
      const backend = await startTestBackend({
        features: [
          aiReadinessPlugin,
          aiReadinessModuleSecurityReviewCheck,
          catalogServiceMock.factory({
            entities: [
              pilot('fresh', [REVIEWED_LINK], 'group:default/appsec'),
              ...catalog,
            ],
          }),
          mockServices.rootConfig.factory({ data: {} }),
        ],
      });
      try {
        // No refresh: the pilot has no stored scorecard.
        const res = await request(backend.server).get(
          '/api/ai-readiness/scorecards/default/component/fresh',
        );
        expect(res.status).toBe(200);
        return res.body.dimensions
          .find((d: any) => d.id === 'operations')
          .checks.find((c: any) => c.id === 'SECREVIEW-1');
      } finally {
        await backend.stop();
      }
    };
    const withGroup = await onDemand([appsec]);
    expect(withGroup.status).toBe('pass');
    expect(withGroup.message).toContain('group:default/appsec');
    const withoutGroup = await onDemand([]);
    expect(withoutGroup.status).toBe('partial');
    expect(withoutGroup.message).toContain(
      'group:default/appsec does not resolve to a Group',
    );
  });
});

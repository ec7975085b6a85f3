import { component } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import aiReadinessPlugin from '@ai-readiness/plugin-ai-readiness-backend';
import request from 'supertest';
import {
  aiReadinessModuleKillSwitchEvidence,
  createKillSwitchCollector,
} from './killSwitchEvidence';

jest.setTimeout(60_000);

function pilot(name: string, killSwitch: string): Entity {
  return component(
    name,
    {},
    {
      annotations: { 'ai-readiness/kill-switch': killSwitch },
    },
  );
}

describe('aiReadinessModuleKillSwitchEvidence', () => {
  it('claims only kill-switch values', () => {
    const collector = createKillSwitchCollector(new Set());
    expect(
      collector.claim({
        type: 'value',
        name: 'ai-readiness/kill-switch',
        value: ' flags/a ',
        isUrl: false,
        source: 'annotations[ai-readiness/kill-switch]',
      }),
    ).toBe('flags/a');
    expect(
      collector.claim({
        type: 'value',
        name: 'ai-readiness/confidence-threshold',
        value: '0.8',
        isUrl: false,
        source: 'x',
      }),
    ).toBeUndefined();
    expect(
      collector.claim({
        type: 'link',
        linkType: 'kill-switch',
        url: 'https://flags.example.com',
        source: 'x',
      }),
    ).toBeUndefined();
  });

  it('adds a collector whose results reach the scorecard', async () => {
    const backend = await startTestBackend({
      features: [
        aiReadinessPlugin,
        aiReadinessModuleKillSwitchEvidence,
        catalogServiceMock.factory({
          entities: [
            pilot('switched', 'flags/switched-enabled'),
            pilot('unswitched', 'flags/never-created'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: { featureFlags: { known: ['flags/switched-enabled'] } },
        }),
      ],
    });
    const { server } = backend;
    try {
      const collect = (entityRef: string) =>
        request(server)
          .post('/api/ai-readiness/evidence/refresh')
          .send({ entityRef });
      const switched = await collect('component:default/switched');
      expect(switched.status).toBe(200);
      expect(switched.body.collectors).toEqual(['feature-flags']);
      expect(switched.body.items).toContainEqual(
        expect.objectContaining({
          checkId: 'FB-3',
          collector: 'feature-flags',
          target: 'flags/switched-enabled',
          state: 'verified',
          detail: 'flag exists',
        }),
      );
      const unswitched = await collect('component:default/unswitched');
      expect(unswitched.body.items).toContainEqual(
        expect.objectContaining({
          checkId: 'FB-3',
          target: 'flags/never-created',
          state: 'refuted',
        }),
      );

      const card = await request(server).get(
        '/api/ai-readiness/scorecards/default/component/unswitched',
      );
      const fb3 = card.body.dimensions
        .flatMap((d: any) => d.checks)
        .find((c: any) => c.id === 'FB-3');
      expect(fb3.status).toBe('fail');
      expect(fb3.message).toContain('refuted');
      expect(fb3.message).toContain('flags/never-created');
      expect(card.body.evidence).toEqual({
        verified: 0,
        unverified: 0,
        refuted: 1,
      });
    } finally {
      await backend.stop();
    }
  });
});

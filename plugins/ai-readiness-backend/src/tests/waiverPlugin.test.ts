/*
 * Waivers in the whole plugin: the routes are mounted, the actions
 * registered, and a request reaches the approvers through notifications.
 */
import request from 'supertest';
import { startPluginBackend } from '../__testUtils__/pluginBackend';

jest.setTimeout(60_000);

describe('aiReadinessPlugin waivers', () => {
  it('serves the waiver routes and actions', async () => {
    const send = jest.fn(async () => {});
    const { backend, server, actions } = await startPluginBackend({
      restricted: [],
      send,
      config: {
        aiReadiness: {
          waivers: {
            policy: { default: 'approval' },
            approvers: ['group:default/risk-committee'],
          },
        },
      },
    });
    try {
      const empty = await request(server).get('/api/ai-readiness/waivers');
      expect(empty.body).toEqual({ items: [], totalCount: 0 });
      const names = (await actions.list()).actions.map(a => a.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'request-ai-readiness-waiver',
          'list-ai-readiness-waivers',
        ]),
      );

      expect(
        (await request(server).post('/api/ai-readiness/refresh').send({}))
          .status,
      ).toBe(202);
      let list: any;
      for (let i = 0; i < 100; i++) {
        list = await request(server).get('/api/ai-readiness/scorecards');
        if (list.body.totalCount > 0) break;
        await new Promise(r => setTimeout(r, 100));
      }
      const pilot = list.body.items.find((item: any) =>
        item.failingChecks.some((id: string) => id !== 'SEC-1'),
      );
      const { entityRef } = pilot;
      const failing = {
        id: pilot.failingChecks.find((id: string) => id !== 'SEC-1'),
      };
      const expires = new Date(Date.now() + 10 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const made = await request(server)
        .post('/api/ai-readiness/waivers')
        .send({
          entityRef,
          checkId: failing.id,
          category: 'waiver',
          justification: 'accepted until the next release train',
          expires,
        });
      expect(made.status).toBe(201);
      expect(send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: ['group:default/risk-committee'],
          },
        }),
      );
      // The requester (the test's signed-in user) cannot decide it.
      const own = await request(server)
        .post(`/api/ai-readiness/waivers/${made.body.id}/approve`)
        .send({});
      expect(own.status).toBe(403);
      const csv = await request(server).get('/api/ai-readiness/waivers.csv');
      expect(csv.text).toContain(made.body.id);
    } finally {
      await backend.stop();
    }
  });
});

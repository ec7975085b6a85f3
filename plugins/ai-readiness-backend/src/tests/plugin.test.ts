import {
  coreServices,
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import { RESTRICTED_USER } from '../__testUtils__/catalog';
import { conformanceExpected } from '../__testUtils__/conformance';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { CHANGE_CHECK_TASK_ID } from '../scheduler/changeCheckTask';

jest.setTimeout(60_000);

async function start(options: { config?: object } = {}) {
  const send = jest.fn(async () => {});
  const started = await startPluginBackend({
    restricted: ['component:default/claims-triage'],
    config: options.config,
    send,
  });
  return { ...started, send };
}

const restricted = mockCredentials.user.header(RESTRICTED_USER);

describe('aiReadinessPlugin', () => {
  it('scores every pilot of the catalog on refresh and serves them under /api/ai-readiness', async () => {
    const { backend, server } = await start();
    try {
      // The scheduled task has an initial delay, so nothing is stored yet.
      expect(
        (await request(server).get('/api/ai-readiness/scorecards')).body
          .totalCount,
      ).toBe(0);
      expect(
        (
          await request(server)
            .get('/api/ai-readiness/scorecards')
            .set('Authorization', mockCredentials.none.header())
        ).status,
      ).toBe(401);

      expect(
        (await request(server).post('/api/ai-readiness/refresh').send({}))
          .status,
      ).toBe(202);

      const expected = conformanceExpected();
      const list = await request(server).get(
        '/api/ai-readiness/scorecards?limit=100',
      );
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: any) => i.entityRef).sort()).toEqual(
        Object.keys(expected.scorecards).sort(),
      );
      for (const absent of expected.absent) {
        const [kind, rest] = absent.split(':');
        const [namespace, name] = rest.split('/');
        const res = await request(server).get(
          `/api/ai-readiness/scorecards/${namespace}/${kind}/${name}`,
        );
        expect({ absent, status: res.status }).toEqual({ absent, status: 404 });
      }
      const one = await request(server).get(
        '/api/ai-readiness/scorecards/default/component/claims-triage',
      );
      expect(one.status).toBe(200);
      expect(one.body.dimensions).toHaveLength(7);
      const history = await request(server).get(
        '/api/ai-readiness/scorecards/default/component/claims-triage/history',
      );
      expect(history.body.items).toHaveLength(1);

      // A user the catalog hides claims-triage from sees one pilot less.
      const hidden = await request(server)
        .get('/api/ai-readiness/scorecards?limit=100')
        .set('Authorization', restricted);
      expect(hidden.body.totalCount).toBe(
        Object.keys(expected.scorecards).length - 1,
      );
      expect(
        (
          await request(server)
            .get('/api/ai-readiness/scorecards/default/component/claims-triage')
            .set('Authorization', restricted)
        ).status,
      ).toBe(404);
    } finally {
      await backend.stop();
    }
  });

  it('notifies the owners once when a pilot level drops', async () => {
    const { backend, server, entities, send } = await start();
    try {
      await request(server).post('/api/ai-readiness/refresh').send({});
      const before = await request(server).get(
        '/api/ai-readiness/scorecards/default/component/claims-triage',
      );
      expect(before.body.level).not.toBe('L0');
      expect(send).not.toHaveBeenCalled();

      // Risk tier prohibited: L0 whatever else holds.
      const triage = entities.find(e => e.metadata.name === 'claims-triage')!;
      triage.metadata.annotations = {
        ...triage.metadata.annotations,
        'ai-readiness/risk-tier': 'prohibited',
      };
      expect(
        (await request(server).post('/api/ai-readiness/refresh').send({}))
          .status,
      ).toBe(202);
      const after = await request(server).get(
        '/api/ai-readiness/scorecards/default/component/claims-triage',
      );
      expect(after.body.level).toBe('L0');
      expect(send).toHaveBeenCalledTimes(1);
      expect(send).toHaveBeenCalledWith({
        recipients: { type: 'entity', entityRef: before.body.owner },
        payload: expect.objectContaining({
          title: expect.stringContaining(`from ${before.body.level} to L0`),
          link: '/catalog/default/component/claims-triage',
          topic: 'ai-readiness',
        }),
      });

      // Re-runs and a single-entity refresh do not notify the same drop again.
      await request(server).post('/api/ai-readiness/refresh').send({});
      await request(server)
        .post('/api/ai-readiness/refresh')
        .send({ entityRef: 'component:default/claims-triage' });
      expect(send).toHaveBeenCalledTimes(1);
      const history = await request(server).get(
        '/api/ai-readiness/scorecards/default/component/claims-triage/history',
      );
      expect(history.body.items.map((i: any) => i.level)).toEqual([
        before.body.level,
        'L0',
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('registers read-only actions that check what the caller may read', async () => {
    const { backend, server, actions } = await start();
    try {
      await request(server).post('/api/ai-readiness/refresh').send({});
      const listed = await actions.list();
      const byName = Object.fromEntries(listed.actions.map(a => [a.name, a]));
      expect(byName['get-ai-readiness-scorecard'].attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
      expect(byName['list-ai-pilots-below-level'].attributes.readOnly).toBe(
        true,
      );

      const got = await actions.invoke({
        id: 'test:get-ai-readiness-scorecard',
        input: { entityRef: 'claims-triage' },
        credentials: mockCredentials.user(),
      });
      expect((got.output as any).scorecard.entityRef).toBe(
        'component:default/claims-triage',
      );
      await expect(
        actions.invoke({
          id: 'test:get-ai-readiness-scorecard',
          input: { entityRef: 'component:default/claims-triage' },
          credentials: mockCredentials.user(RESTRICTED_USER),
        }),
      ).rejects.toThrow(/No entity component:default\/claims-triage/);
      await expect(
        actions.invoke({
          id: 'test:get-ai-readiness-scorecard',
          input: { entityRef: 'user:' },
          credentials: mockCredentials.user(),
        }),
      ).rejects.toThrow(/entityRef/);

      const all = await request(server).get(
        '/api/ai-readiness/scorecards?limit=100',
      );
      const owner = all.body.items[0].owner;
      const belowL3 = all.body.items.filter(
        (i: any) => i.owner === owner && i.level !== 'L3',
      );
      const below = await actions.invoke({
        id: 'test:list-ai-pilots-below-level',
        input: { owner, level: 'L3' },
        credentials: mockCredentials.user(),
      });
      expect((below.output as any).totalCount).toBe(belowL3.length);
      expect(
        (below.output as any).items.map((i: any) => i.entityRef).sort(),
      ).toEqual(belowL3.map((i: any) => i.entityRef).sort());
      const scores = (below.output as any).items.map((i: any) => i.score);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
    } finally {
      await backend.stop();
    }
  });

  it("reuses a caller's catalog view for aiReadiness.visibilityCache.ttlSeconds (10 s by default)", async () => {
    const lookups = async (config: object) => {
      const { backend, server, catalog } = await start({ config });
      try {
        await request(server).post('/api/ai-readiness/refresh').send({});
        const before = catalog.calls.length;
        for (let i = 0; i < 3; i++) {
          const res = await request(server).get('/api/ai-readiness/scorecards');
          expect(res.status).toBe(200);
        }
        return catalog.calls
          .slice(before)
          .filter(c => c.method === 'queryEntities').length;
      } finally {
        await backend.stop();
      }
    };
    const cached = await lookups({});
    const uncached = await lookups({
      aiReadiness: { visibilityCache: { ttlSeconds: 0 } },
    });
    expect(cached).toBeGreaterThan(0);
    expect(uncached).toBe(3 * cached);
    await expect(
      start({
        config: { aiReadiness: { visibilityCache: { ttlSeconds: -1 } } },
      }),
    ).rejects.toThrow(/aiReadiness\.visibilityCache\.ttlSeconds/);
  });

  it('scores an empty store on the first run of the change check, whatever the refresh schedule says', async () => {
    // Tasks run only when triggered, as the scheduler would run them.
    const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        tasks.set(task.id, task);
      },
      triggerTask: async id => {
        await tasks.get(id)!.fn(new AbortController().signal);
      },
    });
    const { backend, server } = await startPluginBackend({
      restricted: [],
      features: [
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler,
        }),
      ],
    });
    try {
      const count = async () =>
        (await request(server).get('/api/ai-readiness/scorecards?limit=1')).body
          .totalCount;
      expect(await count()).toBe(0);
      await scheduler.triggerTask(CHANGE_CHECK_TASK_ID);
      expect(await count()).toBe(
        Object.keys(conformanceExpected().scorecards).length,
      );
      // Nothing changed since: the next run re-evaluates nothing.
      const before = (
        await request(server).get('/api/ai-readiness/scorecards?limit=100')
      ).body.items.map((i: any) => i.evaluatedAt);
      await scheduler.triggerTask(CHANGE_CHECK_TASK_ID);
      const after = (
        await request(server).get('/api/ai-readiness/scorecards?limit=100')
      ).body.items.map((i: any) => i.evaluatedAt);
      expect(after).toEqual(before);
    } finally {
      await backend.stop();
    }
  });

  it('refuses to start with a bad aiReadiness key, naming its path', async () => {
    await expect(
      start({ config: { aiReadiness: { weights: { ownership: 'high' } } } }),
    ).rejects.toThrow(/aiReadiness\.weights\.ownership/);
    await expect(
      start({ config: { aiReadiness: { history: { maxAgeDays: 0 } } } }),
    ).rejects.toThrow(/aiReadiness\.history\.maxAgeDays/);
  });
});

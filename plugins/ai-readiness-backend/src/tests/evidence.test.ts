/*
 * Evidence through the whole plugin (shared/evidence.md): with no collector
 * configured the conformance suite's results are unchanged; with the links
 * collector, POST /evidence/refresh collects a pilot's items from a real
 * loopback server and the stored scorecard shows them.
 */
import { component } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { RESTRICTED_USER } from '../__testUtils__/catalog';
import { conformanceExpected } from '../__testUtils__/conformance';
import {
  LoopbackServer,
  startLoopbackServer,
} from '../services/evidence/__testUtils__/loopback';
import { startPluginBackend } from '../__testUtils__/pluginBackend';

jest.setTimeout(120_000);

async function start(config: object, extra: Entity[] = []) {
  const { backend, server } = await startPluginBackend({
    restricted: ['component:default/linked'],
    config,
    extra,
  });
  return { backend, server };
}

describe('evidence in the plugin', () => {
  beforeEach(() => {
    // The conformance expectations are as of their own date; only Date is faked.
    jest.useFakeTimers({
      now: new Date(`${conformanceExpected().asOf}T12:00:00Z`),
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
  });
  afterEach(() => jest.useRealTimers());

  it.each([
    ['no evidence key', {}],
    ['an evidence key without collectors', { aiReadiness: { evidence: {} } }],
    [
      'an empty allow list',
      { aiReadiness: { evidence: { links: { allow: [] }, maxAge: 'P1D' } } },
    ],
  ])(
    'leaves the conformance results unchanged with %s',
    async (_name, config) => {
      const { backend, server } = await start(config);
      try {
        expect(
          (await request(server).post('/api/ai-readiness/refresh').send({}))
            .status,
        ).toBe(202);
        const expected = conformanceExpected();
        for (const [ref, want] of Object.entries(expected.scorecards)) {
          const [kind, rest] = ref.split(':');
          const [namespace, name] = rest.split('/');
          const res = await request(server).get(
            `/api/ai-readiness/scorecards/${namespace}/${kind}/${name}`,
          );
          expect(res.status).toBe(200);
          const statuses = new Map<string, string>(
            res.body.dimensions.flatMap((d: any) =>
              d.checks.map((c: any) => [c.id, c.status]),
            ),
          );
          // expected.json lists the checks it pins for each pilot.
          const checks = Object.fromEntries(
            Object.keys(want.checks).map(id => [id, statuses.get(id)]),
          );
          expect({ ref, level: res.body.level, checks }).toEqual({
            ref,
            level: want.level,
            checks: want.checks,
          });
          expect(res.body.evidence).toEqual({
            verified: 0,
            unverified: 0,
            refuted: 0,
          });
          for (const d of res.body.dimensions)
            for (const c of d.checks) expect(c.evidence).toEqual([]);
        }
        const refreshed = await request(server)
          .post('/api/ai-readiness/evidence/refresh')
          .send({ entityRef: 'component:default/claims-triage' });
        expect(refreshed.status).toBe(200);
        expect(refreshed.body).toMatchObject({ collectors: [], items: [] });
      } finally {
        await backend.stop();
      }
    },
  );

  describe('with the links collector', () => {
    let site: LoopbackServer;
    let other: LoopbackServer;
    beforeAll(async () => {
      site = await startLoopbackServer((req, res) => {
        res.writeHead(req.url === '/gone-plan' ? 410 : 200).end();
      });
      other = await startLoopbackServer((_req, res) =>
        res.writeHead(200).end(),
      );
    });
    afterAll(async () => {
      await site.close();
      await other.close();
    });

    it('collects a pilot on POST /evidence/refresh and re-evaluates it', async () => {
      const linked = component(
        'linked',
        {},
        {
          links: [
            { type: 'runbook', url: `${site.origin}/runbook` },
            { type: 'rollback-plan', url: `${site.origin}/gone-plan` },
            { type: 'dashboard', url: `${other.origin}/dash` },
          ],
        },
      );
      const { backend, server } = await start(
        {
          aiReadiness: {
            evidence: { links: { allow: [{ host: site.host }] } },
          },
        },
        [linked],
      );
      try {
        const post = (body: unknown, auth?: string) => {
          const req = request(server)
            .post('/api/ai-readiness/evidence/refresh')
            .send(body as object);
          return auth ? req.set('Authorization', auth) : req;
        };
        expect(
          (
            await post(
              { entityRef: 'component:default/linked' },
              mockCredentials.none.header(),
            )
          ).status,
        ).toBe(401);
        const bad = await post({ entityRef: 'not a ref:' });
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toMatch(/entityRef/);
        expect((await post({})).status).toBe(400);
        expect(
          (await post({ entityRef: 'component:default/linked', x: 1 })).status,
        ).toBe(400);
        expect(
          (
            await post(
              { entityRef: 'component:default/linked' },
              mockCredentials.user.header(RESTRICTED_USER),
            )
          ).status,
        ).toBe(404);
        expect(site.received).toEqual([]); // nothing collected for rejected requests

        const res = await post({ entityRef: 'Component:default/Linked' });
        expect(res.status).toBe(200);
        expect(res.body.collectors).toEqual(['links']);
        const states = Object.fromEntries(
          res.body.items.map((i: any) => [
            `${i.checkId} ${i.source} ${i.target
              .replace(site.origin, 'A')
              .replace(other.origin, 'B')}`,
            `${i.state} ${i.detail}`,
          ]),
        );
        expect(states).toMatchObject({
          'FB-3 links[rollback-plan] A/gone-plan': 'refuted 410',
          'FB-4 links[runbook] A/runbook': 'verified 200',
        });
        expect(Object.values(states)).toContain('unverified host not allowed');
        expect(other.received).toEqual([]);
        // Each distinct URL once, though several checks read the runbook.
        expect(site.received.map(r => `${r.method} ${r.url}`).sort()).toEqual([
          'HEAD /gone-plan',
          'HEAD /runbook',
        ]);

        const card = await request(server).get(
          '/api/ai-readiness/scorecards/default/component/linked',
        );
        expect(card.status).toBe(200);
        const fb3 = card.body.dimensions
          .flatMap((d: any) => d.checks)
          .find((c: any) => c.id === 'FB-3');
        expect(fb3.status).toBe('fail');
        expect(fb3.message).toContain(
          `refuted: links[rollback-plan] ${site.origin}/gone-plan answered 410`,
        );
        expect(fb3.evidence).toEqual([
          expect.objectContaining({
            collector: 'links',
            state: 'refuted',
            detail: '410',
          }),
        ]);
        expect(card.body.evidence.refuted).toBe(1);
      } finally {
        await backend.stop();
      }
    });
  });

  it('stops start-up on a bad evidence key, naming it', async () => {
    await expect(
      start({
        aiReadiness: { evidence: { links: { allow: [{ host: 'http://x' }] } } },
      }),
    ).rejects.toThrow(/aiReadiness\.evidence\.links\.allow\[0\]\.host/);
    await expect(
      start({
        aiReadiness: { evidence: { links: { timeout: 'soon' } } },
      }),
    ).rejects.toThrow(/aiReadiness\.evidence\.links\.timeout/);
  });
});

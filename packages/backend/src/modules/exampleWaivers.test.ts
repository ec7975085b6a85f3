import fs from 'fs';
import http from 'http';
import net from 'net';
import path from 'path';
import { parse } from 'yaml';
import { withCatalogRelations } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import aiReadinessPlugin from '@ai-readiness/plugin-ai-readiness-backend';
import request from 'supertest';
import { loadExampleEntities, repoRoot } from '../__testUtils__/examples';
import { aiReadinessModuleExampleWaivers } from './exampleWaivers';

jest.setTimeout(120_000);

/**
 * The backend's base URL in the test: the test backend listens on a port of
 * its own choosing, so a loopback server on a known port forwards to it once
 * it is up, as the backend's own port does in the portal.
 */
async function forwardingServer() {
  let target = 0;
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: target,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    forwardTo: (port: number) => {
      target = port;
    },
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

/** The example portal's waiver settings, as app-config.yaml writes them. */
const appConfig = parse(
  fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
);

const checkOf = (card: any, id: string) =>
  card.dimensions.flatMap((d: any) => d.checks).find((c: any) => c.id === id);

describe('aiReadinessModuleExampleWaivers', () => {
  it('seeds an approved mitigated waiver whose control is verified, and a pending one', async () => {
    const forward = await forwardingServer();
    const host = `localhost:${forward.port}`;
    const backend = await startTestBackend({
      features: [
        aiReadinessPlugin,
        aiReadinessModuleExampleWaivers,
        catalogServiceMock.factory({
          entities: withCatalogRelations(loadExampleEntities()),
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: `http://${host}` },
            aiReadiness: {
              waivers: appConfig.aiReadiness.waivers,
              evidence: { links: { allow: [{ host }] } },
            },
          },
        }),
      ],
    });
    const { server } = backend;
    forward.forwardTo((server.address() as net.AddressInfo).port);
    try {
      expect(appConfig.aiReadiness.waivers.policy.checks['SEC-4']).toBe(
        'approval',
      );
      const list = await request(server).get('/api/ai-readiness/waivers');
      expect(list.body.items.map((r: any) => [r.checkId, r.state])).toEqual([
        ['SEC-3', 'pending'],
        ['SEC-4', 'approved'],
      ]);
      const approved = list.body.items[1];
      expect(approved).toMatchObject({
        category: 'mitigated',
        decidedBy: 'user:default/fatima.zahra',
        controlUrl: `http://${host}/api/ai-readiness/example-controls/treasury-prompt-access-review`,
      });
      // The control document answers without credentials.
      const control = await request(server)
        .head(
          '/api/ai-readiness/example-controls/treasury-prompt-access-review',
        )
        .set('Authorization', '');
      expect(control.status).toBe(200);

      // The scheduled refresh verifies the control and applies the waiver.
      expect(
        (await request(server).post('/api/ai-readiness/refresh').send({}))
          .status,
      ).toBe(202);
      let sec4: any;
      const controlVerified = () =>
        sec4?.evidence?.some((e: any) => e.state === 'verified');
      for (let i = 0; i < 150 && !controlVerified(); i++) {
        await new Promise(r => setTimeout(r, 200));
        const card = await request(server).get(
          '/api/ai-readiness/scorecards/default/component/treasury-forecast-agent',
        );
        if (card.status === 200) sec4 = checkOf(card.body, 'SEC-4');
      }
      expect(sec4).toMatchObject({
        status: 'waived',
        waiver: {
          source: 'approved',
          category: 'mitigated',
          approvedBy: 'user:default/fatima.zahra',
          requestId: 'example-treasury-forecast-sec-4',
        },
      });
      // The links collector looked the control up and verified it.
      expect(sec4.evidence).toContainEqual(
        expect.objectContaining({
          collector: 'links',
          target: approved.controlUrl,
          state: 'verified',
          detail: '200',
        }),
      );
      const detail = await request(server).get(
        '/api/ai-readiness/waivers/example-treasury-forecast-sec-4',
      );
      expect(detail.body.state).toBe('approved');
    } finally {
      await backend.stop();
      await forward.close();
    }
  });
});

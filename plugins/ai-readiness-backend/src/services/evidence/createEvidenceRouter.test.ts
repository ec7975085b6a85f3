import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { createScorecardRedactor } from '../Redactor/createRedactor';
import { HIDDEN_VALUE } from '../Redactor/types';
import { createEvidenceRouter } from './createEvidenceRouter';
import type { EvidenceService } from './types';

function app(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const evidence = {
    collectors: [{ id: 'links' }],
    refreshPilot: jest.fn(async (ref: string) =>
      ref === 'component:default/pilot'
        ? {
            level: 'L2',
            items: [
              {
                checkId: 'FB-3',
                collector: 'links',
                target: 'https://wiki.example.com/rollback',
                source: 'links[rollback-plan]',
                state: 'refuted' as const,
                detail: '404',
                checkedAt: '2026-11-27T09:00:00.000Z',
              },
              {
                checkId: 'MON-3',
                collector: 'pagerduty',
                target: 'PFRAUD9',
                source:
                  'annotations[pagerduty.com/service-id] (on group:default/fraud)',
                state: 'verified' as const,
                detail: 'service Fraud on-call',
                checkedAt: '2026-11-27T09:00:00.000Z',
              },
            ],
          }
        : undefined,
    ),
  } as unknown as EvidenceService & { refreshPilot: jest.Mock };
  const visibility = {
    view: jest.fn(),
    getEntity: jest.fn(async (_c: unknown, ref: string) =>
      ref === 'component:default/hidden' ? undefined : ({} as any),
    ),
  };
  // The caller may not read group:default/fraud; the plugin may.
  const own = mockCredentials.service('plugin:ai-readiness');
  const redactor = createScorecardRedactor({
    auth: { getOwnServiceCredentials: async () => own },
    visibility: {
      canRead: async (credentials, refs) =>
        refs.map(ref => credentials === own || ref !== 'group:default/fraud'),
    },
  });
  const server = express()
    .use(
      createEvidenceRouter({
        httpAuth: mockServices.httpAuth(),
        permissions: mockServices.permissions({ result }),
        visibility,
        redactor,
        evidence,
        logger: mockServices.logger.mock(),
      }),
    )
    .use(mockErrorHandler());
  return { server, evidence, visibility };
}

describe('POST /evidence/refresh', () => {
  it('collects a visible pilot and answers with its items', async () => {
    const { server, evidence } = app(AuthorizeResult.ALLOW);
    const res = await request(server)
      .post('/evidence/refresh')
      .send({ entityRef: 'Component:Pilot' });
    expect(res.status).toBe(200);
    expect(evidence.refreshPilot).toHaveBeenCalledWith(
      'component:default/pilot',
      expect.any(AbortSignal),
    );
    expect(res.body).toEqual({
      entityRef: 'component:default/pilot',
      collectors: ['links'],
      level: 'L2',
      items: [
        expect.objectContaining({ state: 'refuted', detail: '404' }),
        // Read from a Group the caller cannot see: neither it nor its values.
        expect.objectContaining({
          checkId: 'MON-3',
          state: 'verified',
          target: HIDDEN_VALUE,
          source: HIDDEN_VALUE,
          detail: HIDDEN_VALUE,
        }),
      ],
    });
    expect(res.text).not.toMatch(/fraud|PFRAUD9/i);
  });

  it.each([
    [{}, /entityRef/],
    [{ entityRef: 42 }, /entityRef/],
    [{ entityRef: 'kind:' }, /entityRef.*expected an entity reference/],
    [{ entityRef: 'component:default/pilot', force: true }, /force/],
  ])('answers 400 for %j', async (body, message) => {
    const { server, evidence } = app(AuthorizeResult.ALLOW);
    const res = await request(server).post('/evidence/refresh').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(evidence.refreshPilot).not.toHaveBeenCalled();
  });

  it('answers 401 without credentials, 403 without the refresh permission, 404 for an invisible entity or a non-pilot', async () => {
    const denied = app(AuthorizeResult.DENY);
    expect(
      (
        await request(denied.server)
          .post('/evidence/refresh')
          .set('Authorization', mockCredentials.none.header())
          .send({ entityRef: 'component:default/pilot' })
      ).status,
    ).toBe(401);
    const forbidden = await request(denied.server)
      .post('/evidence/refresh')
      .send({ entityRef: 'component:default/pilot' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toContain(
      'ai-readiness.scorecard.refresh',
    );
    expect(denied.evidence.refreshPilot).not.toHaveBeenCalled();

    const { server, evidence } = app(AuthorizeResult.ALLOW);
    expect(
      (
        await request(server)
          .post('/evidence/refresh')
          .send({ entityRef: 'component:default/hidden' })
      ).status,
    ).toBe(404);
    expect(evidence.refreshPilot).not.toHaveBeenCalled();
    expect(
      (
        await request(server)
          .post('/evidence/refresh')
          .send({ entityRef: 'component:default/not-a-pilot' })
      ).status,
    ).toBe(404);
  });
});

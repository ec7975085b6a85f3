/* eslint-disable no-script-url */ // an unsafe control URL is part of what these tests feed in
/*
 * The waiver routes (shared/waivers.md): who may ask, who may decide, the
 * state machine, the tier's maximum expiry, and only what the caller may read.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  header,
  OUTSIDER,
  OWNER,
  RESTRICTED_USER,
  RISK_LEAD,
  setupWaivers,
  TEAMMATE,
} from '../__testUtils__/waiverApp';

jest.setTimeout(60_000);

const ALPHA = 'component:default/alpha';
const SECRET = 'component:default/secret';

const body = (patch: object = {}) => ({
  entityRef: ALPHA,
  checkId: 'SEC-2',
  category: 'waiver',
  justification: 'the vendor review is booked for January',
  expires: '2027-01-31',
  ...patch,
});

async function ask(
  app: Parameters<typeof request>[0],
  patch: object = {},
  user = OWNER,
) {
  return request(app)
    .post('/waivers')
    .set('Authorization', header(user))
    .send(body(patch));
}

function checkOf(card: any, id: string) {
  return card.dimensions
    .flatMap((d: any) => d.checks)
    .find((c: any) => c.id === id);
}

describe('waiver routes', () => {
  it('an owner asks, the risk committee approves, the check is waived with who and until when', async () => {
    const { app, store, sent } = await setupWaivers();
    const created = await ask(app);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      entityRef: ALPHA,
      checkId: 'SEC-2',
      state: 'pending',
      requestedBy: OWNER,
      expires: '2027-01-31',
    });
    expect(sent).toEqual([
      expect.objectContaining({
        recipients: {
          type: 'entity',
          entityRef: ['group:default/risk-committee'],
        },
      }),
    ]);

    const approved = await request(app)
      .post(`/waivers/${created.body.id}/approve`)
      .set('Authorization', header(RISK_LEAD))
      .send({ comment: 'until the review' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      decidedBy: RISK_LEAD,
      comment: 'until the review',
    });
    // Re-evaluated at once through the refresher.
    const card = await store.getScorecard(ALPHA);
    expect(checkOf(card, 'SEC-2')).toMatchObject({
      status: 'waived',
      waiver: {
        expires: '2027-01-31',
        source: 'approved',
        category: 'waiver',
        approvedBy: RISK_LEAD,
        requestId: created.body.id,
      },
    });
    // The decision goes to the requester and the owner Group.
    expect(sent[1]).toMatchObject({
      recipients: {
        type: 'entity',
        entityRef: [OWNER, 'group:default/ml'],
      },
      payload: { title: expect.stringContaining('approved') },
    });

    const detail = await request(app)
      .get(`/waivers/${created.body.id}`)
      .set('Authorization', header(OWNER));
    expect(detail.body.audit.map((a: any) => [a.from, a.to, a.by])).toEqual([
      [null, 'pending', OWNER],
      ['pending', 'approved', RISK_LEAD],
    ]);

    // Revoked: the check is evaluated as usual again.
    const revoked = await request(app)
      .post(`/waivers/${created.body.id}/revoke`)
      .set('Authorization', header(RISK_LEAD))
      .send({ comment: 'the review found gaps' });
    expect(revoked.body.state).toBe('revoked');
    expect(checkOf(await store.getScorecard(ALPHA), 'SEC-2').status).toBe(
      'fail',
    );
  });

  it('a requester cannot approve their own request (403)', async () => {
    // The risk lead asks for a pilot of another team, then tries to decide it.
    const { app } = await setupWaivers();
    const created = await ask(app, {}, RISK_LEAD);
    const res = await request(app)
      .post(`/waivers/${created.body.id}/approve`)
      .set('Authorization', header(RISK_LEAD))
      .send({});
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('requester');
  });

  it('a member of the owner Group cannot decide when independent, and can when not', async () => {
    const { app } = await setupWaivers();
    const created = await ask(app);
    const res = await request(app)
      .post(`/waivers/${created.body.id}/deny`)
      .set('Authorization', header(TEAMMATE))
      .send({});
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('group:default/ml');

    const relaxed = await setupWaivers({
      config: {
        waivers: {
          policy: { checks: { 'SEC-2': 'approval' } },
          approvers: ['group:default/risk-committee'],
          independent: false,
        },
      },
    });
    const again = await ask(relaxed.app);
    const ok = await request(relaxed.app)
      .post(`/waivers/${again.body.id}/deny`)
      .set('Authorization', header(TEAMMATE))
      .send({ comment: 'no' });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('denied');
  });

  it('a caller without the permission, outside the approvers, or a service gets 403', async () => {
    const { app, waiverStore } = await setupWaivers({
      denyApprove: [RISK_LEAD],
    });
    const created = await ask(app);
    for (const auth of [
      header(RISK_LEAD),
      header(OUTSIDER),
      mockCredentials.service.header(),
    ]) {
      const res = await request(app)
        .post(`/waivers/${created.body.id}/approve`)
        .set('Authorization', auth)
        .send({});
      expect(res.status).toBe(403);
    }
    expect((await waiverStore.get(created.body.id))!.state).toBe('pending');
  });

  it('deciding a request that is not pending answers 409, revoking one not approved too', async () => {
    const { app } = await setupWaivers();
    const created = await ask(app);
    const url = `/waivers/${created.body.id}`;
    const as = (path: string) =>
      request(app)
        .post(`${url}/${path}`)
        .set('Authorization', header(RISK_LEAD))
        .send({});
    expect((await as('revoke')).status).toBe(409);
    expect((await as('deny')).status).toBe(200);
    expect((await as('approve')).status).toBe(409);
    expect((await as('deny')).status).toBe(409);
    expect((await as('revoke')).status).toBe(409);
  });

  it.each([
    [{ expires: '2027-02-24' }, 'expires', 'at most 90 days'],
    [{ expires: '2026-11-24' }, 'expires', 'from 2026-11-25'],
    [{ expires: 'soon' }, 'expires', 'YYYY-MM-DD'],
    [{ checkId: 'NOPE-1' }, 'checkId', 'no check NOPE-1'],
    [{ checkId: 'INT-6' }, 'checkId', 'is pass'],
    [{ checkId: 'SEC-1' }, 'checkId', 'cannot be waived'],
    [{ justification: 'too short' }, 'justification', '20'],
    [{ category: 'mitigated' }, 'controlUrl', 'compensating control'],
    [
      { category: 'mitigated', controlUrl: 'javascript:alert(1)' },
      'controlUrl',
      'http(s)',
    ],
    [{ category: 'maybe' }, 'category', ''],
    [{ entityRef: 'component:' }, 'entityRef', ''],
    [{ colour: 'red' }, 'colour', ''],
  ])('POST /waivers %j answers 400 naming %s', async (patch, name, text) => {
    const { app } = await setupWaivers();
    const res = await ask(app, patch);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`"${name}"`);
    expect(res.body.error.message).toContain(text);
  });

  it('the tier maximum is the last day allowed', async () => {
    const { app } = await setupWaivers();
    expect((await ask(app, { expires: '2027-02-23' })).status).toBe(201);
  });

  it('a hidden pilot cannot get a request, and its requests never appear in lists, CSV or detail', async () => {
    const { app } = await setupWaivers({
      config: { waivers: { approvers: [] } },
    });
    // Without a risk tier, 30 days at most.
    const secret = {
      entityRef: SECRET,
      checkId: 'FB-2',
      expires: '2026-12-20',
    };
    expect((await ask(app, secret, RESTRICTED_USER)).status).toBe(404);
    const hidden = await ask(app, secret);
    expect(hidden.status).toBe(201);
    const shown = await ask(app, { checkId: 'FB-2' });

    const list = await request(app)
      .get('/waivers')
      .set('Authorization', header(RESTRICTED_USER));
    expect(list.body.totalCount).toBe(1);
    expect(list.body.items.map((r: any) => r.id)).toEqual([shown.body.id]);
    const csv = await request(app)
      .get('/waivers.csv')
      .set('Authorization', header(RESTRICTED_USER));
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(shown.body.id);
    expect(csv.text).not.toContain(hidden.body.id);
    expect(csv.text).not.toContain(SECRET);
    for (const path of [`/waivers/${hidden.body.id}`]) {
      const res = await request(app)
        .get(path)
        .set('Authorization', header(RESTRICTED_USER));
      expect(res.status).toBe(404);
    }
    const decide = await request(app)
      .post(`/waivers/${hidden.body.id}/approve`)
      .set('Authorization', header(RESTRICTED_USER))
      .send({});
    expect(decide.status).toBe(404);
    // The owner sees both, pending first.
    const all = await request(app)
      .get('/waivers?state=pending')
      .set('Authorization', header(OWNER));
    expect(all.body.totalCount).toBe(2);
  });

  it('GET /waivers filters and pages, pending first, and rejects bad parameters naming them', async () => {
    const { app } = await setupWaivers();
    const first = await ask(app);
    await request(app)
      .post(`/waivers/${first.body.id}/deny`)
      .set('Authorization', header(RISK_LEAD))
      .send({ comment: 'no' });
    const second = await ask(app, { checkId: 'FB-2' });
    const list = await request(app)
      .get('/waivers')
      .set('Authorization', header(OWNER));
    expect(list.body.items.map((r: any) => r.state)).toEqual([
      'pending',
      'denied',
    ]);
    const byCheck = await request(app)
      .get('/waivers?checkId=SEC-2&state=denied&limit=1')
      .set('Authorization', header(OWNER));
    expect(byCheck.body.items.map((r: any) => r.id)).toEqual([first.body.id]);
    const byOwner = await request(app)
      .get('/waivers?owner=group:default/ml')
      .set('Authorization', header(OWNER));
    expect(byOwner.body.totalCount).toBe(2);
    const otherOwner = await request(app)
      .get('/waivers?owner=risk-committee')
      .set('Authorization', header(OWNER));
    expect(otherOwner.body).toEqual({ items: [], totalCount: 0 });
    const page = await request(app)
      .get('/waivers?limit=1&offset=1')
      .set('Authorization', header(OWNER));
    expect(page.body).toMatchObject({ totalCount: 2 });
    expect(page.body.items.map((r: any) => r.id)).toEqual([first.body.id]);
    expect(second.status).toBe(201);
    for (const [query, name] of [
      ['state=maybe', 'state'],
      ['limit=0', 'limit'],
      ['entityRef=component:', 'entityRef'],
      ['colour=red', 'colour'],
      ['owner=group:', 'owner'],
    ]) {
      const res = await request(app)
        .get(`/waivers?${query}`)
        .set('Authorization', header(OWNER));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`"${name}"`);
    }
  });

  it('the risk register quotes its cells and guards against formulas', async () => {
    const { app } = await setupWaivers();
    await ask(app, {
      justification: '=HYPERLINK("http://evil") because, well, reasons',
    });
    const csv = await request(app)
      .get('/waivers.csv')
      .set('Authorization', header(OWNER));
    expect(csv.headers['content-type']).toContain('text/csv');
    const [head, row] = csv.text.split('\r\n');
    expect(head.split(',')[0]).toBe('id');
    expect(row).toContain(
      `"'=HYPERLINK(""http://evil"") because, well, reasons"`,
    );
  });

  it("GET /waivers/policy gives the tier, the latest expiry and each check's policy", async () => {
    const { app } = await setupWaivers();
    const res = await request(app)
      .get(`/waivers/policy?entityRef=${ALPHA}`)
      .set('Authorization', header(OWNER));
    expect(res.body).toMatchObject({
      entityRef: ALPHA,
      tier: 'high',
      maxDays: 90,
      latestExpires: '2027-02-23',
    });
    expect(res.body.checks).toMatchObject({
      'SEC-1': 'none',
      'SEC-2': 'approval',
      'FB-2': 'self',
    });
    const hidden = await request(app)
      .get(`/waivers/policy?entityRef=${SECRET}`)
      .set('Authorization', header(RESTRICTED_USER));
    expect(hidden.status).toBe(404);
  });

  it('answers 401 without credentials', async () => {
    const { app } = await setupWaivers();
    const none = mockCredentials.none.header();
    expect(
      (await request(app).get('/waivers').set('Authorization', none)).status,
    ).toBe(401);
    expect(
      (
        await request(app)
          .post('/waivers')
          .set('Authorization', none)
          .send(body())
      ).status,
    ).toBe(401);
  });
});

/*
 * Expiry and lapse of approved requests (shared/waivers.md), as the
 * scheduled refresh applies them: the pilot is re-evaluated at once and its
 * owners are told; 14 days before expiry they are reminded once.
 */
import request from 'supertest';
import {
  LoopbackServer,
  startLoopbackServer,
} from '../services/evidence/__testUtils__/loopback';
import {
  header,
  OWNER,
  RISK_LEAD,
  setupWaivers,
} from '../__testUtils__/waiverApp';

jest.setTimeout(60_000);

const ALPHA = 'component:default/alpha';
let control: LoopbackServer;
let controlAnswers = 200;

beforeAll(async () => {
  control = await startLoopbackServer((_req, res) => {
    res.writeHead(controlAnswers).end();
  });
});
afterAll(() => control.close());
beforeEach(() => {
  controlAnswers = 200;
});

const statusOf = (card: any, id: string) =>
  card.dimensions.flatMap((d: any) => d.checks).find((c: any) => c.id === id);

async function approved(
  setup: Awaited<ReturnType<typeof setupWaivers>>,
  patch: object,
) {
  const created = await request(setup.app)
    .post('/waivers')
    .set('Authorization', header(OWNER))
    .send({
      entityRef: ALPHA,
      checkId: 'SEC-2',
      category: 'waiver',
      justification: 'the vendor review is booked for January',
      expires: '2027-01-31',
      ...patch,
    });
  expect(created.status).toBe(201);
  const res = await request(setup.app)
    .post(`/waivers/${created.body.id}/approve`)
    .set('Authorization', header(RISK_LEAD))
    .send({});
  expect(res.body.state).toBe('approved');
  return created.body.id as string;
}

describe('waiver upkeep', () => {
  it('a mitigated request lapses when its control URL is refuted: re-evaluated at once, owners told', async () => {
    const setup = await setupWaivers({ linksHost: control.host });
    const id = await approved(setup, {
      category: 'mitigated',
      controlUrl: `${control.origin}/controls/vendor-dpa`,
    });
    expect(await setup.waivers.upkeep()).toEqual({
      expired: 0,
      lapsed: 0,
      reminded: 0,
    });
    expect(control.received.map(r => r.url)).toContain('/controls/vendor-dpa');
    expect(
      statusOf(await setup.store.getScorecard(ALPHA), 'SEC-2').status,
    ).toBe('waived');

    controlAnswers = 404;
    setup.sent.length = 0;
    expect(await setup.waivers.upkeep()).toMatchObject({ lapsed: 1 });
    const lapsed = await setup.waiverStore.get(id);
    expect(lapsed!.state).toBe('lapsed');
    expect(lapsed!.audit.at(-1)).toMatchObject({
      by: 'system',
      from: 'approved',
      to: 'lapsed',
      comment: expect.stringContaining('404'),
    });
    const check = statusOf(await setup.store.getScorecard(ALPHA), 'SEC-2');
    expect(check.status).toBe('fail');
    expect(check.waiver).toBeNull();
    expect(setup.sent).toEqual([
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: ['group:default/ml'] },
        payload: expect.objectContaining({
          title: expect.stringContaining('lapsed'),
        }),
      }),
    ]);
  });

  it('an approved request expires after its day, and owners are reminded once 14 days before', async () => {
    const setup = await setupWaivers();
    const id = await approved(setup, { expires: '2026-12-05' });
    setup.sent.length = 0;
    // 10 days before: one reminder, not two.
    expect(await setup.waivers.upkeep()).toMatchObject({ reminded: 1 });
    expect(await setup.waivers.upkeep()).toMatchObject({ reminded: 0 });
    expect(setup.sent).toHaveLength(1);
    expect(setup.sent[0].payload.title).toContain('expires on 2026-12-05');

    // The last day still waives; the day after it expires.
    setup.clock.now = new Date('2026-12-05T10:00:00Z');
    expect(await setup.waivers.upkeep()).toMatchObject({ expired: 0 });
    setup.clock.now = new Date('2026-12-06T10:00:00Z');
    expect(await setup.waivers.upkeep()).toMatchObject({ expired: 1 });
    expect((await setup.waiverStore.get(id))!.state).toBe('expired');
    expect(
      statusOf(await setup.store.getScorecard(ALPHA), 'SEC-2').status,
    ).toBe('fail');
    expect(setup.sent.at(-1)!.payload.title).toContain('expired');
  });
});

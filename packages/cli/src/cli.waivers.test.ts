/*
 * End-to-end: --waivers FILE, the requests a portal approved, waive checks
 * in an offline run as they do in the portal.
 */
import {
  AS_OF,
  catalogFile,
  runCli,
  json,
  tmpFile,
  useCliHarness,
} from './__testUtils__/cliHarness';

useCliHarness();

function run(extra: string[] = []) {
  return runCli([
    'check',
    catalogFile,
    '--as-of',
    AS_OF,
    '--format',
    'json',
    ...extra,
  ]);
}

/** The first failing check of any pilot that a request may waive (SEC-1 never is). */
function aFailingCheck(out: any): { entityRef: string; checkId: string } {
  for (const card of out.scorecards)
    for (const d of card.dimensions)
      for (const c of d.checks)
        if (c.status === 'fail' && c.id !== 'SEC-1')
          return { entityRef: card.entityRef, checkId: c.id };
  throw new Error('the conformance catalog has no failing check');
}

const statusOf = (out: any, entityRef: string, checkId: string) =>
  out.scorecards
    .find((c: any) => c.entityRef === entityRef)
    .dimensions.flatMap((d: any) => d.checks)
    .find((c: any) => c.id === checkId);

describe('--waivers', () => {
  it('waives a check with an approved request until its expiry, as the portal does', async () => {
    const before = json(await run());
    const { entityRef, checkId } = aFailingCheck(before);
    const request = {
      id: 'w-1',
      entityRef,
      checkId,
      category: 'waiver',
      justification: 'Accepted by the risk committee until the migration.',
      expires: '2099-12-31',
      requestedBy: 'user:default/owner',
      requestedAt: '2026-11-01T10:00:00.000Z',
      state: 'approved',
      decidedBy: 'user:default/approver',
      decidedAt: '2026-11-02T10:00:00.000Z',
    };
    const file = tmpFile(
      'waivers.json',
      JSON.stringify({ items: [request], totalCount: 1 }),
    );
    const waived = statusOf(
      json(await run(['--waivers', file])),
      entityRef,
      checkId,
    );
    expect(waived.status).toBe('waived');
    expect(waived.waiver).toMatchObject({
      source: 'approved',
      approvedBy: 'user:default/approver',
      requestId: 'w-1',
      expires: '2099-12-31',
    });

    // Past its expiry (by --as-of), or not approved, it waives nothing.
    const expired = tmpFile(
      'expired.json',
      JSON.stringify([{ ...request, expires: '2000-01-01' }]),
    );
    expect(
      statusOf(json(await run(['--waivers', expired])), entityRef, checkId)
        .status,
    ).toBe('fail');
    const pending = tmpFile(
      'pending.json',
      JSON.stringify([{ ...request, state: 'pending' }]),
    );
    expect(
      statusOf(json(await run(['--waivers', pending])), entityRef, checkId)
        .status,
    ).toBe('fail');
  });

  it('names the field of a malformed request and exits 2', async () => {
    const file = tmpFile(
      'bad-waivers.json',
      JSON.stringify({
        items: [
          {
            id: 'x',
            entityRef: 'component:default/a',
            checkId: 'OWN-1',
            category: 'waiver',
            state: 'approved',
            expires: 'soon',
          },
        ],
      }),
    );
    const r = await run(['--waivers', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'items[0].expires must be a date written YYYY-MM-DD',
    );
  });

  it('applies to offline runs only', async () => {
    const file = tmpFile('w.json', '[]');
    const r = await runCli([
      'check',
      catalogFile,
      '--waivers',
      file,
      '--backstage-url',
      'http://127.0.0.1:9',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--waivers applies to offline runs only');
  });
});

/*
 * Every status of every built-in check, each reached by a minimal pilot in a
 * small organisation.
 */
import { Case, statusOf } from './__testUtils__/statusOf';
import { ownershipToIntegrationCases } from './__testUtils__/ownershipToIntegrationCases';
import { fallbackToOperationsCases } from './__testUtils__/fallbackToOperationsCases';

const cases: Case[] = [
  ...ownershipToIntegrationCases,
  ...fallbackToOperationsCases,
];

describe('built-in checks', () => {
  // Every row gets four cells: jest would pass its done callback in a missing one.
  const rows = cases.map(
    ([id, status, patch, part]) => [id, status, patch, part ?? ''] as const,
  );
  it.each(rows)('%s is %s (%#)', (checkId, status, patch, messagePart) => {
    const check = statusOf(checkId, patch);
    expect({
      id: check.id,
      status: check.status,
      message: check.message,
    }).toEqual({
      id: checkId,
      status,
      message: expect.stringContaining(messagePart),
    });
    // A remediation for every status short of pass, none for pass or not-applicable.
    expect(check.remediation === null).toBe(
      status === 'pass' || status === 'not-applicable',
    );
    expect(check.remediation?.yaml ?? '\n').toMatch(/\n$/);
  });

  it('covers every status each check can reach, for all 34 checks', () => {
    const checkIds = new Set(cases.map(c => c[0]));
    expect(checkIds.size).toBe(34);
    for (const id of checkIds) {
      const reached = new Set(cases.filter(c => c[0] === id).map(c => c[1]));
      expect({
        id,
        pass: reached.has('pass'),
        fail: reached.has('fail'),
      }).toEqual({ id, pass: true, fail: true });
    }
  });
});

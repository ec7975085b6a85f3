/*
 * Waivers of the built-in checks, and labels read before annotations.
 */
import { createReadinessEngine } from '../../engine';
import { org, pilot, statusOf } from './__testUtils__/statusOf';

describe('built-in checks', () => {
  describe('waivers', () => {
    it.each(['OWN-4', 'FB-3', 'MON-2', 'OPS-5'])(
      'a valid waiver makes %s waived',
      id => {
        const check = statusOf(id, {
          ann: { [`waiver.${id}`]: '2026-12-31 accepted by the risk board' },
        });
        expect(check.status).toBe('waived');
        expect(check.waiver).toEqual({
          expires: '2026-12-31',
          reason: 'accepted by the risk board',
          source: 'annotation',
        });
        expect(check.remediation).not.toBeNull();
      },
    );

    it('a waiver expiring on the evaluation date still applies', () => {
      expect(
        statusOf('FB-4', { ann: { 'waiver.FB-4': '2026-11-25 last day' } })
          .status,
      ).toBe('waived');
    });

    it('an expired waiver is ignored and says why', () => {
      const check = statusOf('FB-4', {
        ann: { 'waiver.FB-4': '2026-11-24 too late' },
      });
      expect(check.status).toBe('fail');
      expect(check.waiver).toBeNull();
      expect(check.message).toContain('waiver ignored: expired on 2026-11-24');
    });

    it('a malformed waiver is ignored and says why', () => {
      const check = statusOf('FB-4', {
        ann: { 'waiver.FB-4': 'next year, promise' },
      });
      expect(check.status).toBe('fail');
      expect(check.message).toContain('waiver ignored');
      expect(check.message).toContain('ai-readiness/waiver.FB-4');
    });

    it('SEC-1 cannot be waived', () => {
      const check = statusOf('SEC-1', {
        ann: { 'waiver.SEC-1': '2027-01-01 please' },
      });
      expect(check.status).toBe('fail');
      expect(check.message).toContain('cannot be waived');
    });

    it('an error status can be waived too', () => {
      expect(
        statusOf('FB-2', {
          ann: {
            'confidence-threshold': 'x',
            'waiver.FB-2': '2027-01-01 tuning',
          },
        }).status,
      ).toBe('waived');
    });
  });

  it('labels win over annotations', () => {
    const engine = createReadinessEngine();
    const target: any = pilot({ ann: { 'risk-tier': 'medium' } });
    target.metadata.labels = { 'ai-readiness/risk-tier': 'limited' };
    const card = engine.evaluate(target, engine.buildGraph([...org, target]), {
      asOf: '2026-11-25',
    });
    expect(
      card.dimensions.flatMap(d => d.checks).find(c => c.id === 'SEC-1')!
        .status,
    ).toBe('pass');
  });
});

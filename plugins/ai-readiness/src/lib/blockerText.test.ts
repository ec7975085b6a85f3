import { blockerText, blockersText } from './blockerText';

describe('blockerText', () => {
  it('reads a dimension blocker as the dimension, its share and what it needs', () => {
    expect(blockerText('dimension ownership 0.38 < 0.5')).toBe(
      'Ownership 38%, needs 50%',
    );
    expect(blockerText('dimension security 0.7 < 0.8')).toBe(
      'Security and privacy 70%, needs 80%',
    );
    expect(blockerText('dimension data 0 < 0.5')).toBe(
      'Data readiness 0%, needs 50%',
    );
  });

  it('keeps an unknown dimension id rather than dropping it', () => {
    expect(blockerText('dimension custom 0.25 < 0.5')).toBe(
      'custom 25%, needs 50%',
    );
  });

  it('names a check with its title when known, else by its id', () => {
    const titles: Record<string, string> = { 'SEC-1': 'Risk tier declared' };
    expect(blockerText('SEC-1', id => titles[id])).toBe(
      'SEC-1 Risk tier declared',
    );
    expect(blockerText('MON-3', id => titles[id])).toBe('MON-3');
  });

  it('leaves other blockers as the scorecard gives them', () => {
    expect(blockerText('OPS-1 unverified: runbook link')).toBe(
      'OPS-1 unverified: runbook link',
    );
  });

  it('joins several with semicolons, so that a share and its need stay together', () => {
    expect(blockersText(['OWN-1', 'dimension ownership 0.38 < 0.5'])).toBe(
      'OWN-1; Ownership 38%, needs 50%',
    );
  });
});

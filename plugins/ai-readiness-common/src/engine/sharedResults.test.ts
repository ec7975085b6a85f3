import type { CheckResult, CheckStatus } from '../types';
import { SharedResults } from './sharedResults';

function results() {
  let made = 0;
  const shared = new SharedResults((status: CheckStatus, message: string) => {
    made++;
    return { id: 'X-1', status, message } as unknown as CheckResult;
  });
  return { shared, made: () => made };
}

describe('SharedResults', () => {
  it('gives one frozen result per status and message, beyond the recent ones', () => {
    const { shared, made } = results();
    // 40 teams in turn: more than the recent values a probe is compared with.
    const messages = Array.from({ length: 40 }, (_, i) => `owned by team-${i}`);
    const first = messages.map(m => shared.get('pass', m));
    for (let round = 0; round < 50; round++) {
      // Each message built again, as a check builds it: equal, not the same string.
      for (let i = 0; i < messages.length; i++)
        expect(shared.get('pass', `owned by team-${i}`)).toBe(first[i]);
    }
    expect(made()).toBe(40);
    expect(first.every(r => Object.isFrozen(r))).toBe(true);
    // Same message, other status: another result.
    const failed = shared.get('fail', messages[0]);
    expect(failed).not.toBe(first[0]);
    expect(failed.status).toBe('fail');
  });

  it('stops looking messages up when most are new, and still answers right', () => {
    const { shared, made } = results();
    for (let i = 0; i < 3000; i++) {
      const result = shared.get('fail', `unique ${i}`);
      expect(result.message).toBe(`unique ${i}`);
      expect(result.status).toBe('fail');
    }
    expect(made()).toBe(3000);
    // Looking up is off: a message seen before is made again, equal but its own.
    const again = shared.get('fail', 'unique 5');
    expect(made()).toBe(3001);
    expect(again.message).toBe('unique 5');
  });
});

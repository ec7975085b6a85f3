import { collectEach } from './evidence';

describe('collectEach', () => {
  it('runs at most `concurrency` lookups at once and answers every target', async () => {
    let running = 0;
    let peak = 0;
    const targets = Array.from({ length: 20 }, (_, i) => `t${i}`);
    const results = await collectEach(
      targets,
      { concurrency: 3, signal: new AbortController().signal },
      async target => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise(resolve => setTimeout(resolve, 5));
        running -= 1;
        if (target === 't7') throw new Error('boom');
        return { state: 'verified', detail: target };
      },
    );
    expect(peak).toBe(3);
    expect(results.size).toBe(20);
    expect(results.get('t1')).toEqual({ state: 'verified', detail: 't1' });
    expect(results.get('t7')).toEqual({
      state: 'unverified',
      detail: 'error: boom',
    });
  });

  it('starts nothing new once aborted and leaves those targets out', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const results = await collectEach(
      ['a', 'b', 'c', 'd'],
      { concurrency: 1, signal: controller.signal },
      async target => {
        seen.push(target);
        if (target === 'b') controller.abort();
        return { state: 'verified', detail: '200' };
      },
    );
    expect(seen).toEqual(['a', 'b']);
    expect([...results.keys()]).toEqual(['a']);
  });
});

import { substituteEnv } from './substitute';

describe('substituteEnv', () => {
  const env = { START: '2026-12-01', EMPTY: '' };

  it('replaces variables and uses the fallback when unset or empty', () => {
    expect(
      substituteEnv(
        {
          a: '${START}',
          b: '${MISSING:-2027-03-31}',
          c: 'from ${START} on',
          d: '${EMPTY:-fallback}',
          list: ['${START}', 'plain', 3],
        },
        env,
      ),
    ).toEqual({
      a: '2026-12-01',
      b: '2027-03-31',
      c: 'from 2026-12-01 on',
      d: 'fallback',
      list: ['2026-12-01', 'plain', 3],
    });
  });

  it('drops a value whose variable is unset without a fallback, as the backend does', () => {
    expect(
      substituteEnv(
        { keep: 'x', token: '${MISSING}', nested: ['${MISSING}'] },
        env,
      ),
    ).toEqual({ keep: 'x', nested: [] });
  });

  it('keeps $${...} as a literal ${...}', () => {
    expect(substituteEnv('$${START}', env)).toBe('${START}');
  });
});

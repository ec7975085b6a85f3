import { mockCredentials } from '@backstage/backend-test-utils';
import { createScorecardRedactor } from './createRedactor';
import { HIDDEN_ENTITY, HIDDEN_VALUE } from './types';

/** The plugin reads `exists`; the caller reads `exists` minus `hidden`. */
function redactorFor(exists: string[], hidden: string[]) {
  const asked: string[][] = [];
  const own = mockCredentials.service('plugin:ai-readiness');
  const redactor = createScorecardRedactor({
    auth: { getOwnServiceCredentials: async () => own },
    visibility: {
      async canRead(credentials, refs) {
        asked.push([...refs]);
        const isOwn = credentials === own;
        return refs.map(
          ref => exists.includes(ref) && (isOwn || !hidden.includes(ref)),
        );
      },
    },
  });
  return { redactor, asked };
}

const caller = mockCredentials.user('user:default/guest');

describe('createScorecardRedactor', () => {
  it('replaces a hidden ref, text naming it, and the values beside that text', async () => {
    const { redactor } = redactorFor(
      ['group:default/fraud', 'group:default/ml'],
      ['group:default/fraud'],
    );
    const out = await redactor.redact(caller, {
      owner: 'group:default/fraud',
      system: 'group:default/ml',
      cap: {
        level: 'L2',
        by: ['group:default/fraud', 'group:default/ml', 'group:default/fraud'],
      },
      checks: [
        {
          id: 'OWN-1',
          status: 'pass',
          message: 'owned by group:default/fraud with 1 member',
        },
      ],
      evidence: [
        {
          collector: 'pagerduty',
          state: 'verified',
          target: 'PFRAUD9',
          source:
            'annotations[pagerduty.com/service-id] (on group:default/fraud)',
        },
        {
          collector: 'http',
          target: 'https://example.com/a:b/c',
          source: 'links',
        },
      ],
    });
    expect(out).toEqual({
      owner: HIDDEN_ENTITY,
      system: 'group:default/ml',
      cap: { level: 'L2', by: [HIDDEN_ENTITY, 'group:default/ml'] },
      checks: [{ id: 'OWN-1', status: 'pass', message: HIDDEN_VALUE }],
      evidence: [
        {
          collector: 'pagerduty',
          state: 'verified',
          target: HIDDEN_VALUE,
          source: HIDDEN_VALUE,
        },
        {
          collector: 'http',
          target: 'https://example.com/a:b/c',
          source: 'links',
        },
      ],
    });
  });

  it('keeps refs of entities that do not exist, and returns the same object when nothing is hidden', async () => {
    const { redactor, asked } = redactorFor(['group:default/ml'], []);
    const answer = {
      message: 'spec.owner group:default/gone does not resolve',
      owner: 'group:default/ml',
    };
    expect(await redactor.redact(caller, answer)).toBe(answer);
    // The caller's reads first; the plugin's only for what the caller did not see.
    expect(asked).toEqual([
      ['group:default/gone', 'group:default/ml'],
      ['group:default/gone'],
    ]);
  });

  it('leaves the refs the caller gave alone', async () => {
    const { redactor, asked } = redactorFor(
      ['component:default/draft'],
      ['component:default/draft'],
    );
    const answer = { entityRef: 'component:default/draft' };
    expect(
      await redactor.redact(caller, answer, ['component:default/draft']),
    ).toBe(answer);
    expect(asked).toEqual([]);
  });
});

import type { CheckResult, Scorecard } from '../types';
import { selectFixes } from './selectFixes';

const check = (
  id: string,
  status: CheckResult['status'],
  yaml: string | null = `metadata:\n  annotations:\n    x/${id}: "1"\n`,
): CheckResult => ({
  id,
  title: `Title of ${id}`,
  gate: false,
  status,
  message: '',
  frameworks: [],
  remediation: yaml === null ? null : { text: '', yaml },
  waiver: null,
});

const card = {
  entityRef: 'component:default/bot',
  dimensions: [
    {
      id: 'ownership',
      title: 'Ownership',
      score: 0.5,
      checks: [
        check('A-1', 'pass', null),
        check('A-2', 'fail'),
        check('A-3', 'error'),
        check('A-4', 'waived'),
        check('A-5', 'partial', null),
        check('A-6', 'not-applicable', null),
      ],
    },
  ],
} as unknown as Scorecard;

describe('selectFixes', () => {
  it('takes every failing check with a remediation by default; a check in error replaces its value', () => {
    const { remediations, notes } = selectFixes(card);
    expect(remediations.map(r => [r.checkId, r.replace])).toEqual([
      ['A-2', false],
      ['A-3', true],
    ]);
    expect(remediations[0].title).toBe('Title of A-2');
    expect(notes).toEqual(['A-5: has no remediation to write']);
  });

  it('takes the checks asked for, a waived one included, and says why the others are left out', () => {
    const { remediations, notes } = selectFixes(card, [
      'A-4',
      'A-1',
      'A-6',
      'Z-9',
      'A-4',
    ]);
    expect(remediations.map(r => r.checkId)).toEqual(['A-4']);
    expect(notes).toEqual([
      'A-1: already passes',
      'A-6: does not apply to component:default/bot',
      'Z-9: not a check of component:default/bot',
    ]);
  });
});

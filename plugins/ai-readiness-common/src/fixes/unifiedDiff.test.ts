import { describeFix } from './summary';
import { unifiedDiff } from './unifiedDiff';

describe('unifiedDiff', () => {
  it('prints a git-style unified diff of the change', () => {
    const before =
      'kind: Component\nmetadata:\n  name: bot\n  annotations:\n    a: b\nspec:\n  type: service\n  owner: ml\n';
    const after = before.replace('    a: b\n', '    a: b\n    c: d\n');
    expect(unifiedDiff('/deploy/catalog-info.yaml', before, after)).toBe(
      [
        '--- a/deploy/catalog-info.yaml',
        '+++ b/deploy/catalog-info.yaml',
        '@@ -3,6 +3,7 @@',
        '   name: bot',
        '   annotations:',
        '     a: b',
        '+    c: d',
        ' spec:',
        '   type: service',
        '   owner: ml',
        '',
      ].join('\n'),
    );
  });

  it('is empty when nothing changed', () => {
    expect(unifiedDiff('catalog-info.yaml', 'a\n', 'a\n')).toBe('');
  });
});

describe('describeFix', () => {
  it('lists the checks in the title and the body, and the notes', () => {
    const { title, body } = describeFix({
      entityRef: 'component:default/claims-bot',
      checks: [
        { id: 'OWN-4', title: 'Joint accountability written down' },
        { id: 'SEC-1' },
      ],
      notes: [
        'OWN-3: the change belongs in another entity (Group my-team); not applied',
      ],
    });
    expect(title).toBe(
      'AI readiness: close OWN-4, SEC-1 for component:default/claims-bot',
    );
    expect(body).toBe(
      [
        'Closes these AI readiness checks of `component:default/claims-bot` by writing their remediations into its catalog-info.yaml:',
        '',
        '- **OWN-4** Joint accountability written down',
        '- **SEC-1**',
        '',
        "The values come from the rubric's examples (a placeholder team, person or link may need your real one): review them before merging.",
        '',
        'Notes:',
        '',
        '- OWN-3: the change belongs in another entity (Group my-team); not applied',
        '',
      ].join('\n'),
    );
  });
});

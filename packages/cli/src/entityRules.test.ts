import { catalogRuleViolation } from './entityRules';

const entity = (over: Record<string, unknown> = {}, metadata = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  ...over,
  metadata: { name: 'claims-bot', ...metadata },
});

describe('catalogRuleViolation', () => {
  it('accepts what the catalog accepts', () => {
    expect(catalogRuleViolation(entity())).toBeUndefined();
    expect(
      catalogRuleViolation(
        entity(
          { apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template' },
          { name: 'New_Agent.v2', namespace: 'team-a' },
        ),
      ),
    ).toBeUndefined();
    expect(
      catalogRuleViolation(entity({ kind: 'AiResource', apiVersion: 'v1' })),
    ).toBeUndefined();
  });

  it.each([
    [
      {},
      { name: 'Claims Bot' },
      ['metadata', 'name'],
      'metadata.name "Claims Bot"',
    ],
    [{}, { name: 'a'.repeat(64) }, ['metadata', 'name'], 'metadata.name "aaaa'],
    [{}, { name: 'bot-' }, ['metadata', 'name'], 'metadata.name "bot-"'],
    [{ kind: 'AI Resource' }, {}, ['kind'], 'kind "AI Resource"'],
    [{ kind: '1Component' }, {}, ['kind'], 'kind "1Component"'],
    [
      { apiVersion: 'backstage.io/v1 alpha1' },
      {},
      ['apiVersion'],
      'apiVersion "backstage.io/v1 alpha1"',
    ],
    [
      { apiVersion: 'backstage_io/v1' },
      {},
      ['apiVersion'],
      'apiVersion "backstage_io/v1"',
    ],
    [
      {},
      { namespace: 'Team_A' },
      ['metadata', 'namespace'],
      'metadata.namespace "Team_A"',
    ],
  ])('refuses %j %j', (over, metadata, path, start) => {
    const v = catalogRuleViolation(entity(over, metadata));
    expect(v?.path).toEqual(path);
    expect(v?.message.startsWith(`${start}`)).toBe(true);
    expect(v?.message).toMatch(
      /breaks the catalog's rules: expected .+; the catalog would refuse this entity, so it is left out$/,
    );
  });

  it('reports the first broken field in the catalog order (apiVersion, kind, name)', () => {
    expect(
      catalogRuleViolation(
        entity({ apiVersion: 'a b/c', kind: 'A B' }, { name: 'x y' }),
      )?.path,
    ).toEqual(['apiVersion']);
  });
});

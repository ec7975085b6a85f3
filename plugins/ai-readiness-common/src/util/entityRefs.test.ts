import {
  entityRefKey,
  entityRefKeyFromRouteParams,
  entityRouteParams,
  entityRoutePath,
  tryEntityRefKey,
  tryParseEntityRef,
} from './entityRefs';

describe('entity refs', () => {
  it('keys a reference the way the catalog does: lower-cased, default namespace', () => {
    expect(entityRefKey('Component:Default/Claims-Triage')).toBe(
      'component:default/claims-triage',
    );
    expect(entityRefKey('component:claims')).toBe('component:default/claims');
    expect(entityRefKey('ml', { defaultKind: 'Group' })).toBe(
      'group:default/ml',
    );
    expect(
      entityRefKey('ml', { defaultKind: 'group', defaultNamespace: 'Org' }),
    ).toBe('group:org/ml');
  });

  it('keys entities and compound refs', () => {
    expect(
      entityRefKey({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'X' },
      }),
    ).toBe('component:default/x');
    expect(entityRefKey({ kind: 'API', namespace: 'Ns', name: 'Pay' })).toBe(
      'api:ns/pay',
    );
  });

  it('throws on what is not a reference, unless asked not to', () => {
    expect(() => entityRefKey('no-kind')).toThrow(/kind/);
    expect(() => entityRefKey('component:')).toThrow();
    expect(tryEntityRefKey('no-kind')).toBeUndefined();
    expect(tryEntityRefKey(42)).toBeUndefined();
    expect(tryEntityRefKey(undefined)).toBeUndefined();
    expect(tryEntityRefKey('team', { defaultKind: 'group' })).toBe(
      'group:default/team',
    );
  });

  it('parses without throwing, keeping the case', () => {
    expect(tryParseEntityRef('Group:Default/ML')).toEqual({
      kind: 'Group',
      namespace: 'Default',
      name: 'ML',
    });
    expect(tryParseEntityRef('(none)')).toBeUndefined();
    expect(tryParseEntityRef('L1')).toBeUndefined();
    expect(tryParseEntityRef('group:default/a b')).toBeUndefined();
    expect(tryParseEntityRef('ml', { defaultKind: 'group' })).toEqual({
      kind: 'group',
      namespace: 'default',
      name: 'ml',
    });
  });

  it('turns refs into route parameters and back', () => {
    expect(entityRouteParams('Component:Prod/My Pilot')).toEqual({
      namespace: 'prod',
      kind: 'component',
      name: 'My Pilot',
    });
    expect(entityRoutePath('Component:Prod/My Pilot')).toBe(
      'prod/component/My%20Pilot',
    );
    expect(
      entityRefKeyFromRouteParams({
        namespace: 'Default',
        kind: 'Component',
        name: 'X',
      }),
    ).toBe('component:default/x');
  });
});

import { createReadinessEngine } from './engine';
import { loadConformance } from './__testUtils__/conformance';
import type { Scorecard } from './types';

/*
 * The shared conformance suite: every case of expected.json must agree, from
 * raw YAML and from catalog-shaped entities with relations alike.
 */
const { entities, expected } = loadConformance();

function statuses(card: Scorecard) {
  return Object.fromEntries(
    card.dimensions.flatMap(d => d.checks.map(c => [c.id, c.status])),
  );
}

/** What the catalog adds to an entity: relations from the spec fields. */
function withCatalogRelations(all: any[]): any[] {
  const ref = (kind: string, value: string, ns = 'default') => {
    const m = /^(?:([^:]+):)?(?:([^/]+)\/)?(.+)$/.exec(value)!;
    return `${(m[1] ?? kind).toLowerCase()}:${m[2] ?? ns}/${m[3]}`;
  };
  const out = all.map(e => ({ ...e, relations: [] as any[] }));
  const byRef = new Map(
    out.map(e => [`${e.kind.toLowerCase()}:default/${e.metadata.name}`, e]),
  );
  const add = (from: any, type: string, target: string) =>
    from.relations.push({ type, targetRef: target });
  for (const e of out) {
    const self = `${e.kind.toLowerCase()}:default/${e.metadata.name}`;
    const spec = e.spec ?? {};
    if (spec.owner) add(e, 'ownedBy', ref('group', spec.owner));
    if (spec.system) add(e, 'partOf', ref('system', spec.system));
    for (const d of spec.dependsOn ?? []) add(e, 'dependsOn', ref('', d));
    for (const a of spec.providesApis ?? [])
      add(e, 'providesApi', ref('api', a));
    for (const a of spec.consumesApis ?? []) {
      add(e, 'consumesApi', ref('api', a));
      const api = byRef.get(ref('api', a));
      if (api) add(api, 'apiConsumedBy', self);
    }
    if (e.kind === 'User') {
      for (const g of spec.memberOf ?? []) {
        add(e, 'memberOf', ref('group', g));
        const group = byRef.get(ref('group', g));
        if (group) add(group, 'hasMember', self);
      }
    }
    if (e.kind === 'Group' && spec.parent)
      add(e, 'childOf', ref('group', spec.parent));
  }
  return out;
}

describe.each([
  ['raw YAML', entities],
  ['catalog entities with relations', withCatalogRelations(entities)],
])('conformance (%s)', (_label, input) => {
  const engine = createReadinessEngine();
  const graph = engine.buildGraph(input);
  const cards = engine.evaluateAll(graph, {
    asOf: expected.asOf,
    now: new Date('2026-11-25T10:00:00Z'),
  });
  const byRef = new Map(cards.map(c => [c.entityRef, c]));

  it.each(Object.entries(expected.scorecards))('%s', (ref, want) => {
    const card = byRef.get(ref);
    expect(card).toBeDefined();
    const got = statuses(card!);
    for (const [checkId, status] of Object.entries(want.checks)) {
      expect({ checkId, status: got[checkId] }).toEqual({ checkId, status });
    }
    expect(card!.level).toBe(want.level);
    expect(card!.drift.length > 0).toBe(want.drift);
    // expected.json names the scope rule of the cases it pins.
    expect(card!.scope?.rule ?? null).toBe(
      want.scope ?? card!.scope?.rule ?? null,
    );
    expect(card!.cap ?? null).toEqual(want.cap ?? null);
  });

  it('scores exactly the expected pilots', () => {
    for (const ref of expected.absent) expect(byRef.has(ref)).toBe(false);
    expect([...byRef.keys()].sort()).toEqual(
      Object.keys(expected.scorecards).sort(),
    );
  });
});

import { createReadinessEngine } from './engine';
import { compileRubric } from './rubric';
import { evaluatePilot, evaluationTime } from './evaluatePilot';
import { loadConformance } from '../__testUtils__/conformance';
import type { CheckDefinition } from '../checks/types';

const { entities } = loadConformance();
const AS_OF = '2026-11-25';
const byName = (name: string) => entities.find(e => e.metadata.name === name)!;

/** A check added in code that reads a reference key nothing else reads. */
const securityReviewer: CheckDefinition = {
  id: 'CODE-9',
  dimension: 'security',
  title: 'Security reviewer named',
  frameworks: ['GOVERN 2.1'],
  remediation: {
    text: 'Name the reviewing team.',
    yaml: 'metadata:\n  annotations:\n    ai-readiness/security-reviewer: group:default/appsec\n',
  },
  reads: {
    keys: ['security-reviewer'],
    refs: [
      {
        from: 'security-reviewer',
        defaultKind: 'group',
        reads: { fields: ['spec.profile.displayName'] },
      },
    ],
  },
  evaluate: ctx => {
    const value = ctx.key('security-reviewer');
    if (!value) return { status: 'fail', message: 'not set' };
    const ref = ctx.tryResolve(value, 'group');
    return ref?.node
      ? { status: 'pass', message: `${ref.ref} resolves` }
      : { status: 'fail', message: `${value} does not resolve` };
  },
};

function pilotWithReviewer(value: string) {
  const pilot = JSON.parse(JSON.stringify(byName('claims-triage')));
  pilot.metadata.annotations['ai-readiness/security-reviewer'] = value;
  return pilot;
}

describe('references derived from the checks’ reads', () => {
  it('a check added in code that reads a new reference key gets it fetched', () => {
    const pilot = pilotWithReviewer('appsec, user:default/sam');
    const without = createReadinessEngine();
    const withCheck = createReadinessEngine({ checks: [securityReviewer] });
    const alone = (e: typeof without) =>
      e.missingRefs([pilot], e.buildGraph([pilot]));
    expect(alone(without)).not.toContain('group:default/appsec');
    // defaultKind applies; a comma-separated list gives every reference.
    expect(alone(withCheck)).toEqual(
      expect.arrayContaining(['group:default/appsec', 'user:default/sam']),
    );
    const full = withCheck.buildGraph(entities.concat([pilot]));
    expect(withCheck.missingRefs([pilot], full)).toEqual([
      'group:default/appsec',
      'user:default/sam',
    ]);
  });

  it('skips values that are not references, and follows nested reads once the target is there', () => {
    const engine = createReadinessEngine({ checks: [securityReviewer] });
    const pilot = pilotWithReviewer('https://wiki.example.com/appsec');
    pilot.metadata.annotations['ai-readiness/trigger'] = 'schedule';
    const missing = engine.missingRefs([pilot], engine.buildGraph([pilot]));
    expect(missing.join(' ')).not.toMatch(/wiki|schedule/);
    // Round two: with the owner fetched, its parent is asked for.
    const owner = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'ml' },
      spec: { type: 'team', parent: 'platform-leads', children: [] },
    };
    const round1 = engine.missingRefs([pilot], engine.buildGraph([pilot]));
    expect(round1).toContain('group:default/ml');
    expect(round1).not.toContain('group:default/platform-leads');
    const round2 = engine.missingRefs(
      [pilot],
      engine.buildGraph([pilot, owner]),
    );
    expect(round2).not.toContain('group:default/ml');
    expect(round2).toContain('group:default/platform-leads');
  });

  it('configured checks declare what they read', () => {
    const engine = createReadinessEngine({
      config: {
        customChecks: [
          {
            id: 'ACME-1',
            dimension: 'data',
            title: 'Depends on a feature store',
            rule: { type: 'dependency', types: ['feature-store'] },
            remediation: { text: 't', yaml: 'a: b\n' },
          },
          {
            id: 'ACME-2',
            dimension: 'data',
            title: 'Ticket',
            rule: { type: 'annotation', key: 'acme.com/ticket' },
            remediation: { text: 't', yaml: 'a: b\n' },
          },
        ],
      },
    });
    const acme = engine.rubric.checks.filter(c => c.id.startsWith('ACME'));
    expect(acme.map(c => c.reads)).toEqual([
      { refs: [{ from: 'spec.dependsOn', reads: { fields: ['spec.type'] } }] },
      { annotations: ['acme.com/ticket'] },
    ]);
  });
});

describe('catalogFields', () => {
  it('includes what the checks declare, on the pilot and on referenced entities', () => {
    const plain = createReadinessEngine().catalogFields();
    expect(plain.pilotFields).toEqual(
      expect.arrayContaining([
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
        'metadata.labels',
        'metadata.links',
        'metadata.tags',
        'metadata.title',
        'spec.owner',
        'spec.system',
        'spec.dependsOn',
        'spec.providesApis',
        'spec.consumesApis',
        'spec.lifecycle',
        'spec.type',
        'relations',
      ]),
    );
    // Read on referenced entities only: the owner's e-mail, an API's definition.
    expect(plain.referencedFields).toEqual(
      expect.arrayContaining([
        'spec.profile.email',
        'spec.definition',
        'spec.members',
        'spec.parent',
        'relations',
      ]),
    );
    expect(plain.referencedFields).not.toContain('metadata.tags');
    expect(plain.pilotFields).toEqual(
      expect.arrayContaining(plain.referencedFields),
    );
    expect(plain.referencedFields).not.toContain('spec.profile.displayName');
    const added = createReadinessEngine({
      checks: [securityReviewer],
    }).catalogFields();
    expect(added.referencedFields).toContain('spec.profile.displayName');
  });

  it('filters candidate pilots by the configured scope', () => {
    const { pilotFilter, modelDependencyFilter } = createReadinessEngine({
      config: {
        annotationPrefix: 'acme.ai/',
        scope: { types: ['bot'], tags: ['ml'] },
      },
    }).catalogFields();
    expect(pilotFilter).toEqual([
      { 'metadata.annotations.acme.ai/enabled': ['true'] },
      { 'metadata.labels.acme.ai/enabled': ['true'] },
      { kind: ['component'], 'spec.type': ['bot'] },
      // Tags count on Components only (rubric v2).
      { kind: ['component'], 'metadata.tags': ['ml'] },
      { kind: ['airesource'], 'spec.type': ['agent', 'ai-agent'] },
    ]);
    expect(modelDependencyFilter).toEqual([
      { kind: ['resource'], 'spec.type': ['ai-model'] },
      {
        kind: ['component'],
        'spec.type': [
          'model-server',
          'ai-model-server',
          'llm-gateway',
          'ai-gateway',
        ],
      },
      { kind: ['api'], 'spec.type': ['ai-model-server', 'mcp-server'] },
      { kind: ['aimodelserverapi'] },
    ]);
  });
});

describe('compiled rubric', () => {
  it('level rules are data, and GET /rubric describes them', () => {
    const rubric = compileRubric({
      levels: { L2: { minDimensionScore: 0.6 } },
    });
    const [l1, l2, l3] = rubric.levels;
    expect(l1).toMatchObject({
      level: 'L1',
      mustPass: ['OWN-1', 'SEC-1'],
      mustBeAtLeastPartial: ['DATA-1', 'INT-3'],
      excludedRiskTiers: [{ riskTier: 'prohibited', blocker: 'SEC-1' }],
    });
    expect(l2.minDimensionScore).toBe(0.6);
    expect(l3.mustPass).toEqual(expect.arrayContaining(rubric.gates));
    expect(l3.mustPass).toContain('MON-5');
    const engine = createReadinessEngine({
      config: { levels: { L2: { minDimensionScore: 0.6 } } },
    });
    const levels = engine.describeRubric().levels;
    expect(levels.map(l => l.rule?.level ?? null)).toEqual([
      null,
      'L1',
      'L2',
      'L3',
    ]);
    expect(levels[2].description).toContain(l2.mustPass.join(', '));
    expect(levels[2].description).toContain('at least 0.6');
    expect(levels[0].description).toContain('prohibited');
  });

  it('disabled checks leave the rules, and gates added in code join L3', () => {
    const gate: CheckDefinition = {
      id: 'CODE-1',
      dimension: 'operations',
      title: 'Gate',
      gate: true,
      frameworks: [],
      remediation: { text: 't', yaml: 'a: b\n' },
      evaluate: () => ({ status: 'fail', message: 'no' }),
    };
    const engine = createReadinessEngine({
      config: { disabledChecks: ['OWN-2'] },
      checks: [gate],
    });
    const [, l2, l3] = engine.rubric.levels;
    expect(l2.mustPass).not.toContain('OWN-2');
    expect(engine.describeRubric().levels[2].description).not.toContain(
      'OWN-2',
    );
    expect(l3.mustPass).toContain('CODE-1');
    const card = engine.evaluate(
      byName('claims-triage'),
      engine.buildGraph(entities),
      { asOf: AS_OF },
    );
    expect(card.level).toBe('L2');
    expect(card.nextLevel!.blockers).toEqual(['CODE-1']);
  });

  it('evaluatePilot scores one pilot as the engine does', () => {
    const engine = createReadinessEngine();
    const graph = engine.buildGraph(entities);
    const pilot = graph.getByRef('component', 'default', 'claims-triage')!;
    const time = evaluationTime({ asOf: AS_OF, now: new Date(0) });
    expect(evaluatePilot(engine.rubric, pilot, graph, time)).toEqual(
      engine.evaluate(pilot.entity, graph, { asOf: AS_OF, now: new Date(0) }),
    );
    expect(() => evaluationTime({ asOf: '25.11.2026' })).toThrow(
      'asOf must be a date YYYY-MM-DD, found "25.11.2026"',
    );
  });
});

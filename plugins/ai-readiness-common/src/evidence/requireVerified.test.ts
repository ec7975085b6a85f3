import { createReadinessEngine } from '../engine/engine';
import { loadConformance } from '../__testUtils__/conformance';
import type { LevelInput } from '../engine/levels';
import { computeLevel } from '../engine/levels';
import { DIMENSION_IDS } from '../types';
import type { CheckStatus } from '../types';
import { computeLevelWithEvidence } from './levels';
import { builtinEvidenceClaimers } from './claimers';
import type { EvidenceResult, EvidenceView } from './types';

const AT = '2026-11-27T09:00:00Z';
const { entities, expected } = loadConformance();

function view(
  unverified: Record<string, string>,
  requireVerified?: 'L2' | 'L3',
): EvidenceView {
  return {
    claimers: Object.values(builtinEvidenceClaimers),
    requireVerified,
    lookup: (item): EvidenceResult => {
      const detail = unverified[`${item.collector}|${item.target}`];
      return detail
        ? { state: 'unverified', detail, checkedAt: AT }
        : { state: 'verified', detail: '200', checkedAt: AT };
    },
  };
}

function evaluate(name: string, evidence?: EvidenceView) {
  const engine = createReadinessEngine();
  const graph = engine.buildGraph(entities);
  const entity = entities.find(e => e.metadata.name === name)!;
  return engine.evaluate(entity, graph, {
    asOf: expected.asOf,
    now: new Date('2026-11-27T10:00:00Z'),
    evidence,
  });
}

describe('requireVerified', () => {
  it('claims-triage is L3 with every item verified, or without the option', () => {
    expect(evaluate('claims-triage').level).toBe('L3');
    expect(evaluate('claims-triage', view({}, 'L3')).level).toBe('L3');
    expect(
      evaluate(
        'claims-triage',
        view({ 'grafana|tag:claims-triage': 'timeout' }),
      ).level,
    ).toBe('L3');
  });

  it('L3: a gate with an unverified item blocks L3 and the blocker names the item', () => {
    const card = evaluate(
      'claims-triage',
      view({ 'grafana|tag:claims-triage': '503' }, 'L3'),
    );
    expect(card.level).toBe('L2');
    expect(card.nextLevel).toEqual({
      level: 'L3',
      blockers: [
        'MON-1 unverified: annotations[grafana/dashboard-selector] tag:claims-triage (503)',
      ],
    });
    // The check itself still passes: only the level rule changes.
    const mon1 = card.dimensions
      .flatMap(d => d.checks)
      .find(c => c.id === 'MON-1')!;
    expect(mon1.status).toBe('pass');
  });

  it('L2: applies from L2 up; L3 alone leaves L2 alone', () => {
    // PSVC001 is read by MON-3 (required for L2) and OPS-1, SEC-5.
    const l2 = evaluate(
      'claims-triage',
      view({ 'pagerduty|PSVC001': 'host not allowed' }, 'L2'),
    );
    expect(l2.level).toBe('L1');
    expect(l2.nextLevel?.level).toBe('L2');
    expect(l2.nextLevel?.blockers).toContain(
      'MON-3 unverified: annotations[pagerduty.com/service-id] PSVC001 (host not allowed)',
    );
    const l3 = evaluate(
      'claims-triage',
      view({ 'pagerduty|PSVC001': 'host not allowed' }, 'L3'),
    );
    expect(l3.level).toBe('L2');
  });
});

describe('computeLevelWithEvidence', () => {
  const engine = createReadinessEngine();
  const rules = engine.rubric.levels;
  const ids = engine.rubric.checks.map(c => c.id);
  const input = (over: Record<string, CheckStatus> = {}): LevelInput => ({
    checkIndex: new Map(ids.map((id, i) => [id, i])),
    statuses: ids.map(id => over[id] ?? 'pass'),
    dimensionScores: DIMENSION_IDS.map(() => 1),
    riskTier: 'limited',
  });

  it('is computeLevel when nothing is unverified', () => {
    expect(computeLevel(rules, input()).level).toBe('L3');
    expect(computeLevelWithEvidence(rules, input(), 'L2', new Map())).toEqual(
      computeLevel(rules, input()),
    );
  });

  it('does not touch the levels below', () => {
    // OWN-1 is an L1 requirement and an L3 gate: unverified, it blocks L3 only.
    expect(
      computeLevelWithEvidence(
        rules,
        input(),
        'L3',
        new Map([['OWN-1', 'unverified: x y (stale)']]),
      ),
    ).toEqual({
      level: 'L2',
      nextLevel: { level: 'L3', blockers: ['OWN-1 unverified: x y (stale)'] },
    });
  });

  it('a check short of pass keeps its own blocker text', () => {
    const out = computeLevelWithEvidence(
      rules,
      input({ 'MON-1': 'fail' }),
      'L2',
      new Map([['MON-1', 'unverified: a b (503)']]),
    );
    expect(out.level).toBe('L1');
    expect(out.nextLevel?.blockers).toContain('MON-1');
    expect(out.nextLevel?.blockers).not.toContain(
      'MON-1 unverified: a b (503)',
    );
  });
});

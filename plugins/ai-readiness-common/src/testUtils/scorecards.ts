/*
 * Test fixtures: scorecards built from the wire types, with just enough
 * content for the store and the API (no rubric logic here).
 */
import {
  DIMENSION_IDS,
  DIMENSION_TITLES,
  DimensionId,
  LEVEL_NAMES,
  READINESS_LEVELS,
  ReadinessLevel,
  Scorecard,
} from '../index';

/** @public */
export interface FakeScorecardOptions {
  entityRef: string;
  title?: string;
  owner?: string | null;
  system?: string | null;
  level?: ReadinessLevel;
  score?: number;
  evaluatedAt?: string;
  /** Dimension scores; unspecified dimensions score 1. */
  dimensions?: Partial<Record<DimensionId, number | null>>;
  /** Failing check ids per dimension. */
  failing?: Partial<Record<DimensionId, string[]>>;
  /** Why the entity is a pilot (default: spec.type ai-pilot). */
  scope?: Scorecard['scope'];
}

/** A scorecard with just enough content for stores, APIs and views (no rubric logic). @public */
export function fakeScorecard(options: FakeScorecardOptions): Scorecard {
  const evaluatedAt = options.evaluatedAt ?? '2026-11-25T10:00:00.000Z';
  const level = options.level ?? 'L1';
  return {
    entityRef: options.entityRef,
    title: options.title ?? options.entityRef.split('/').pop()!,
    owner: options.owner === undefined ? 'group:default/ml' : options.owner,
    system: options.system === undefined ? null : options.system,
    asOf: evaluatedAt.slice(0, 10),
    evaluatedAt,
    level,
    levelName: LEVEL_NAMES[level],
    score: options.score ?? 50,
    dimensions: DIMENSION_IDS.map(id => {
      const failing = options.failing?.[id] ?? [];
      const defaultScore = failing.length ? 0 : 1;
      const score = options.dimensions?.[id];
      return {
        id,
        title: DIMENSION_TITLES[id],
        score: score === undefined ? defaultScore : score,
        checks: [
          {
            id: `${id.toUpperCase()}-OK`,
            title: `${id} ok`,
            gate: false,
            status: 'pass' as const,
            message: 'fine',
            frameworks: [],
            remediation: null,
            waiver: null,
          },
          ...failing.map(checkId => ({
            id: checkId,
            title: `${checkId} title`,
            gate: false,
            status: 'fail' as const,
            message: `${checkId} fails`,
            frameworks: ['GOVERN 1.1'],
            remediation: { text: 'Fix it.', yaml: 'metadata: {}\n' },
            waiver: null,
          })),
        ],
      };
    }),
    nextLevel:
      level === 'L3'
        ? null
        : {
            level: READINESS_LEVELS[READINESS_LEVELS.indexOf(level) + 1],
            blockers: ['FB-2'],
          },
    drift: [],
    scope: options.scope ?? { rule: 'type', message: 'spec.type ai-pilot' },
    cap: null,
  };
}

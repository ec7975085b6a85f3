import type { Scorecard, ScorecardSummary } from '../types';

const GAP_STATUSES = new Set(['fail', 'partial', 'error']);

/** A scorecard without the checks, plus the ids of the checks short of pass. @public */
export function toScorecardSummary(card: Scorecard): ScorecardSummary {
  const failingChecks: string[] = [];
  for (const dimension of card.dimensions) {
    for (const check of dimension.checks) {
      if (GAP_STATUSES.has(check.status)) failingChecks.push(check.id);
    }
  }
  return {
    ...card,
    dimensions: card.dimensions.map(d => ({
      id: d.id,
      title: d.title,
      score: d.score,
    })),
    failingChecks,
  };
}

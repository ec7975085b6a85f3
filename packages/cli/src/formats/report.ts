/*
 * What every output format receives, and the small views they share.
 * Nothing here decides a status or a level: those come from the engine.
 */
import type {
  CheckResult,
  ReadinessLevel,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import { levelAtLeast } from '@ai-readiness/plugin-ai-readiness-common';
import type { EntitySource, InputError } from '../load';

export interface Report {
  asOf: string;
  scorecards: Scorecard[];
  errors: InputError[];
  /** Where each entity's document starts, by lower-cased kind:namespace/name. */
  sources: Map<string, EntitySource>;
  /** A level, or 'target': each pilot against its own target. */
  minLevel?: ReadinessLevel | 'target';
  filesRead: number;
  skippedFiles: string[];
  /** Entities read from the inputs (pilots or not). */
  entityCount: number;
  /** True when --entity narrowed the output to one pilot. */
  narrowed: boolean;
}

/** A check with the dimension it belongs to. */
export interface PlacedCheck extends CheckResult {
  dimension: string;
}

/** Statuses that leave a gap (waived and not-applicable do not). */
export const GAP_STATUSES = new Set(['fail', 'partial', 'error']);

/** Every check of the card whose status is fail, partial or error, in rubric order. */
export function gaps(card: Scorecard): PlacedCheck[] {
  const out: PlacedCheck[] = [];
  for (const dim of card.dimensions) {
    for (const check of dim.checks) {
      if (GAP_STATUSES.has(check.status))
        out.push({ ...check, dimension: dim.id });
    }
  }
  return out;
}

/** Every waived check of the card. */
export function waived(card: Scorecard): PlacedCheck[] {
  const out: PlacedCheck[] = [];
  for (const dim of card.dimensions) {
    for (const check of dim.checks) {
      if (check.status === 'waived') out.push({ ...check, dimension: dim.id });
    }
  }
  return out;
}

export function isBelow(
  card: Scorecard,
  minLevel: ReadinessLevel | 'target' | undefined,
): boolean {
  if (minLevel === 'target') {
    // Pilots without a target pass (targets.md).
    return !!card.target && !levelAtLeast(card.level, card.target.level);
  }
  return minLevel !== undefined && !levelAtLeast(card.level, minLevel);
}

export function sourceOf(
  report: Report,
  card: Scorecard,
): EntitySource | undefined {
  return report.sources.get(card.entityRef.toLocaleLowerCase('en-US'));
}

/** A dimension score 0–1 as shown to people: two decimals, or n/a. */
export function dimScore(score: number | null): string {
  return score === null ? 'n/a' : score.toFixed(2);
}

export function blockersText(card: Scorecard): string {
  if (!card.nextLevel) return '';
  return card.nextLevel.blockers.join(', ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** True when the card's title says more than the entity's name. */
export function hasOwnTitle(card: Scorecard): boolean {
  const name = card.entityRef.slice(card.entityRef.lastIndexOf('/') + 1);
  return (
    Boolean(card.title) && card.title !== name && card.title !== card.entityRef
  );
}

/*
 * What every output format receives, and the small views they share.
 * Nothing here decides a status or a level: those come from the engine.
 */
import type {
  CheckResult,
  ReadinessLevel,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import {
  entityRefKey,
  levelAtLeast,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { EntitySource, InputError, InputWarning } from '../load';

export interface Report {
  asOf: string;
  scorecards: Scorecard[];
  errors: InputError[];
  /** Files skipped with a reason (never an error). */
  warnings: InputWarning[];
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
  /** The portal that evaluated the files (--backstage-url), if any. */
  portal?: string;
  /** Offline: references the pilots' checks read that the files do not hold. */
  outsideRefs?: number;
}

/** The stored level of a draft's ref, as POST /evaluate answers it. */
type WithCurrent = Scorecard & {
  current?: { level: string; score: number } | null;
};

/**
 * The change against the catalog ("L2 → L3", "— → L3" for a pilot the catalog
 * does not hold yet); undefined for offline runs.
 */
export function levelChange(card: Scorecard): string | undefined {
  const current = (card as WithCurrent).current;
  if (current === undefined) return undefined;
  return `${current?.level ?? '—'} → ${card.level}`;
}

/** The level as shown in tables: with the change against the catalog when known. */
export function levelText(card: Scorecard): string {
  return `${levelChange(card) ?? card.level} ${card.levelName}`;
}

/** The closing line of offline runs: references the files leave unresolved. */
export function outsideRefsLine(report: Report): string | undefined {
  const n = report.outsideRefs ?? 0;
  if (report.portal || n === 0) return undefined;
  return `${plural(
    n,
    'reference points',
    'references point',
  )} outside the files read (owners, systems, APIs, resources, agents registered elsewhere) and count as unresolved (a pilot outside the files caps nothing); to resolve them against your catalog, run with --backstage-url URL (or AI_READINESS_BACKSTAGE_URL) and a token in AI_READINESS_TOKEN.`;
}

/*
 * Why the entity is a pilot (scope) and what caps its level (cap), as the
 * engine puts them on the scorecard (rubric.md). Read defensively: scorecards
 * from an older engine or portal do not carry them.
 */
interface ScopeField {
  rule?: unknown;
  message?: unknown;
}
interface CapField {
  level?: unknown;
  by?: unknown;
}

/** Verbs a scope message may start with ("uses resource:default/gpt (ai-model)"). */
const SCOPE_VERB =
  /^(uses|is|has|hands|carries|names|opts|depends|consumes)\b/i;

/**
 * "AI pilot because it uses resource:default/gpt (ai-model)" from the
 * scorecard's scope.message, whatever form the message takes ("uses ...",
 * "it uses ...", "because ...", or a bare finding such as "tag genai").
 */
export function scopeLine(card: Scorecard): string | undefined {
  const scope = (card as { scope?: ScopeField | null }).scope;
  if (!scope || typeof scope !== 'object') return undefined;
  const message = typeof scope.message === 'string' ? scope.message.trim() : '';
  if (message) {
    if (/^ai pilot\b/i.test(message)) return message;
    if (/^because\b/i.test(message)) return `AI pilot ${message}`;
    if (/^it\b/i.test(message)) return `AI pilot because ${message}`;
    if (SCOPE_VERB.test(message)) return `AI pilot because it ${message}`;
    return `AI pilot: ${message}`;
  }
  if (typeof scope.rule === 'string' && scope.rule) {
    return `AI pilot by the rule ${scope.rule}`;
  }
  return undefined;
}

/** The pilots that cap the card's level, or undefined when nothing caps it. */
export function capOf(
  card: Scorecard,
): { uncapped?: string; by: string[] } | undefined {
  const cap = (card as { cap?: CapField | null }).cap;
  if (!cap || typeof cap !== 'object') return undefined;
  const by = Array.isArray(cap.by)
    ? cap.by.filter((r): r is string => typeof r === 'string')
    : [];
  const uncapped = typeof cap.level === 'string' ? cap.level : undefined;
  return { uncapped, by };
}

/**
 * "Capped at L1 by airesource:default/billing-agent (L2 without the cap)":
 * the capped level is the card's level; the cap's own level is the uncapped one.
 */
export function capLine(card: Scorecard): string | undefined {
  const cap = capOf(card);
  if (!cap) return undefined;
  const by = cap.by.length ? cap.by.join(', ') : 'the pilots it reaches';
  const own =
    cap.uncapped && cap.uncapped !== card.level
      ? ` (${cap.uncapped} without the cap)`
      : '';
  return `Capped at ${card.level} by ${by}${own}`;
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
  return report.sources.get(entityRefKey(card.entityRef));
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

/** How many pilots are below the report's minimum level (or their target). */
export function belowCount(report: Report): number {
  return report.scorecards.filter(c => isBelow(c, report.minLevel)).length;
}

/**
 * What the human-readable formats (table, markdown) show of one pilot, as
 * plain text: each format escapes it its own way.
 */
export interface PilotView {
  /** The level as shown, with the change against the catalog when known. */
  level: string;
  /** What blocks the next level ("L3: SEC-1, OPS-2"); undefined at the top. */
  next?: string;
  /** Below the report's minimum level (or the pilot's target). */
  below: boolean;
  /** Where the pilot's document starts, when it was read from a file. */
  source?: EntitySource;
  /** The title, when it says more than the entity's name. */
  title?: string;
  /** Each dimension as "id score" (two decimals, or n/a). */
  dimensions: string[];
  /** Why the entity is a pilot (scope.message), when the scorecard says. */
  scope?: string;
  /** What caps its level (cap), when something does. */
  cap?: string;
  gaps: PlacedCheck[];
  waived: PlacedCheck[];
}

export function pilotView(report: Report, card: Scorecard): PilotView {
  return {
    level: levelText(card),
    next: card.nextLevel
      ? `${card.nextLevel.level}: ${blockersText(card)}`
      : undefined,
    below: isBelow(card, report.minLevel),
    source: sourceOf(report, card),
    title: hasOwnTitle(card) ? card.title : undefined,
    dimensions: card.dimensions.map(d => `${d.id} ${dimScore(d.score)}`),
    scope: scopeLine(card),
    cap: capLine(card),
    gaps: gaps(card),
    waived: waived(card),
  };
}

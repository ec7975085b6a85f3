/*
 * Evidence during one pilot's evaluation: each check's items with their
 * stored results, and what the readers must treat as absent (refuted items).
 * Built only when EvaluateOptions.evidence is given; without it the engine
 * never reaches this file.
 */
import type { CheckReads } from '../checks/types';
import type { CheckResult } from '../types';
import type { EntityGraph, GraphNode } from '../engine/graph';
import { isRecord } from '../engine/graph';
import { isSafeHttpUrl } from '../util/urls';
import { EvidenceScan, LocatedItem } from './items';
import type {
  CheckEvidence,
  EvidenceCounts,
  EvidenceResult,
  EvidenceView,
} from './types';

/** The result of an item never collected. */
export const NOT_COLLECTED: EvidenceResult = Object.freeze({
  state: 'unverified',
  detail: 'not collected yet',
  checkedAt: '',
});

const EMPTY: readonly CheckEvidence[] = Object.freeze([]);

/** The evidence of a check result without items: one shared, frozen empty list. */
export const NO_EVIDENCE = EMPTY as CheckEvidence[];

/** One line naming a refuted item and when, as the check message's tail. */
export function refutedText(item: CheckEvidence): string {
  return `refuted: ${item.source} ${item.target} answered ${item.detail}${
    item.checkedAt ? ` at ${item.checkedAt}` : ''
  }`;
}

/** Appends the refuted items of a check to its message. */
export function withRefuted(
  message: string,
  items: readonly CheckEvidence[],
  max: number,
): string {
  let tail = '';
  for (const item of items)
    if (item.state === 'refuted') tail += `; ${refutedText(item)}`;
  if (!tail) return message;
  const room = Math.max(0, max - tail.length);
  const head =
    message.length > room
      ? `${message.slice(0, Math.max(0, room - 3))}...`
      : message;
  return `${head}${tail}`;
}

/** The first item of a check that is not verified, as a blocker names it. */
export function unverifiedText(item: CheckEvidence): string {
  return `unverified: ${item.source} ${item.target} (${item.detail})`;
}

export class PilotEvidence {
  /** Items per check id ([] for a check without items). */
  private readonly byCheck = new Map<string, readonly CheckEvidence[]>();
  /** Refuted values: entityKey, name, value. */
  private readonly refutedValues = new Set<string>();
  /** Refuted link URLs by type (pilot links only: hasLink reads the pilot's). */
  private readonly refutedLinks = new Map<string, Set<string>>();
  readonly counts: EvidenceCounts;

  constructor(
    view: EvidenceView,
    readonly node: GraphNode,
    graph: EntityGraph,
    annotationPrefix: string,
    checks: readonly { id: string; reads?: CheckReads }[],
  ) {
    const scan = new EvidenceScan(node, graph, annotationPrefix);
    const results = new Map<string, CheckEvidence>();
    const counted = new Map<string, EvidenceResult>();
    for (const check of checks) {
      const located = scan.items(check.reads, view.claimers);
      if (!located.length) {
        this.byCheck.set(check.id, EMPTY);
        continue;
      }
      const items: CheckEvidence[] = [];
      for (const item of located) {
        const id = `${item.collector}\u0000${item.target}\u0000${item.source}`;
        let evidence = results.get(id);
        if (!evidence) {
          const itemKey = `${item.collector}\u0000${item.target}`;
          let result = counted.get(itemKey);
          if (!result) {
            result =
              view.lookup({ collector: item.collector, target: item.target }) ??
              NOT_COLLECTED;
            counted.set(itemKey, result);
          }
          evidence = {
            collector: item.collector,
            target: item.target,
            source: item.source,
            state: result.state,
            detail: result.detail,
            checkedAt: result.checkedAt,
          };
          results.set(id, evidence);
          if (evidence.state === 'refuted') this.refute(item);
        }
        items.push(evidence);
      }
      this.byCheck.set(check.id, items);
    }
    const counts: EvidenceCounts = { verified: 0, unverified: 0, refuted: 0 };
    for (const result of counted.values()) counts[result.state]++;
    this.counts = counts;
  }

  private refute(item: LocatedItem) {
    const { match } = item;
    if (match.type === 'value') {
      this.refutedValues.add(
        `${item.entityKey}\u0000${match.name}\u0000${match.value}`,
      );
    } else if (item.entityKey === this.node.key) {
      let urls = this.refutedLinks.get(match.linkType);
      if (!urls) {
        urls = new Set();
        this.refutedLinks.set(match.linkType, urls);
      }
      urls.add(match.url);
    }
  }

  /** The items of a check (empty when it has none). */
  itemsOf(checkId: string): readonly CheckEvidence[] {
    return this.byCheck.get(checkId) ?? EMPTY;
  }

  /** Whether the value of `name` read on an entity is refuted: the reader then returns undefined. */
  refutesValue(entityKey: string, name: string, value: string): boolean {
    return (
      this.refutedValues.size > 0 &&
      this.refutedValues.has(`${entityKey}\u0000${name}\u0000${value}`)
    );
  }

  /**
   * Whether the pilot has an http(s) link of this type that is not refuted
   * (asked only when it has one at all).
   */
  hasUnrefutedLink(type: string): boolean {
    const refuted = this.refutedLinks.get(type);
    if (!refuted) return true;
    const links = isRecord((this.node.entity as any)?.metadata)
      ? (this.node.entity as any).metadata.links
      : undefined;
    if (!Array.isArray(links)) return false;
    return links.some(
      link =>
        isRecord(link) &&
        link.type === type &&
        isSafeHttpUrl(link.url) &&
        !refuted.has(link.url),
    );
  }
}

/**
 * A check result with its items: the list, and the refuted ones named at the
 * end of the message. Without items, the result as it is.
 */
export function withEvidence(
  result: CheckResult,
  evidence: PilotEvidence,
  maxMessage: number,
): CheckResult {
  const items = evidence.itemsOf(result.id);
  if (!items.length) return result;
  return {
    ...result,
    message: withRefuted(result.message, items, maxMessage),
    // A waiver's control (set before) stays beside the check's own items.
    evidence: result.evidence?.length
      ? [...items, ...result.evidence]
      : (items as CheckEvidence[]),
  };
}

/** Each check that has an item short of verified, with the first such item named. */
export function unverifiedOf(
  evidence: PilotEvidence,
  dimensions: readonly (readonly CheckResult[])[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const checks of dimensions) {
    for (const check of checks) {
      const item = evidence.itemsOf(check.id).find(i => i.state !== 'verified');
      if (item) out.set(check.id, unverifiedText(item));
    }
  }
  return out;
}

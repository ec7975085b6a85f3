/*
 * Evidence items derived from what checks declare they read
 * (CheckDefinition.reads, walked with walkReads): the candidates a check
 * reads on the pilot and on the entities its references name, each offered
 * to the configured claimers in order (the first that claims it owns it).
 */
import type { CheckReads, ReferenceRead } from '../checks/types';
import { walkReads } from '../checks/reads';
import {
  EntityGraph,
  GraphNode,
  isRecord,
  readRefField,
  readRefList,
} from '../engine/graph';
import { parseRef } from '../util/refs';
import type { EvidenceCandidate, EvidenceClaimer, EvidenceItem } from './types';

/** An item as a check reads it: what is looked up, and where it was read. @public */
export interface EvidenceItemRead extends EvidenceItem {
  /** Where the check read it, e.g. "links[dashboard]". */
  source: string;
}

/** An item of one check of a pilot (ReadinessEngine.evidenceItems). @public */
export interface PilotEvidenceItem extends EvidenceItemRead {
  checkId: string;
}

/** A candidate with the entity it was read on, so that readers can match it. */
export interface LocatedCandidate {
  /** GraphNode.key of the entity the value was read on. */
  entityKey: string;
  candidate: EvidenceCandidate;
}

/** An item with what the readers match when it is refuted. */
export interface LocatedItem extends EvidenceItemRead {
  entityKey: string;
  /** 'link' items match hasLink(linkType) over url; 'value' items match the name's value. */
  match:
    | { type: 'link'; linkType: string; url: string }
    | { type: 'value'; name: string; value: string };
}

const SINGLE_FIELDS: Record<string, 'owner' | 'system' | 'parent'> = {
  'spec.owner': 'owner',
  'spec.system': 'system',
  'spec.parent': 'parent',
};
const LIST_FIELDS: Record<
  string,
  'dependsOn' | 'providesApis' | 'consumesApis' | 'memberOf' | 'members'
> = {
  'spec.dependsOn': 'dependsOn',
  'spec.providesApis': 'providesApis',
  'spec.consumesApis': 'consumesApis',
  'spec.memberOf': 'memberOf',
  'spec.members': 'members',
};

/** A metadata map entry as text, leniently (a malformed value is no candidate). */
function entryOf(
  entity: unknown,
  where: 'labels' | 'annotations',
  name: string,
): string | undefined {
  const metadata = isRecord(entity) ? entity.metadata : undefined;
  const map = isRecord(metadata) ? metadata[where] : undefined;
  if (!isRecord(map)) return undefined;
  const value = map[name];
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return undefined;
}

/**
 * The candidates of one pilot, memoised per entity and name: several checks
 * declare the same reads (the on-call route, the owner).
 */
export class EvidenceScan {
  private readonly memo = new Map<string, LocatedCandidate[]>();
  private readonly refMemo = new Map<string, GraphNode[]>();

  constructor(
    readonly node: GraphNode,
    readonly graph: EntityGraph,
    readonly annotationPrefix: string,
  ) {}

  /** Every candidate a declaration reads, on the pilot and through its references. */
  candidates(reads: CheckReads | undefined): LocatedCandidate[] {
    const out: LocatedCandidate[] = [];
    walkReads(reads, (r, path) => {
      if (!r.links?.length && !r.keys?.length && !r.annotations?.length) return;
      for (const node of this.nodesAt(path)) {
        const where = node === this.node ? '' : ` (on ${node.ref})`;
        const urls = new Set(r.urls ?? []);
        for (const type of r.links ?? [])
          out.push(...this.links(node, type, where));
        for (const key of r.keys ?? [])
          out.push(
            ...this.value(
              node,
              `${this.annotationPrefix}${key}`,
              urls.has(key),
              true,
              where,
            ),
          );
        for (const name of r.annotations ?? [])
          out.push(...this.value(node, name, urls.has(name), false, where));
      }
    });
    return out;
  }

  /** The candidates claimed by a claimer, as items (duplicates left out). */
  items(
    reads: CheckReads | undefined,
    claimers: readonly EvidenceClaimer[],
  ): LocatedItem[] {
    const out: LocatedItem[] = [];
    if (!claimers.length) return out;
    const seen = new Set<string>();
    for (const { entityKey, candidate } of this.candidates(reads)) {
      for (const claimer of claimers) {
        const target = claimer.claim(candidate);
        if (target === undefined) continue;
        const id = `${claimer.id}\u0000${target}\u0000${candidate.source}`;
        if (!seen.has(id)) {
          seen.add(id);
          out.push({
            collector: claimer.id,
            target,
            source: candidate.source,
            entityKey,
            match:
              candidate.type === 'link'
                ? {
                    type: 'link',
                    linkType: candidate.linkType,
                    url: candidate.url,
                  }
                : {
                    type: 'value',
                    name: candidate.name,
                    value: candidate.value,
                  },
          });
        }
        break;
      }
    }
    return out;
  }

  /** The entities a path of references leads to (the pilot for []). */
  private nodesAt(path: readonly ReferenceRead[]): GraphNode[] {
    let nodes = [this.node];
    let key = '';
    for (const ref of path) {
      key += `\u0000${ref.from}\u0001${ref.defaultKind ?? ''}`;
      let next = this.refMemo.get(key);
      if (!next) {
        const found = new Map<string, GraphNode>();
        for (const node of nodes)
          for (const target of this.follow(node, ref))
            found.set(target.key, target);
        next = [...found.values()];
        this.refMemo.set(key, next);
      }
      nodes = next;
    }
    return nodes;
  }

  private follow(node: GraphNode, ref: ReferenceRead): GraphNode[] {
    const out: GraphNode[] = [];
    const add = (key: string | undefined) => {
      const target = key === undefined ? undefined : this.graph.get(key);
      if (target) out.push(target);
    };
    const single = SINGLE_FIELDS[ref.from];
    const list = LIST_FIELDS[ref.from];
    if (single) {
      add(readRefField(node, single, true)?.parsed.key);
    } else if (list) {
      for (const r of readRefList(node, list, true)) add(r.parsed.key);
    } else if (!ref.from.startsWith('spec.')) {
      const name = `${this.annotationPrefix}${ref.from}`;
      const value =
        entryOf(node.entity, 'labels', name) ??
        entryOf(node.entity, 'annotations', name);
      for (const part of value?.split(',') ?? []) {
        add(
          parseRef(part.trim(), {
            defaultKind: ref.defaultKind,
            defaultNamespace: node.namespace,
          })?.key,
        );
      }
    }
    return out;
  }

  private links(
    node: GraphNode,
    type: string,
    where: string,
  ): LocatedCandidate[] {
    const id = `${node.key}\u0000link\u0000${type}`;
    let out = this.memo.get(id);
    if (!out) {
      out = [];
      const metadata = (node.entity as any)?.metadata;
      const links = isRecord(metadata) ? metadata.links : undefined;
      if (Array.isArray(links)) {
        for (const link of links) {
          if (
            isRecord(link) &&
            link.type === type &&
            typeof link.url === 'string'
          ) {
            out.push({
              entityKey: node.key,
              candidate: {
                type: 'link',
                linkType: type,
                url: link.url,
                source: `links[${type}]${where}`,
              },
            });
          }
        }
      }
      this.memo.set(id, out);
    }
    return out;
  }

  private value(
    node: GraphNode,
    name: string,
    isUrl: boolean,
    labelsFirst: boolean,
    where: string,
  ): LocatedCandidate[] {
    const id = `${node.key}\u0000value\u0000${name}\u0000${labelsFirst}\u0000${isUrl}`;
    let out = this.memo.get(id);
    if (!out) {
      out = [];
      const order: Array<'labels' | 'annotations'> = labelsFirst
        ? ['labels', 'annotations']
        : ['annotations', 'labels'];
      for (const map of order) {
        const value = entryOf(node.entity, map, name);
        if (value === undefined) continue;
        out.push({
          entityKey: node.key,
          candidate: {
            type: 'value',
            name,
            value,
            isUrl,
            source: `${map}[${name}]${where}`,
          },
        });
        break;
      }
      this.memo.set(id, out);
    }
    return out;
  }
}

/**
 * The items a declaration reads on a pilot (and on the entities its
 * references name), claimed by the first of `claimers` that claims each
 * candidate. Without claimers: none. @public
 */
export function evidenceItemsFor(
  reads: CheckReads | undefined,
  node: GraphNode,
  graph: EntityGraph,
  claimers: readonly EvidenceClaimer[],
  options: { annotationPrefix: string },
): EvidenceItemRead[] {
  return new EvidenceScan(node, graph, options.annotationPrefix)
    .items(reads, claimers)
    .map(({ collector, target, source }) => ({ collector, target, source }));
}

/**
 * Every item each check of a pilot reads (ReadinessEngine.evidenceItems):
 * the candidates are read once per pilot, whatever the number of checks
 * that declare them.
 */
export function pilotEvidenceItems(
  checks: readonly { id: string; reads?: CheckReads }[],
  node: GraphNode,
  graph: EntityGraph,
  annotationPrefix: string,
  claimers: readonly EvidenceClaimer[],
): PilotEvidenceItem[] {
  const out: PilotEvidenceItem[] = [];
  if (!claimers.length) return out;
  const scan = new EvidenceScan(node, graph, annotationPrefix);
  for (const check of checks) {
    for (const item of scan.items(check.reads, claimers)) {
      out.push({
        checkId: check.id,
        collector: item.collector,
        target: item.target,
        source: item.source,
      });
    }
  }
  return out;
}

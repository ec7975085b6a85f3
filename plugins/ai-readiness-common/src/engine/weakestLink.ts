/*
 * The weakest link (rubric "Levels"): a pilot is no higher than the lowest
 * uncapped level among the pilots it reaches through spec.dependsOn (with
 * spec.dependencyOf on the other side) and spec.handoffs, through pilots
 * only. One pass over the pilot graph: strongly connected components
 * (iterative Tarjan), each with the lowest level it reaches, linear in
 * pilots and edges.
 */
import type { CheckReads } from '../checks/types';
import type { ReadinessLevel, ScorecardCap } from '../types';
import { EntityGraph, GraphNode, readDependsOn, readRefList } from './graph';
import { compareLevels } from './levels';

/** What the weakest link follows: a reached pilot is then scored with all its reads (missingRefs). */
export const WEAKEST_LINK_READS: CheckReads = {
  refs: [
    { from: 'spec.dependsOn', reads: { fields: ['spec.type'] } },
    { from: 'spec.handoffs', reads: { fields: ['spec.type'] } },
  ],
};

/** The lowest level a component reaches, and the pilots at it. */
interface Lowest {
  level: ReadinessLevel;
  refs: Set<string>;
}

function lower(into: Lowest | undefined, other: Lowest): Lowest {
  if (!into) return { level: other.level, refs: new Set(other.refs) };
  const order = compareLevels(other.level, into.level);
  if (order < 0) return { level: other.level, refs: new Set(other.refs) };
  if (order === 0) for (const ref of other.refs) into.refs.add(ref);
  return into;
}

const NO_EDGES: GraphNode[] = Object.freeze([]) as unknown as GraphNode[];

/** `edges` with `target` added when it is another pilot not listed yet. */
function withEdge(
  edges: GraphNode[] | undefined,
  from: GraphNode,
  target: GraphNode | undefined,
  isPilot: (node: GraphNode) => boolean,
): GraphNode[] | undefined {
  // References that do not resolve cap nothing; the chain passes through
  // pilots only. A pilot reaches few others: a list search beats a set.
  if (!target || target === from || target.key === from.key) return edges;
  if (edges?.includes(target) || !isPilot(target)) return edges;
  if (!edges) return [target];
  edges.push(target);
  return edges;
}

/** The pilots a pilot depends on or hands off to, in the graph. */
export function weakestLinkEdges(
  node: GraphNode,
  graph: EntityGraph,
  isPilot: (node: GraphNode) => boolean,
  /** What it depends on and hands off to, when already read (a scored pilot's), resolved in the graph. */
  known?: readonly { node?: GraphNode }[],
): GraphNode[] {
  let edges: GraphNode[] | undefined;
  if (known) {
    for (let i = 0; i < known.length; i++)
      edges = withEdge(edges, node, known[i].node, isPilot);
    return edges ?? NO_EDGES;
  }
  for (const dep of readDependsOn(node, graph, true))
    edges = withEdge(edges, node, graph.get(dep.parsed.key), isPilot);
  // spec.handoffs has no catalog relation: read the field only where it is.
  const spec = (node.entity as { spec?: { handoffs?: unknown } }).spec;
  if (Array.isArray(spec?.handoffs))
    for (const agent of readRefList(node, 'handoffs', true))
      edges = withEdge(edges, node, graph.get(agent.parsed.key), isPilot);
  return edges ?? NO_EDGES;
}

/**
 * The cap of each start node: null when nothing it reaches is below its own
 * level; otherwise the lowest reachable level and the refs of the pilots at
 * it (sorted).
 */
export function weakestLinks(
  starts: readonly GraphNode[],
  graph: EntityGraph,
  isPilot: (node: GraphNode) => boolean,
  uncappedLevel: (node: GraphNode) => ReadinessLevel,
  /** Per node key, its edges (weakestLinkEdges) where the caller has them; filled here for the rest. */
  edgesMemo: Map<string, GraphNode[]> = new Map(),
): Map<string, ScorecardCap | null> {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: GraphNode[] = [];
  /** Per node key: the lowest level its component reaches. */
  const reach = new Map<string, Lowest>();
  let counter = 0;
  const edgesOf = (node: GraphNode) => {
    let edges = edgesMemo.get(node.key);
    if (!edges) {
      edges = weakestLinkEdges(node, graph, isPilot);
      edgesMemo.set(node.key, edges);
    }
    return edges;
  };

  const visit = (root: GraphNode) => {
    const frames: { node: GraphNode; edges: GraphNode[]; next: number }[] = [];
    const open = (node: GraphNode) => {
      index.set(node.key, counter);
      lowLink.set(node.key, counter);
      counter++;
      stack.push(node);
      onStack.add(node.key);
      frames.push({ node, edges: edgesOf(node), next: 0 });
    };
    open(root);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      if (frame.next < frame.edges.length) {
        const target = frame.edges[frame.next++];
        if (!index.has(target.key)) open(target);
        else if (onStack.has(target.key))
          lowLink.set(
            frame.node.key,
            Math.min(lowLink.get(frame.node.key)!, index.get(target.key)!),
          );
        continue;
      }
      frames.pop();
      const { node } = frame;
      const parent = frames[frames.length - 1];
      if (lowLink.get(node.key) === index.get(node.key)) {
        // A component closes: its members, and what their edges reach outside it.
        const members: GraphNode[] = [];
        let member: GraphNode;
        do {
          member = stack.pop()!;
          onStack.delete(member.key);
          members.push(member);
        } while (member.key !== node.key);
        let lowest: Lowest | undefined;
        for (const m of members) {
          lowest = lower(lowest, {
            level: uncappedLevel(m),
            refs: new Set([m.ref]),
          });
          for (const target of edgesOf(m)) {
            const outside = reach.get(target.key);
            if (outside) lowest = lower(lowest, outside);
          }
        }
        for (const m of members) reach.set(m.key, lowest!);
      }
      if (parent)
        lowLink.set(
          parent.node.key,
          Math.min(lowLink.get(parent.node.key)!, lowLink.get(node.key)!),
        );
    }
  };

  const caps = new Map<string, ScorecardCap | null>();
  for (const start of starts) {
    // Most pilots reach no other pilot: nothing to walk, nothing to cap.
    if (!edgesOf(start).length) {
      caps.set(start.key, null);
      continue;
    }
    if (!index.has(start.key)) visit(start);
    const own = uncappedLevel(start);
    const lowest = reach.get(start.key);
    caps.set(
      start.key,
      lowest && compareLevels(lowest.level, own) < 0
        ? { level: lowest.level, by: [...lowest.refs].sort() }
        : null,
    );
  }
  return caps;
}

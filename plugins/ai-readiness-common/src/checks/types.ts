import type { Entity } from '@backstage/catalog-model';
import type { DimensionId, Remediation } from '../types';
import type { EntityGraph, GraphNode, ResolvedRef } from '../engine/graph';
import type { AiReadinessConfig } from '../config/schema';

/** What a check's evaluate returns; `waived` is decided by the engine. @public */
export interface CheckOutcome {
  status: 'pass' | 'partial' | 'fail' | 'error' | 'not-applicable';
  /** One line naming what was found: the field, the value, the missing references. */
  message: string;
}

/**
 * A check: a small declarative unit. Adding one to the rubric means adding
 * one of these to a list (built-in: `src/checks/builtin/<dimension>.ts`;
 * from a backend module: the `aiReadinessChecksExtensionPoint`; from config:
 * `aiReadiness.customChecks`). @public
 */
export interface CheckDefinition {
  id: string;
  dimension: DimensionId;
  title: string;
  /** ★ in the rubric: must pass for L3. */
  gate?: boolean;
  /** NIST AI RMF subcategories, e.g. "GOVERN 2.1". */
  frameworks: readonly string[];
  /** Whether a waiver annotation can waive it (default true). */
  waivable?: boolean;
  /** What to add to catalog-info.yaml; keys are written with the default `ai-readiness/` prefix. */
  remediation: Remediation;
  /**
   * What the check reads of a pilot and of the entities it names. The engine
   * derives from these declarations alone: the references to fetch for one
   * pilot (on-demand and dry-run evaluation), the catalog kinds and fields a
   * full refresh needs, and the evidence items the check relies on. A check
   * that reads something it does not declare still works on a full graph, but
   * gets nothing fetched for it and no evidence.
   */
  reads?: CheckReads;
  /** Pure and synchronous; throw MalformedFieldError (or let a reader throw it) for bad input. */
  evaluate(ctx: CheckContext): CheckOutcome;
}

/**
 * What a check reads of one entity (the pilot, or an entity a reference
 * names). Every list is optional. @public
 */
export interface CheckReads {
  /** Rubric keys without the prefix ('risk-tier'), read as labels or annotations. */
  keys?: readonly string[];
  /** Other annotations or labels by their full name ('pagerduty.com/service-id'). */
  annotations?: readonly string[];
  /** Types of `metadata.links` items ('rollback-plan'). */
  links?: readonly string[];
  /**
   * The names, among `keys` and `annotations`, whose value may be an http(s)
   * URL that a collector can verify ('input-schema', 'datadoghq.com/dashboard-url').
   */
  urls?: readonly string[];
  /** Plain fields of the entity ('spec.lifecycle', 'spec.type', 'spec.profile.email', 'spec.definition'). */
  fields?: readonly string[];
  /** Relations of the entity read as they come from the catalog ('hasMember', 'apiConsumedBy'). */
  relations?: readonly string[];
  /** References the check follows, with what it reads on each entity they name. */
  refs?: readonly ReferenceRead[];
}

/** A reference-valued field that a check follows. @public */
export interface ReferenceRead {
  /**
   * Where the reference is written: a spec field ('spec.owner', 'spec.system',
   * 'spec.dependsOn', 'spec.providesApis', 'spec.consumesApis', 'spec.parent',
   * 'spec.memberOf') or a rubric key without the prefix ('business-owner'),
   * whose value may be a comma-separated list of references.
   */
  from: string;
  /**
   * The kind of a value written without one. Spec fields follow the catalog's
   * defaults when this is absent; a rubric key without it must name its kind.
   */
  defaultKind?: string;
  /** What the check reads on each entity the reference names. */
  reads?: CheckReads;
}

/** Everything a check may read about one pilot. Readers are memoised per pilot. @public */
export interface CheckContext {
  readonly entity: Entity;
  readonly node: GraphNode;
  readonly graph: EntityGraph;
  readonly config: AiReadinessConfig;
  /** The evaluation date, YYYY-MM-DD, and as a day number. */
  readonly asOf: string;
  readonly asOfDay: number;
  /** The full name of a rubric key with the configured prefix, e.g. "ai-readiness/risk-tier". */
  k(key: string): string;
  /** A rubric key's value (label wins over annotation); undefined when absent or empty. */
  key(key: string): string | undefined;
  /** Any annotation by its full name (e.g. "pagerduty.com/service-id"). */
  annotation(name: string): string | undefined;
  /** Any label or annotation by its full name, the label winning. */
  labelOrAnnotation(name: string): string | undefined;
  /** Whether metadata.links has an http(s) link of this type (a non-http(s) one throws). */
  hasLink(type: string): boolean;
  /** spec.owner (or the ownedBy relation), resolved. */
  owner(): ResolvedRef | undefined;
  /** The owner when it resolves to a Group. */
  ownerGroup(): GraphNode | undefined;
  /** spec.system (or partOf a System), resolved. */
  system(): ResolvedRef | undefined;
  /** spec.dependsOn (and dependsOn relations), plus the entities naming the pilot in spec.dependencyOf. */
  dependsOn(): ResolvedRef[];
  providesApis(): ResolvedRef[];
  consumesApis(): ResolvedRef[];
  /** What the pilot uses: dependsOn and consumesApis, without duplicates. */
  uses(): ResolvedRef[];
  /** spec.handoffs: the agents the pilot hands work to (kind AiResource by default). */
  handoffs(): ResolvedRef[];
  /** The pilots that hand work off to this one. */
  handedOffBy(): GraphNode[];
  /** Whether a node of the graph is an AI pilot. */
  isPilot(node: GraphNode): boolean;
  isDataResource(node: GraphNode | undefined): boolean;
  /** Model endpoints and model Resources. */
  isModelDependency(node: GraphNode | undefined): boolean;
  /** Model servers and gateways (Components, APIs, endpoint kinds). */
  isModelEndpoint(node: GraphNode | undefined): boolean;
  /** APIs of a tool-server type (mcp-server). */
  isToolServer(node: GraphNode | undefined): boolean;
  /** The first on-call annotation found on the pilot or its owner Group, as "annotation (on where)". */
  onCallRoute(): string | undefined;
  /**
   * Resolves the value of a rubric key as an entity reference. Throws
   * MalformedFieldError naming the key when it is not a reference (no kind
   * and no default kind).
   */
  resolveKey(key: string, value: string, defaultKind?: string): ResolvedRef;
  /** Like resolveKey, undefined instead of throwing. */
  tryResolve(value: string, defaultKind?: string): ResolvedRef | undefined;
}

/** @public */
export const pass = (message: string): CheckOutcome => ({
  status: 'pass',
  message,
});
/** @public */
export const partial = (message: string): CheckOutcome => ({
  status: 'partial',
  message,
});
/** @public */
export const fail = (message: string): CheckOutcome => ({
  status: 'fail',
  message,
});
/** @public */
export const notApplicable = (message: string): CheckOutcome => ({
  status: 'not-applicable',
  message,
});

/** A value quoted in a message, cut to a readable length. @public */
export function short(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max - 3)}...` : value;
}

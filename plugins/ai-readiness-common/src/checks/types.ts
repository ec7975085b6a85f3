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
  /** Pure and synchronous; throw MalformedFieldError (or let a reader throw it) for bad input. */
  evaluate(ctx: CheckContext): CheckOutcome;
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
  dependsOn(): ResolvedRef[];
  providesApis(): ResolvedRef[];
  consumesApis(): ResolvedRef[];
  isDataResource(node: GraphNode | undefined): boolean;
  isModelDependency(node: GraphNode | undefined): boolean;
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

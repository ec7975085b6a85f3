/*
 * Entity references for the backend, the frontend and the CLI: one place that
 * normalises them, built on the catalog's own parseEntityRef and
 * stringifyEntityRef so that the plugin compares refs exactly as the catalog
 * does (case-insensitively, namespace "default" when absent).
 *
 * The engine's hot path keeps its own non-throwing parser (util/refs.ts):
 * it parses millions of values per refresh and reports bad ones by field.
 */
import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Defaults applied to a reference written without a kind or a namespace. @public */
export interface EntityRefDefaults {
  defaultKind?: string;
  defaultNamespace?: string;
}

/** What can be normalised: a reference string, its compound form, or an entity. @public */
export type EntityRefInput =
  | string
  | { kind?: string; namespace?: string; name: string }
  | Entity;

function compound(
  ref: EntityRefInput,
  defaults: EntityRefDefaults,
): CompoundEntityRef {
  if (typeof ref !== 'string' && 'metadata' in ref) {
    return {
      kind: ref.kind,
      namespace: ref.metadata.namespace || DEFAULT_NAMESPACE,
      name: ref.metadata.name,
    };
  }
  return parseEntityRef(ref, {
    defaultKind: defaults.defaultKind,
    defaultNamespace: defaults.defaultNamespace ?? DEFAULT_NAMESPACE,
  });
}

/**
 * The lookup key of a reference: `kind:namespace/name` as the catalog's
 * stringifyEntityRef writes it (every part lower-cased). Stored scorecards,
 * owner and system filters and visibility sets are keyed by it. Throws (the
 * catalog's error) when the value is not a reference.
 *
 * @public
 */
export function entityRefKey(
  ref: EntityRefInput,
  defaults: EntityRefDefaults = {},
): string {
  return stringifyEntityRef(compound(ref, defaults));
}

/**
 * Like {@link entityRefKey}, undefined instead of throwing (for values read
 * from entities, which may hold anything).
 *
 * @public
 */
export function tryEntityRefKey(
  ref: unknown,
  defaults: EntityRefDefaults = {},
): string | undefined {
  if (!ref || (typeof ref !== 'string' && typeof ref !== 'object'))
    return undefined;
  try {
    return entityRefKey(ref as EntityRefInput, defaults);
  } catch {
    return undefined;
  }
}

/**
 * The compound form of a reference (kind and namespace defaulted, case kept),
 * or undefined when the value is not a reference: e.g. a summary group key
 * such as "(none)".
 *
 * @public
 */
export function tryParseEntityRef(
  ref: unknown,
  defaults: EntityRefDefaults = {},
): CompoundEntityRef | undefined {
  if (typeof ref !== 'string' || !ref || /\s/.test(ref)) return undefined;
  try {
    return compound(ref, defaults);
  } catch {
    return undefined;
  }
}

/**
 * The route parameters of an entity page (`/catalog/:namespace/:kind/:name`,
 * `/scorecards/:namespace/:kind/:name`): kind and namespace lower-cased as the
 * catalog's routes write them, the name as given.
 *
 * @public
 */
export function entityRouteParams(
  ref: EntityRefInput,
  defaults: EntityRefDefaults = {},
): { namespace: string; kind: string; name: string } {
  const { kind, namespace, name } = compound(ref, defaults);
  return {
    namespace: namespace.toLocaleLowerCase('en-US'),
    kind: kind.toLocaleLowerCase('en-US'),
    name,
  };
}

/** The route parameters as a path, each part URL-encoded: `default/component/x`. @public */
export function entityRoutePath(
  ref: EntityRefInput,
  defaults: EntityRefDefaults = {},
): string {
  const { namespace, kind, name } = entityRouteParams(ref, defaults);
  return [namespace, kind, name].map(encodeURIComponent).join('/');
}

/** The lookup key of an entity page's route parameters. @public */
export function entityRefKeyFromRouteParams(params: {
  namespace: string;
  kind: string;
  name: string;
}): string {
  return entityRefKey({
    kind: params.kind,
    namespace: params.namespace,
    name: params.name,
  });
}

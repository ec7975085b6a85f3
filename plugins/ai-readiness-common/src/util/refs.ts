/*
 * Entity references, parsed the way the catalog does: `[kind:][namespace/]name`,
 * compared case-insensitively. Never throws: a value that is not a reference
 * comes back as undefined so that callers can report the field.
 */

/** A parsed reference. `key` is the lower-cased form used for lookups. */
export interface ParsedRef {
  kind: string;
  namespace: string;
  name: string;
  /** kind:namespace/name, lower-cased: the graph's key. */
  key: string;
}

const NAME_PATTERN = /^[^\s:/]+$/;

/** Lower-cased lookup key of kind, namespace and name. */
export function refKey(kind: string, namespace: string, name: string): string {
  return `${kind}:${namespace}/${name}`.toLowerCase();
}

/**
 * Parses a reference. Without a kind in the value, `defaultKind` is used; when
 * there is neither, the value is not a reference (undefined).
 */
export function parseRef(
  value: unknown,
  defaults: { defaultKind?: string; defaultNamespace?: string },
): ParsedRef | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text || text.length > 1024) return undefined;
  let kind: string | undefined;
  let rest = text;
  const colon = text.indexOf(':');
  if (colon >= 0) {
    kind = text.slice(0, colon);
    rest = text.slice(colon + 1);
    // "https://..." and the like are URLs, not references.
    if (rest.startsWith('//')) return undefined;
  }
  let namespace: string | undefined;
  let name = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    namespace = rest.slice(0, slash);
    name = rest.slice(slash + 1);
  }
  kind = kind ?? defaults.defaultKind;
  namespace = namespace ?? defaults.defaultNamespace ?? 'default';
  if (!kind || !NAME_PATTERN.test(kind)) return undefined;
  if (!NAME_PATTERN.test(namespace) || !NAME_PATTERN.test(name))
    return undefined;
  const lowerKind = kind.toLowerCase();
  return {
    kind: lowerKind,
    namespace,
    name,
    // A full reference is its own key once lower-cased (usually it already
    // is, and then no new string is made).
    key:
      colon >= 0 && slash >= 0
        ? text.toLowerCase()
        : refKey(lowerKind, namespace, name),
  };
}

/** The display form: kind lower-cased, namespace and name as written. */
export function displayRef(ref: ParsedRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`;
}

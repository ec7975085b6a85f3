/*
 * Reading a pilot's metadata: label and annotation values as text (a list or
 * a map where text belongs is malformed), and the string helpers the hot
 * path uses to keep fewer and smaller strings.
 */
import { isSafeHttpUrl } from '../util/urls';
import type { Entity } from '@backstage/catalog-model';
import { isRecord, MalformedFieldError } from './graph';

/** The risk tiers a pilot may declare (EU AI Act). */
export const RISK_TIERS = ['minimal', 'limited', 'high', 'prohibited'];

/**
 * The pilot's risk tier when it is one of the known values. A metadata
 * reader: the SEC-1 check and the scorecard's level rules both read it.
 */
export function riskTierOf(value: string | undefined): string | undefined {
  const tier = value?.toLowerCase();
  return tier && RISK_TIERS.includes(tier) ? tier : undefined;
}

/**
 * Reads a string-valued key from labels, then annotations. Numbers and
 * booleans (raw YAML) are read as text; lists and maps are malformed.
 */
export function readMetadataValue(
  entity: Entity,
  name: string,
  labelsFirst: boolean,
): string | undefined {
  const metadata = (entity as any).metadata;
  if (!isRecord(metadata)) return undefined;
  const label = labelsFirst
    ? readMapValue(metadata.labels, 'labels', name)
    : undefined;
  return label ?? readMapValue(metadata.annotations, 'annotations', name);
}

/** One entry of metadata.labels or metadata.annotations as text. */
function readMapValue(
  map: unknown,
  where: 'labels' | 'annotations',
  name: string,
): string | undefined {
  if (map === undefined || map === null) return undefined;
  if (!isRecord(map))
    throw new MalformedFieldError(`metadata.${where}`, map, 'a map of strings');
  return textOf(name, map[name]);
}

/** Reads one metadata map entry as text. */
export function readEntry(
  map: Map<string, unknown> | undefined,
  name: string,
): string | undefined {
  return map && textOf(name, map.get(name));
}

/** A metadata value as text: blank is absent, lists and maps are malformed. */
function textOf(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  throw new MalformedFieldError(name, value, 'a string');
}

/**
 * A metadata map (annotations or labels) copied once into a Map: every
 * pilot's annotations object has its own shape, so repeated property reads on
 * it would go through V8's slow megamorphic path; Map lookups do not.
 */
export function metadataMap(
  entity: Entity,
  where: 'labels' | 'annotations',
): Map<string, unknown> | undefined | MalformedFieldError {
  const metadata = (entity as any).metadata;
  const map = isRecord(metadata) ? metadata[where] : undefined;
  if (map === undefined || map === null) return undefined;
  if (!isRecord(map))
    return new MalformedFieldError(
      `metadata.${where}`,
      map,
      'a map of strings',
    );
  const keys = Object.keys(map);
  if (!keys.length) return undefined;
  const out = new Map<string, unknown>();
  for (const key of keys) out.set(key, map[key]);
  return out;
}

/** Whether a metadata map (metadataMap's) has a key that starts with the prefix. */
export function hasKeyStartingWith(
  map: Map<string, unknown> | undefined | MalformedFieldError,
  prefix: string,
): boolean {
  if (!(map instanceof Map)) return false;
  for (const key of map.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

/**
 * The same string as a property key the engine has seen before: V8 looks up
 * built (concatenated) strings in its string table on every property access,
 * an interned one only once.
 */
export function internalize(text: string): string {
  return Object.keys({ [text]: true })[0];
}

/**
 * The same text as one flat string: a message built by concatenation is a
 * tree of pieces until something reads its characters, and a scorecard that
 * keeps it would keep every piece (the engine bench: about 200 bytes less
 * per kept message, and less to copy in each garbage collection).
 */
export function flatten(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Whether another entity's metadata.links has an http(s) link of this type (malformed links read as absent). */
export function hasHttpLink(entity: unknown, type: string): boolean {
  const links = (entity as { metadata?: { links?: unknown } } | undefined)
    ?.metadata?.links;
  return (
    Array.isArray(links) &&
    links.some(
      (l: any) =>
        typeof l === 'object' &&
        l !== null &&
        l.type === type &&
        isSafeHttpUrl(l.url),
    )
  );
}

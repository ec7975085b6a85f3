/*
 * The YAML an owner edits in the preview: the entity as written in its
 * catalog-info.yaml (without what the catalog adds), and "Fix all" merged
 * into it without touching the owner's own values or comments.
 */
import type { Entity } from '@backstage/catalog-model';
import { Document, isMap, isSeq, parseAllDocuments, stringify } from 'yaml';

/** Annotations the catalog adds while ingesting (not in the owner's file). */
const CATALOG_ANNOTATIONS = [
  'backstage.io/managed-by-location',
  'backstage.io/managed-by-origin-location',
];

/** The entity as its owner wrote it: no relations, status, uid, etag or managed-by annotations. */
export function draftYamlOf(entity: Entity): string {
  const { relations, status, ...rest } = entity as Entity & {
    status?: unknown;
  };
  void relations;
  void status;
  const { uid, etag, generation, ...metadata } =
    rest.metadata as Entity['metadata'] & {
      generation?: number;
    };
  void uid;
  void etag;
  void generation;
  const annotations = Object.fromEntries(
    Object.entries(metadata.annotations ?? {}).filter(
      ([key]) => !CATALOG_ANNOTATIONS.includes(key),
    ),
  );
  // In the order catalog-info.yaml files are written (the API sends metadata first).
  const { apiVersion, kind, metadata: _written, ...others } = rest;
  void _written;
  const clean: Entity = {
    apiVersion,
    kind,
    metadata: {
      ...metadata,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    ...others,
  };
  if (!Object.keys(annotations).length) delete clean.metadata.annotations;
  return stringify(clean, { lineWidth: 0 });
}

function addMissing(doc: Document.Parsed, path: string[], value: unknown) {
  const existing = doc.getIn(path, true);
  if (existing === undefined) {
    doc.setIn(path, value);
    return;
  }
  if (Array.isArray(value) && isSeq(existing)) {
    const have = new Set(
      existing.items.map(item =>
        JSON.stringify((item as any)?.toJSON?.() ?? item),
      ),
    );
    for (const item of value) {
      if (!have.has(JSON.stringify(item))) doc.addIn(path, item);
    }
    return;
  }
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    isMap(existing)
  ) {
    for (const [key, child] of Object.entries(value)) {
      addMissing(doc, [...path, key], child);
    }
  }
  // A value the owner already set is theirs: left as it is.
}

/** A document's text without its leading --- (added again when joining). */
function docText(doc: Document.Parsed): string {
  return doc.toString().replace(/^---[^\S\n]*\n/, '');
}

/**
 * Merges a "Fix all" snippet (mergeRemediations) into the draft: keys the
 * draft lacks are added, list items appended, the owner's values and comments
 * kept; whole entities of the snippet (a missing group...) follow as extra
 * documents. A draft that is not valid YAML is returned with the snippet
 * appended, for the owner to sort out.
 */
export function applyRemediations(text: string, snippet: string): string {
  if (!snippet.trim()) return text;
  const docs = parseAllDocuments(text);
  const first = Array.isArray(docs) ? docs[0] : undefined;
  if (!first || first.errors.length || !isMap(first.contents)) {
    return `${text.replace(/\n*$/, '\n')}# Fix all\n${snippet}`;
  }
  const extra: string[] = [];
  for (const part of parseAllDocuments(snippet) as ReturnType<
    typeof parseAllDocuments
  > &
    any[]) {
    const value = part.toJS();
    if (!value || typeof value !== 'object') continue;
    if ('kind' in value) {
      extra.push(docText(part));
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      addMissing(first, [key], child);
    }
  }
  const rest = (docs as any[]).slice(1).map(docText);
  return [first.toString(), ...rest, ...extra].join('---\n');
}

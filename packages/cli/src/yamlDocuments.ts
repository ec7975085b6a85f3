/*
 * Catalog YAML text into documents with the line each starts on: a fast path
 * on js-yaml's event parser, and the yaml package (the catalog's own parser)
 * for everything the fast path hands over.
 */
import { constructFromEvents, EVENT_ID, parseEvents } from 'js-yaml';
import type { Event } from 'js-yaml';
import { LineCounter, parseAllDocuments } from 'yaml';

/** The one-line gist of a yaml error message (it carries a code excerpt after the first line). */
function yamlErrorGist(message: string): string {
  const first = message.split('\n')[0].trim();
  return first.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}

export interface ParsedDoc {
  line: number;
  value?: unknown;
  errors: { line: number | null; message: string }[];
}

/**
 * Parses one file's text into documents with their starting lines, with the
 * `yaml` package (the catalog's own parser): exact error positions and alias
 * limits. Slow on large catalogs, hence the fast path below.
 */
export function parseWithYamlPackage(text: string): ParsedDoc[] {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  const out: ParsedDoc[] = [];
  for (const doc of docs) {
    const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    if (doc.errors.length > 0) {
      // One mistake often yields several parser errors on its line (a stray
      // "- item" gives three); the first names the mistake, the rest follow
      // from it. One error per line.
      const seenLines = new Set<number>();
      const errors = [];
      for (const err of doc.errors) {
        const errLine =
          err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
        if (seenLines.has(errLine)) continue;
        seenLines.add(errLine);
        const col = err.linePos?.[0]?.col;
        const message = `invalid YAML: ${yamlErrorGist(err.message)}${
          col ? ` (column ${col})` : ''
        }`;
        errors.push({ line: errLine, message });
      }
      out.push({ line, errors });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      out.push({
        line,
        errors: [{ line, message: `invalid YAML: ${(e as Error).message}` }],
      });
      continue;
    }
    // An empty document (a lone --- or only comments) is no entity and no mistake.
    if (value === null || value === undefined) continue;
    out.push({ line, value, errors: [] });
  }
  return out;
}

/** Offsets of every newline, to turn offsets into 1-based lines. */
function newlines(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
    out.push(i);
  return out;
}

function lineAt(nl: number[], offset: number): number {
  let lo = 0;
  let hi = nl.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nl[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Where a document's root node starts (its tag or anchor included). */
function nodeStart(ev: Event | undefined): number {
  if (!ev) return -1;
  let offsets: number[];
  switch (ev.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      offsets = [ev.start, ev.anchorStart, ev.tagStart];
      break;
    case EVENT_ID.SCALAR:
      offsets = [ev.valueStart, ev.anchorStart, ev.tagStart];
      break;
    default:
      return -1;
  }
  const present = offsets.filter(o => o >= 0);
  return present.length ? Math.min(...present) : -1;
}

/**
 * The fast path: js-yaml's event parser (YAML 1.2 core schema, like the yaml
 * package's default), about ten times faster on large catalogs. Returns
 * undefined to hand the file to the yaml package: on any error (so errors are
 * always reported the same way) and when the file uses aliases (so the yaml
 * package's alias limits apply).
 */
export function parseFast(text: string): ParsedDoc[] | undefined {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, {});
    const starts: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      if (ev.type === EVENT_ID.ALIAS) return undefined;
      if (ev.type === EVENT_ID.DOCUMENT) starts.push(nodeStart(events[i + 1]));
    }
    values = constructFromEvents(events, { source: text });
    if (values.length !== starts.length) return undefined;
    const nl = newlines(text);
    const out: ParsedDoc[] = [];
    values.forEach((value, i) => {
      // An empty document (a lone --- or only comments) is no entity and no mistake.
      if (value === null || value === undefined) return;
      out.push({ line: lineAt(nl, Math.max(0, starts[i])), value, errors: [] });
    });
    return out;
  } catch {
    return undefined;
  }
}

/** Parses one file's text into documents with their starting lines. */
export function parseYamlDocuments(text: string): ParsedDoc[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return parseFast(source) ?? parseWithYamlPackage(source);
}

/**
 * The 1-based line of a field (`['metadata', 'name']`) in the document that
 * starts on `docLine`, read with the yaml package; undefined when the field
 * cannot be found. Only called for the rare entity the catalog would refuse.
 */
export function fieldLine(
  text: string,
  docLine: number,
  fieldPath: string[],
): number | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(source, { lineCounter });
  const docs = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) {
    const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    if (lineCounter.linePos(start).line !== docLine) continue;
    const node = doc.getIn(fieldPath, true) as
      | { range?: [number, number, number] }
      | undefined;
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  }
  return undefined;
}

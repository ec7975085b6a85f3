/*
 * "Fix all": every remediation of a scorecard merged into one snippet for the
 * entity's catalog-info.yaml. Maps are merged key by key (the first value of
 * a key wins), lists are concatenated without duplicates.
 */
import { parse, stringify } from 'yaml';
import type { Scorecard } from '../types';

type Json = unknown;

function mergeInto(target: Record<string, Json>, source: Record<string, Json>) {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing === undefined) {
      target[key] = value;
    } else if (Array.isArray(existing) && Array.isArray(value)) {
      const seen = new Set(existing.map(v => JSON.stringify(v)));
      for (const item of value) {
        const id = JSON.stringify(item);
        if (!seen.has(id)) {
          seen.add(id);
          existing.push(item);
        }
      }
    } else if (isMap(existing) && isMap(value)) {
      mergeInto(existing, value);
    }
  }
}

function isMap(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One YAML snippet closing every gap of the scorecard ('' when there is none).
 * Remediations that are whole entities of their own (a data source's owner, the
 * team's parent) follow as separate documents. @public
 */
export function mergeRemediations(card: Scorecard): string {
  const merged: Record<string, Json> = {};
  const unparsed: string[] = [];
  const separate: string[] = [];
  for (const dimension of card.dimensions) {
    for (const check of dimension.checks) {
      if (
        !check.remediation ||
        check.status === 'pass' ||
        check.status === 'not-applicable'
      )
        continue;
      try {
        const doc = parse(check.remediation.yaml);
        if (isMap(doc) && 'kind' in doc) {
          separate.push(
            `# ${check.id}: ${check.title}\n${stringify(doc, {
              lineWidth: 0,
            })}`,
          );
        } else if (isMap(doc)) {
          mergeInto(merged, doc);
        }
      } catch {
        unparsed.push(`# ${check.id}: remediation is not valid YAML\n`);
      }
    }
  }
  const docs = Object.keys(merged).length
    ? [stringify(merged, { lineWidth: 0 })]
    : [];
  docs.push(...separate);
  return unparsed.join('') + docs.join('---\n');
}

/*
 * Walking what checks declare they read (CheckDefinition.reads). Everything
 * derived from the declarations (references to fetch, catalog fields, evidence
 * items) goes through walkReads, so that the tree is read one way only.
 */
import type { CheckReads, ReferenceRead } from './types';

/**
 * Calls `visit` for the declaration and for each one nested under a
 * reference, with the path of references that leads to it ([] for the pilot
 * itself, [owner] for what is read on the owner, ...). @public
 */
export function walkReads(
  reads: CheckReads | undefined,
  visit: (reads: CheckReads, path: readonly ReferenceRead[]) => void,
  path: readonly ReferenceRead[] = [],
): void {
  if (!reads) return;
  visit(reads, path);
  for (const ref of reads.refs ?? []) {
    walkReads(ref.reads, visit, [...path, ref]);
  }
}

/** Several declarations as one (lists concatenated). @public */
export function mergeReads(...all: CheckReads[]): CheckReads {
  const out: Record<string, unknown[]> = {};
  for (const reads of all) {
    for (const [name, list] of Object.entries(reads)) {
      out[name] = [...(out[name] ?? []), ...(list as unknown[])];
    }
  }
  return out as CheckReads;
}

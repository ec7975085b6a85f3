/*
 * Which remediations a fix writes: the scorecard's failing checks, or the
 * ones asked for, each with the reason it is left out when it is.
 */
import type { CheckResult, Scorecard } from '../types';
import type { FixRemediation } from './types';

/** Statuses a fix closes by default: the check falls short and is not waived. */
const FAILING = new Set(['partial', 'fail', 'error']);

/** The remediations of a fix and what was left out. @public */
export interface FixSelection {
  remediations: FixRemediation[];
  notes: string[];
}

/**
 * The remediations to write for a scorecard: those of the checks asked for,
 * or of every failing check with a remediation when none are named. A check
 * in `error` (a malformed value) has its value replaced; for the others a
 * value already in the file is kept.
 *
 * @public
 */
export function selectFixes(card: Scorecard, checks?: string[]): FixSelection {
  const results = new Map<string, CheckResult>();
  for (const dimension of card.dimensions) {
    for (const check of dimension.checks) results.set(check.id, check);
  }
  const notes: string[] = [];
  let chosen: CheckResult[];
  if (checks?.length) {
    chosen = [];
    for (const id of new Set(checks)) {
      const check = results.get(id);
      if (!check) notes.push(`${id}: not a check of ${card.entityRef}`);
      else if (check.status === 'pass') notes.push(`${id}: already passes`);
      else if (check.status === 'not-applicable')
        notes.push(`${id}: does not apply to ${card.entityRef}`);
      else chosen.push(check);
    }
  } else {
    chosen = [...results.values()].filter(check => FAILING.has(check.status));
  }
  const remediations: FixRemediation[] = [];
  for (const check of chosen) {
    if (!check.remediation?.yaml) {
      notes.push(`${check.id}: has no remediation to write`);
      continue;
    }
    remediations.push({
      checkId: check.id,
      title: check.title,
      yaml: check.remediation.yaml,
      replace: check.status === 'error',
    });
  }
  return { remediations, notes };
}

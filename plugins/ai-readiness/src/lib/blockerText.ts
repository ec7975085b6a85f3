import { DIMENSION_TITLES } from '@ai-readiness/plugin-ai-readiness-common';

const DIMENSION_BLOCKER = /^dimension (\S+) (\d+(?:\.\d+)?) < (\d+(?:\.\d+)?)$/;

const percent = (share: string) => `${Math.round(Number(share) * 100)}%`;

/**
 * A blocker of the next level, or an item a campaign goal is missing, in
 * words: `dimension ownership 0.38 < 0.5` reads "Ownership 38%, needs 50%",
 * a check id reads with its title when `checkTitle` knows it ("SEC-1 Risk
 * tier declared"); anything else (e.g. a check with an unverified item) is
 * shown as the scorecard gives it.
 */
export function blockerText(
  blocker: string,
  checkTitle: (id: string) => string | undefined = () => undefined,
): string {
  const dimension = DIMENSION_BLOCKER.exec(blocker);
  if (dimension) {
    const [, id, score, min] = dimension;
    const title = (DIMENSION_TITLES as Record<string, string>)[id] ?? id;
    return `${title} ${percent(score)}, needs ${percent(min)}`;
  }
  const title = checkTitle(blocker);
  return title ? `${blocker} ${title}` : blocker;
}

/** Several blockers in words, separated so that each reads on its own. */
export function blockersText(
  blockers: readonly string[],
  checkTitle?: (id: string) => string | undefined,
): string {
  return blockers.map(b => blockerText(b, checkTitle)).join('; ');
}

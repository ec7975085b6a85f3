/*
 * The history and level-drop policy: what the evaluator records beside each
 * scorecard it stores. The store only writes what it is given.
 */
import {
  compareLevels,
  entityRefKey,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import type {
  HistoryDeletion,
  PreviousState,
  ScorecardStore,
  ScorecardWrite,
  WriteResult,
} from '../../database/ScorecardStore';

/** Scorecards planned and written per round trip: bounds what one write holds. */
const CHUNK = 200;

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long history is kept (config aiReadiness.history). */
export interface HistoryRetention {
  /** History rows older than this (milliseconds) are deleted. */
  maxAgeMs?: number;
  /** The same in days (the deprecated `maxAgeDays` key); `maxAgeMs` wins. */
  maxAgeDays?: number;
  /** Only this many of the newest rows are kept per pilot. */
  maxEntriesPerEntity?: number;
}

/**
 * What to record beside one scorecard, given what the store held before:
 * - a history row when the level or the score changed since the newest
 *   history row, or none exists for the evaluation's day (at least one point
 *   a day, no repeated points within a day);
 * - a level drop when the level is lower than the stored scorecard's, from
 *   another evaluation (writing the same evaluation again is no new drop).
 */
export function planWrite(
  card: Scorecard,
  previous: PreviousState | undefined,
): ScorecardWrite {
  const day = card.evaluatedAt.slice(0, 10);
  const last = previous?.lastHistory;
  const appendHistory =
    !last ||
    last.level !== card.level ||
    last.score !== card.score ||
    last.day !== day;
  const latest = previous?.latest;
  const dropped =
    latest &&
    latest.evaluatedAt !== card.evaluatedAt &&
    compareLevels(card.level, latest.level) < 0;
  return {
    card,
    appendHistory,
    ...(dropped
      ? {
          drop: {
            fromLevel: latest.level,
            previousEvaluatedAt: latest.evaluatedAt,
          },
        }
      : {}),
  };
}

/** Stores scorecards with the history rows and level drops the policy asks for. */
export async function recordScorecards(
  store: ScorecardStore,
  cards: Scorecard[],
): Promise<WriteResult> {
  // The last card of an entity wins when one is given twice.
  const byRef = new Map<string, Scorecard>();
  for (const card of cards) byRef.set(entityRefKey(card.entityRef), card);
  const refs = [...byRef.keys()];
  const result: WriteResult = { written: 0, historyRows: 0, drops: 0 };
  for (let i = 0; i < refs.length; i += CHUNK) {
    const chunk = refs.slice(i, i + CHUNK);
    const previous = await store.getPreviousStates(chunk);
    const written = await store.writeScorecards(
      chunk.map(ref => planWrite(byRef.get(ref)!, previous.get(ref))),
    );
    result.written += written.written;
    result.historyRows += written.historyRows;
    result.drops += written.drops;
  }
  return result;
}

/** The history rows the retention rules remove at `now`. */
export function retentionDeletion(
  retention: HistoryRetention,
  now: Date,
): HistoryDeletion {
  const maxAgeMs =
    retention.maxAgeMs ??
    (retention.maxAgeDays !== undefined
      ? retention.maxAgeDays * DAY_MS
      : undefined);
  return {
    ...(maxAgeMs !== undefined
      ? { before: new Date(now.getTime() - maxAgeMs).toISOString() }
      : {}),
    ...(retention.maxEntriesPerEntity !== undefined
      ? { keepPerEntity: retention.maxEntriesPerEntity }
      : {}),
  };
}

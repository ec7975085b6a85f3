/*
 * Campaign arithmetic shared by the backend and the frontend: the state on a
 * date, days left, and the ideal burn-up line.
 */
import { formatDay, parseIsoDate } from '../util/dates';
import type { CampaignState } from './types';

function day(date: string, what: string): number {
  const d = parseIsoDate(date);
  if (d === undefined)
    throw new TypeError(
      `${what} must be a date YYYY-MM-DD, found ${JSON.stringify(date)}`,
    );
  return d;
}

/**
 * The state of a campaign on `asOf` (YYYY-MM-DD): upcoming before the start;
 * from the start, done when every pilot in scope meets it, else active until
 * the deadline (inclusive) and overdue after it.
 * @public
 */
export function campaignState(
  campaign: { start: string; deadline: string },
  counts: { total: number; met: number },
  asOf: string,
): CampaignState {
  const today = day(asOf, 'asOf');
  if (today < day(campaign.start, 'start')) return 'upcoming';
  if (counts.met >= counts.total) return 'done';
  return today > day(campaign.deadline, 'deadline') ? 'overdue' : 'active';
}

/** Days from `asOf` to the deadline (negative once past). @public */
export function campaignDaysLeft(
  campaign: { deadline: string },
  asOf: string,
): number {
  return day(campaign.deadline, 'deadline') - day(asOf, 'asOf');
}

/**
 * The days of a campaign's progress: from the start to `asOf` or the
 * deadline, whichever comes first (empty before the start).
 * @public
 */
export function campaignDays(
  campaign: { start: string; deadline: string },
  asOf: string,
): string[] {
  const from = day(campaign.start, 'start');
  const to = Math.min(day(asOf, 'asOf'), day(campaign.deadline, 'deadline'));
  const out: string[] = [];
  for (let d = from; d <= to; d++) out.push(formatDay(d));
  return out;
}

/**
 * The straight line of a burn-up chart: 0 met at the start, `total` at the
 * deadline, for a given date.
 * @public
 */
export function idealMetOn(
  campaign: { start: string; deadline: string },
  total: number,
  date: string,
): number {
  const start = day(campaign.start, 'start');
  const span = day(campaign.deadline, 'deadline') - start;
  if (span <= 0) return total;
  const f = Math.min(1, Math.max(0, (day(date, 'date') - start) / span));
  return Math.round(f * total * 100) / 100;
}

/*
 * Calendar dates (YYYY-MM-DD) and ISO 8601 durations, in UTC. Dates are
 * handled as day numbers so that comparisons are exact and fast.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/;

/** Days since 1970-01-01 for a valid YYYY-MM-DD (or ISO date-time), else undefined. */
export function parseIsoDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_PATTERN.exec(value) ?? DATETIME_PATTERN.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return Math.floor(ms / 86400000);
}

/**
 * YYYY-MM-DD of a day number. Computed, not through Date (the engine bench:
 * monitoring checks print dates for every pilot); years outside 0000-9999 go
 * through Date for its extended-year form. @public
 */
export function formatDay(day: number): string {
  // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe -
      Math.floor(doe / 1460) +
      Math.floor(doe / 36524) -
      Math.floor(doe / 146096)) /
      365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const date = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999 || !Number.isInteger(day))
    return new Date(day * 86400000).toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${
    date < 10 ? '0' : ''
  }${date}`;
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A parsed ISO 8601 duration. */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  /** Hours, minutes and seconds together, in seconds. */
  seconds: number;
}

const DURATION_PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses PnYnMnWnDTnHnMnS; undefined when malformed or zero-length. */
export function parseIsoDuration(value: unknown): IsoDuration | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const m = DURATION_PATTERN.exec(value.trim());
  if (!m) return undefined;
  const n = (s: string | undefined) => (s ? Number(s) : 0);
  const duration = {
    years: n(m[1]),
    months: n(m[2]),
    weeks: n(m[3]),
    days: n(m[4]),
    seconds: n(m[5]) * 3600 + n(m[6]) * 60 + n(m[7]),
  };
  const total =
    duration.years +
    duration.months +
    duration.weeks +
    duration.days +
    duration.seconds;
  if (!Number.isFinite(total)) return undefined;
  return duration;
}

/** Adds a duration to a day number, months and years on the calendar. */
export function addDuration(day: number, d: IsoDuration): number {
  const date = new Date(day * 86400000);
  const y = date.getUTCFullYear() + d.years;
  const mo = date.getUTCMonth() + d.months;
  // Clamp the day of month (Jan 31 + P1M = Feb 28/29), as calendars do.
  const lastDay = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const dom = Math.min(date.getUTCDate(), lastDay);
  const base = Math.floor(Date.UTC(y, mo, dom) / 86400000);
  return base + d.weeks * 7 + d.days + Math.floor(d.seconds / 86400);
}

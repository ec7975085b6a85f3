/*
 * Values shared between scorecards when they are equal: most check results,
 * whole dimensions, next-level blockers and targets repeat from one pilot to
 * the next. Shared values are frozen, so no reader can change another
 * scorecard through them.
 */
import type { CheckResult, CheckStatus } from '../types';

/** Known values a cache compares with. */
const SHARED_PER_CACHE = 8;

/**
 * A cache's lookups and hits: once 1,000 lookups have been made and most
 * missed (the values are mostly unique), looking up costs more than it saves
 * and the cache switches itself off.
 */
class HitRate {
  private lookups = 0;
  private hits = 0;
  off = false;

  /** Counts a lookup; a miss may switch the cache off. */
  count(hit: boolean): void {
    this.lookups++;
    if (hit) this.hits++;
    else if (this.lookups >= 1000 && this.hits * 2 < this.lookups)
      this.off = true;
  }
}

/** Cache: a few recent values compared with a probe (no hashing). */
export class SharedValues<T extends object> {
  private readonly values: T[] = [];
  private readonly rate = new HitRate();

  /** Whether the cache still looks values up. */
  get active(): boolean {
    return !this.rate.off;
  }

  /** A value seen before that `same` finds equal to the probe. */
  find<P>(probe: P, same: (value: T, probe: P) => boolean): T | undefined {
    if (this.rate.off) return undefined;
    const { values } = this;
    for (let i = 0; i < values.length; i++) {
      if (same(values[i], probe)) {
        this.rate.count(true);
        return values[i];
      }
    }
    this.rate.count(false);
    return undefined;
  }

  /** A new value, frozen and remembered while there is room (as is when the cache is off). */
  remember(value: T): T {
    if (this.rate.off) return value;
    Object.freeze(value);
    if (this.values.length < SHARED_PER_CACHE) this.values.push(value);
    return value;
  }
}

const sameMessage = (result: CheckResult, message: string) =>
  result.message === message;

/** Messages kept per check and status beyond the recent ones. */
const SHARED_MESSAGES = 2048;

/**
 * Cache: scorecards share frozen result objects (less heap, less to copy in
 * each garbage collection). A probe is compared with the recent results first
 * (no hashing), then looked up by its message, so that a check whose messages
 * name one of a few hundred teams or models still shares its results: in the
 * engine bench's catalog of 20,000 pilots, 680,000 results are 63,000 objects
 * (188,000 with the recent results alone).
 */
export class SharedResults {
  private readonly byStatus = new Map<CheckStatus, SharedValues<CheckResult>>();
  private readonly byMessage = new Map<CheckStatus, Map<string, CheckResult>>();
  /** Of the lookups by message (hashing every message). */
  private readonly rate = new HitRate();

  constructor(
    private readonly make: (
      status: CheckStatus,
      message: string,
    ) => CheckResult,
  ) {}

  get(status: CheckStatus, message: string): CheckResult {
    let values = this.byStatus.get(status);
    if (!values) this.byStatus.set(status, (values = new SharedValues()));
    const recent = values.find(message, sameMessage);
    if (recent) return recent;
    if (this.rate.off) return values.remember(this.make(status, message));
    let byMessage = this.byMessage.get(status);
    if (!byMessage) this.byMessage.set(status, (byMessage = new Map()));
    let result = byMessage.get(message);
    this.rate.count(result !== undefined);
    if (!result) {
      result = this.make(status, message);
      if (byMessage.size < SHARED_MESSAGES)
        byMessage.set(message, Object.freeze(result));
      if (this.rate.off) this.byMessage.clear();
    }
    return values.remember(result);
  }
}

/** Whether two lists hold the same elements (by identity or string value). */
export function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

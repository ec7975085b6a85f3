import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CampaignConfig,
  CampaignDetail,
  CampaignProgressPoint,
  CampaignListItem,
  CampaignOwnerRollup,
  campaignDays,
  campaignState,
  entityRefKey,
  levelAtLeast,
  todayUtc,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardStore } from '../../database/ScorecardStore';
import type { CampaignStore } from '../../database/CampaignStore';
import type {
  CatalogVisibility,
  VisibleView,
} from '../CatalogVisibility/types';
import { HIDDEN_ENTITY, ScorecardRedactor } from '../Redactor/types';
import { ownerChain } from '../ScorecardQueries/createScorecardQueries';
import { NO_GROUP_KEY } from '../ScorecardQueries/types';
import { Member, Membership, readMembership } from './members';
import { CampaignQueries, DEFAULT_PILOTS_LIMIT } from './types';
import { rememberPromise } from '../rememberPromise';

/** A pilot's state on a day: not counted (out of scope or not evaluated yet). */
const NOT_COUNTED = 0;
const NOT_MET = 1;
const MET = 2;
const MAX_CACHED_RESULTS = 200;

/**
 * The days of a campaign before today, with each pilot's state at the end of
 * each: fixed once a day is over, so read once a day (not per store write).
 */
interface PastStates {
  /** Every day of the progress, today included when the campaign runs. */
  days: string[];
  /** How many of `days` are past (the states cover these). */
  past: number;
  /**
   * Index of the first day of the daily record: before it (the fallback),
   * a pilot counts only when it is in today's scope.
   */
  firstRecorded: number;
  /** Lower-cased pilot ref → one state per past day (NOT_COUNTED, NOT_MET, MET). */
  states: Map<string, Uint8Array>;
}

/** What GET /campaigns/:id computes once per store revision, day and view. */
interface CampaignView {
  /** The answer without `pilots` and `pilotsTotal`. */
  head: Omit<CampaignDetail, 'pilots' | 'pilotsTotal'>;
  /** The visible pilots in scope, not meeting the goal first, then by title and ref. */
  visible: Member[];
  /** Index in `visible` of the first pilot meeting the goal. */
  firstMet: number;
}

/**
 * Fills, for days `from` to `to` (indexes into `days`, inclusive), the states
 * (arrays of `length` days) of pilots from rows sorted by pilot then time: the last row on or before a
 * day gives that day's state, `state(row)` turning it into one; a pilot before
 * its first row is NOT_COUNTED.
 */
function fillFromRows<R extends { entityRef: string; day: string }>(
  out: Map<string, Uint8Array>,
  length: number,
  days: string[],
  from: number,
  to: number,
  rows: R[],
  state: (row: R) => number,
) {
  let i = 0;
  while (i < rows.length) {
    const ref = rows[i].entityRef;
    let j = i;
    while (j < rows.length && rows[j].entityRef === ref) j++;
    let states = out.get(ref);
    if (!states) out.set(ref, (states = new Uint8Array(length)));
    let k = i;
    let current = NOT_COUNTED;
    for (let d = from; d <= to; d++) {
      while (k < j && rows[k].day <= days[d]) {
        current = state(rows[k]);
        k++;
      }
      states[d] = current;
    }
    i = j;
  }
}

/**
 * Each pilot's state on each past day of a campaign (from `campaignDays`):
 * - from the first day the campaign task recorded (recordDay in
 *   createCampaignNotifier) on, the recorded rows: a pilot counts on the days
 *   it was in scope, with whether it met the goal then; one that entered the
 *   scope on day 10 is not counted before, one that left on day 20 not after;
 * - before that day (history older than the daily record, or a task that has
 *   not run yet) nothing says who was in scope, so `campaignProgress` counts
 *   the pilots in today's scope: level goals from the scorecard history (the
 *   level at the end of each day), checks goals not at all (the history keeps
 *   levels, not check statuses).
 * Today is not read here: it is the stored scorecards (campaignProgress).
 */
export async function campaignPastStates(
  stores: {
    store: Pick<ScorecardStore, 'readLevelHistory'>;
    campaignStore: Pick<CampaignStore, 'readDays'>;
  },
  campaign: CampaignConfig,
  today: string,
): Promise<PastStates> {
  const days = campaignDays(campaign, today);
  const past =
    days.length && days[days.length - 1] === today
      ? days.length - 1
      : days.length;
  const states = new Map<string, Uint8Array>();
  if (!past) return { days, past, firstRecorded: 0, states };
  const until = days[past - 1];
  const recorded = await stores.campaignStore.readDays(campaign.id, until);
  let firstRecorded = past;
  if (recorded.length) {
    let first = recorded[0].day;
    for (const row of recorded) if (row.day < first) first = row.day;
    firstRecorded = Math.max(
      0,
      days.findIndex(d => d >= first),
    );
  }
  const goal = campaign.goal;
  if (firstRecorded > 0 && 'level' in goal) {
    // Every pilot's level per day: who counts is decided per request.
    fillFromRows(
      states,
      past,
      days,
      0,
      firstRecorded - 1,
      await stores.store.readLevelHistory(days[firstRecorded - 1]),
      row => (levelAtLeast(row.level, goal.level) ? MET : NOT_MET),
    );
  }
  if (firstRecorded < past) {
    fillFromRows(states, past, days, firstRecorded, past - 1, recorded, row => {
      if (!row.inScope) return NOT_COUNTED;
      return row.met ? MET : NOT_MET;
    });
  }
  return { days, past, firstRecorded, states };
}

/**
 * Pilots in scope meeting the goal per day, over the pilots the caller may
 * read: the past days from `campaignPastStates` (before the daily record,
 * only the pilots in today's scope), today from the stored scorecards, so the
 * chart ends where the list stands.
 */
export function campaignProgress(
  past: PastStates,
  members: readonly Member[],
  visible: readonly Member[],
  refs: ReadonlySet<string>,
): CampaignProgressPoint[] {
  const { days, states, firstRecorded } = past;
  const progress = days.map(date => ({ date, met: 0, total: 0 }));
  const inScopeToday = new Set(members.map(m => m.key));
  for (const [ref, s] of states) {
    if (!refs.has(ref)) continue;
    const from = inScopeToday.has(ref) ? 0 : firstRecorded;
    for (let d = from; d < past.past; d++) {
      if (s[d] === NOT_COUNTED) continue;
      progress[d].total++;
      if (s[d] === MET) progress[d].met++;
    }
  }
  if (past.past < days.length) {
    const today = progress[days.length - 1];
    for (const member of visible) {
      today.total++;
      if (member.met) today.met++;
    }
  }
  return progress;
}

/** Index of the first pilot meeting the goal in a list sorted with those short of it first. */
function firstMetIndex(sorted: readonly Member[]): number {
  const i = sorted.findIndex(m => m.met);
  return i < 0 ? sorted.length : i;
}

/** Which of a campaign's visible pilots a request lists. */
function matches(
  member: Member,
  query: { q?: string; owner?: string },
  groupParents: ReadonlyMap<string, string>,
): boolean {
  if (query.q && !member.text.includes(query.q)) return false;
  if (
    query.owner &&
    !(
      member.ownerKey !== null &&
      ownerChain(member.ownerKey, groupParents).includes(query.owner)
    )
  )
    return false;
  return true;
}

/**
 * Campaign answers. The stored summaries (which carry each pilot's campaigns)
 * are loaded once per store revision, the past days' states (history and
 * daily record) once per day; the answer for a caller's view (counts, roll-up,
 * progress, the sorted visible pilots) is kept per visibility snapshot, and
 * each request only filters and slices the page of pilots it asks for.
 */
export function createCampaignQueries(options: {
  store: ScorecardStore;
  campaignStore: CampaignStore;
  visibility: CatalogVisibility;
  campaigns: readonly CampaignConfig[];
  /** Hides what the caller may not see (a hidden owner in byOwner, in the pilots). */
  redactor: ScorecardRedactor;
  now?: () => Date;
}): CampaignQueries {
  const { store, campaignStore, visibility, campaigns } = options;
  const now = options.now ?? (() => new Date());
  const byId = new Map(campaigns.map(c => [c.id, c]));

  let stamp = '';
  let membership: Promise<Membership> | undefined;
  let kinds: Promise<string[]> | undefined;
  let pastDay = '';
  const past = new Map<string, Promise<PastStates>>();
  const results = new Map<string, Promise<unknown>>();

  let revisionQuery: Promise<number> | undefined;
  async function sync(): Promise<{ rev: number; today: string }> {
    revisionQuery ??= store.getRevision().finally(() => {
      revisionQuery = undefined;
    });
    const rev = await revisionQuery;
    const today = todayUtc(now());
    const next = `${rev}|${today}`;
    if (next !== stamp) {
      stamp = next;
      membership = undefined;
      kinds = undefined;
      results.clear();
    }
    return { rev, today };
  }

  function remember<T>(key: string, make: () => Promise<T>): Promise<T> {
    return rememberPromise(
      results as Map<string, Promise<T>>,
      key,
      make,
      MAX_CACHED_RESULTS,
    );
  }

  async function load(credentials: BackstageCredentials) {
    const { today } = await sync();
    membership ??= readMembership(store, campaigns);
    kinds ??= store.listKinds();
    const members = await membership;
    const kindList = await kinds;
    const view: VisibleView = kindList.length
      ? await visibility.view(credentials, kindList)
      : { id: 0, refs: new Set(), groupParents: new Map() };
    return { today, members, view, key: `${stamp}|${view.id}` };
  }

  /** The past days of a campaign: read once a day, whatever the store writes. */
  function pastStates(
    campaign: CampaignConfig,
    today: string,
  ): Promise<PastStates> {
    if (pastDay !== today) {
      pastDay = today;
      past.clear();
    }
    let hit = past.get(campaign.id);
    if (!hit) {
      hit = campaignPastStates({ store, campaignStore }, campaign, today);
      hit.catch(() => past.delete(campaign.id));
      past.set(campaign.id, hit);
    }
    return hit;
  }

  function listItem(
    campaign: CampaignConfig,
    visible: Member[],
    today: string,
  ): CampaignListItem {
    const met = visible.filter(m => m.met).length;
    const counts = { total: visible.length, met };
    return {
      id: campaign.id,
      title: campaign.title,
      ...(campaign.description ? { description: campaign.description } : {}),
      owner: campaign.owner,
      start: campaign.start,
      deadline: campaign.deadline,
      goal: campaign.goal,
      state: campaignState(campaign, counts, today),
      ...counts,
    };
  }

  const visibleOf = (members: Membership, id: string, view: VisibleView) =>
    (members.byCampaign.get(id) ?? []).filter(m => view.refs.has(m.key));

  async function campaignView(
    campaign: CampaignConfig,
    members: Membership,
    view: VisibleView,
    today: string,
    /** Owners the caller may not see: rolled up together under HIDDEN_ENTITY. */
    hidden: ReadonlySet<string>,
  ): Promise<CampaignView> {
    const all = members.byCampaign.get(campaign.id) ?? [];
    const visible = visibleOf(members, campaign.id, view);
    const progress = campaignProgress(
      await pastStates(campaign, today),
      all,
      visible,
      view.refs,
    );
    const rollup = new Map<string, CampaignOwnerRollup>();
    for (const member of visible) {
      const keys = new Set(
        member.ownerKey
          ? ownerChain(member.ownerKey, view.groupParents).map(key =>
              hidden.has(key) ? HIDDEN_ENTITY : key,
            )
          : [NO_GROUP_KEY],
      );
      for (const owner of keys) {
        let r = rollup.get(owner);
        if (!r) rollup.set(owner, (r = { owner, total: 0, met: 0 }));
        r.total++;
        if (member.met) r.met++;
      }
    }
    const firstMet = firstMetIndex(visible);
    return {
      head: {
        ...listItem(campaign, visible, today),
        byOwner: [...rollup.values()].sort(
          (a, b) => b.total - a.total || a.owner.localeCompare(b.owner, 'en'),
        ),
        progress,
      },
      visible,
      firstMet,
    };
  }

  return {
    async list(credentials) {
      const { today, members, view, key } = await load(credentials);
      return options.redactor.redact(
        credentials,
        await remember(`list|${key}`, async () => ({
          items: campaigns.map(c =>
            listItem(c, visibleOf(members, c.id, view), today),
          ),
        })),
      );
    },

    async get(credentials, id, query = {}) {
      const campaign = byId.get(id);
      if (!campaign) return undefined;
      const { today, members, view, key } = await load(credentials);
      const owners = new Set<string>();
      for (const member of visibleOf(members, id, view))
        if (member.ownerKey)
          ownerChain(member.ownerKey, view.groupParents).forEach(k =>
            owners.add(k),
          );
      const hidden = await options.redactor.hidden(credentials, [...owners]);
      const found = await remember(
        `get|${key}|${id}|${[...hidden].sort().join(',')}`,
        () => campaignView(campaign, members, view, today, hidden),
      );
      const limit = query.limit ?? DEFAULT_PILOTS_LIMIT;
      const offset = query.offset ?? 0;
      // Sorted with the pilots short of the goal first: a met filter is a range.
      let list = { sorted: found.visible, firstMet: found.firstMet };
      if (query.q || query.owner) {
        const q = query.q?.toLowerCase();
        const owner = query.owner
          ? entityRefKey(query.owner, { defaultKind: 'group' })
          : undefined;
        // Kept like the view, so that the next pages of a filter only slice.
        list = await remember(
          `filter|${key}|${id}|${JSON.stringify([q, owner])}`,
          async () => {
            const sorted = found.visible.filter(m =>
              matches(m, { q, owner }, view.groupParents),
            );
            return { sorted, firstMet: firstMetIndex(sorted) };
          },
        );
      }
      // Sorted with the pilots short of the goal first: a met filter is a range.
      const { sorted, firstMet } = list;
      const [from, to] =
        query.met === undefined
          ? [0, sorted.length]
          : [query.met ? firstMet : 0, query.met ? sorted.length : firstMet];
      const pilotsTotal = to - from;
      const pilots = sorted.slice(
        Math.min(from + offset, to),
        Math.min(from + offset + limit, to),
      );
      const answer = {
        ...found.head,
        pilots: pilots.map(m => m.pilot),
        pilotsTotal,
      };
      return options.redactor.redact(credentials, answer);
    },

    async allPilots(credentials, id) {
      const campaign = byId.get(id);
      if (!campaign) return undefined;
      const { members, view } = await load(credentials);
      const pilots = visibleOf(members, id, view).map(m => m.pilot);
      return options.redactor.redact(credentials, pilots);
    },
  };
}

import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CampaignConfig,
  CampaignDetail,
  CampaignListItem,
  CampaignOwnerRollup,
  campaignDays,
  campaignState,
  levelAtLeast,
  todayUtc,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardStore } from '../../database/ScorecardStore';
import type { CampaignStore } from '../../database/CampaignStore';
import type {
  CatalogVisibility,
  VisibleView,
} from '../CatalogVisibility/types';
import { ownerChain } from '../ScorecardQueries/createScorecardQueries';
import { NO_GROUP_KEY } from '../ScorecardQueries/types';
import { Member, Membership, readMembership } from './members';
import type { CampaignQueries } from './types';

const NOT_EVALUATED = 0;
const NOT_MET = 1;
const MET = 2;
const MAX_CACHED_RESULTS = 200;

/** Per pilot of a campaign, its state at the end of each day of the campaign. */
interface DailyStates {
  days: string[];
  /** Member key → one state per day (NOT_EVALUATED, NOT_MET, MET). */
  states: Map<string, Uint8Array>;
}

/**
 * Fills the states of each member from rows sorted by pilot then time: the
 * last row on or before a day gives that day's state; today's state is the
 * member's current one (the stored scorecard), so the chart ends where the
 * list stands.
 */
function fillStates<R extends { entityRef: string; day: string }>(
  days: string[],
  members: Member[],
  rows: R[],
  isMet: (row: R) => boolean,
  today: string,
): Map<string, Uint8Array> {
  const byPilot = new Map<string, R[]>();
  const wanted = new Set(members.map(m => m.key));
  for (const row of rows) {
    if (!wanted.has(row.entityRef)) continue;
    let list = byPilot.get(row.entityRef);
    if (!list) byPilot.set(row.entityRef, (list = []));
    list.push(row);
  }
  const out = new Map<string, Uint8Array>();
  for (const member of members) {
    const states = new Uint8Array(days.length);
    const list = byPilot.get(member.key) ?? [];
    let i = 0;
    let current = NOT_EVALUATED;
    for (let d = 0; d < days.length; d++) {
      while (i < list.length && list[i].day <= days[d]) {
        current = isMet(list[i]) ? MET : NOT_MET;
        i++;
      }
      states[d] = current;
    }
    if (days.length && days[days.length - 1] === today)
      states[days.length - 1] = member.met ? MET : NOT_MET;
    out.set(member.key, states);
  }
  return out;
}

/**
 * Campaign answers. The stored summaries (which carry each pilot's campaigns)
 * and the daily states read from the history are loaded once per store
 * revision and day; each request then only filters by what the caller may
 * read, and its answer is kept per visibility snapshot.
 */
export function createCampaignQueries(options: {
  store: ScorecardStore;
  campaignStore: CampaignStore;
  visibility: CatalogVisibility;
  campaigns: readonly CampaignConfig[];
  now?: () => Date;
}): CampaignQueries {
  const { store, campaignStore, visibility, campaigns } = options;
  const now = options.now ?? (() => new Date());
  const byId = new Map(campaigns.map(c => [c.id, c]));

  let stamp = '';
  let membership: Promise<Membership> | undefined;
  let kinds: Promise<string[]> | undefined;
  const daily = new Map<string, Promise<DailyStates>>();
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
      daily.clear();
      results.clear();
    }
    return { rev, today };
  }

  function remember<T>(key: string, make: () => Promise<T>): Promise<T> {
    const hit = results.get(key) as Promise<T> | undefined;
    if (hit) return hit;
    const value = make();
    results.set(key, value);
    value.catch(() => results.delete(key));
    while (results.size > MAX_CACHED_RESULTS)
      results.delete(results.keys().next().value as string);
    return value;
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

  function dailyStates(
    campaign: CampaignConfig,
    members: Member[],
    today: string,
  ): Promise<DailyStates> {
    let hit = daily.get(campaign.id);
    if (!hit) {
      hit = (async () => {
        const days = campaignDays(campaign, today);
        if (!days.length) return { days, states: new Map() };
        const until = days[days.length - 1];
        const goal = campaign.goal;
        const states =
          'level' in goal
            ? fillStates(
                days,
                members,
                await campaignStore.readLevelHistory(until),
                row => levelAtLeast(row.level, goal.level),
                today,
              )
            : fillStates(
                days,
                members,
                await campaignStore.readDays(campaign.id, until),
                row => row.met,
                today,
              );
        return { days, states };
      })();
      hit.catch(() => daily.delete(campaign.id));
      daily.set(campaign.id, hit);
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

  return {
    async list(credentials) {
      const { today, members, view, key } = await load(credentials);
      return remember(`list|${key}`, async () => ({
        items: campaigns.map(c =>
          listItem(c, visibleOf(members, c.id, view), today),
        ),
      }));
    },

    async get(credentials, id) {
      const campaign = byId.get(id);
      if (!campaign) return undefined;
      const { today, members, view, key } = await load(credentials);
      return remember(`get|${key}|${id}`, async (): Promise<CampaignDetail> => {
        const all = members.byCampaign.get(id) ?? [];
        const visible = visibleOf(members, id, view);
        const { days, states } = await dailyStates(campaign, all, today);
        const progress = days.map(date => ({ date, met: 0, total: 0 }));
        for (const member of visible) {
          const s = states.get(member.key);
          if (!s) continue;
          for (let d = 0; d < s.length; d++) {
            if (s[d] === NOT_EVALUATED) continue;
            progress[d].total++;
            if (s[d] === MET) progress[d].met++;
          }
        }
        const rollup = new Map<string, CampaignOwnerRollup>();
        for (const member of visible) {
          const keys = member.ownerKey
            ? ownerChain(member.ownerKey, view.groupParents)
            : [NO_GROUP_KEY];
          for (const owner of keys) {
            let r = rollup.get(owner);
            if (!r) rollup.set(owner, (r = { owner, total: 0, met: 0 }));
            r.total++;
            if (member.met) r.met++;
          }
        }
        const pilots = visible.map(member => member.pilot);
        return {
          ...listItem(campaign, visible, today),
          pilots,
          byOwner: [...rollup.values()].sort(
            (a, b) => b.total - a.total || a.owner.localeCompare(b.owner, 'en'),
          ),
          progress,
        };
      });
    },
  };
}

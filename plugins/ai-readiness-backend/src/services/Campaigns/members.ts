import {
  CampaignConfig,
  CampaignPilot,
  ReadinessLevel,
  ScorecardSummary,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardStore } from '../../database/ScorecardStore';
import { entityRefKey } from '@ai-readiness/plugin-ai-readiness-common';

/** A pilot of a campaign, with the lower-cased keys the queries filter on. */
export interface Member extends CampaignPilot {
  key: string;
  ownerKey: string | null;
  /** Lower-cased ref, title and owner, searched by the `q` parameter. */
  text: string;
  /** The wire form, built once per store revision. */
  pilot: CampaignPilot;
}

/** Every stored pilot's campaigns and target, read once per store revision. */
export interface Membership {
  /** Campaign id → its pilots (every stored one, visible or not). */
  byCampaign: Map<string, Member[]>;
  /** Lower-cased refs of the pilots below their target. */
  offTarget: Set<string>;
}

/** Reads the stored summaries (which carry `target` and `campaigns`). */
export async function readMembership(
  store: ScorecardStore,
  campaigns: readonly CampaignConfig[],
): Promise<Membership> {
  const rows = await store.queryRows({});
  const summaries = await store.getSummaries(rows.map(r => r.entityRef));
  const byCampaign = new Map<string, Member[]>(
    campaigns.map(c => [c.id, [] as Member[]]),
  );
  const offTarget = new Set<string>();
  for (const summary of summaries as ScorecardSummary[]) {
    const key = entityRefKey(summary.entityRef);
    if (summary.target && !summary.target.met) offTarget.add(key);
    for (const entry of summary.campaigns ?? []) {
      const list = byCampaign.get(entry.id);
      if (!list) continue; // a campaign removed from config since
      const pilot: CampaignPilot = {
        entityRef: summary.entityRef,
        title: summary.title,
        owner: summary.owner,
        level: summary.level as ReadinessLevel,
        met: entry.met,
        missing: entry.missing,
      };
      list.push({
        ...pilot,
        key,
        ownerKey: summary.owner ? entityRefKey(summary.owner) : null,
        text: `${summary.entityRef}\n${summary.title}\n${
          summary.owner ?? ''
        }`.toLowerCase(),
        pilot,
      });
    }
  }
  // The order of GET /campaigns/:id: pilots short of the goal first, then by
  // title; sorted once here so that each request only filters.
  const byText = (x: string, y: string) => {
    if (x === y) return 0;
    return x < y ? -1 : 1;
  };
  for (const list of byCampaign.values()) {
    list.sort(
      (a, b) =>
        Number(a.met) - Number(b.met) ||
        byText(a.title, b.title) ||
        byText(a.entityRef, b.entityRef),
    );
  }
  return { byCampaign, offTarget };
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  CampaignConfig,
  campaignDaysLeft,
  todayUtc,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardStore } from '../../database/ScorecardStore';
import type {
  CampaignDayRow,
  CampaignOccasion,
  CampaignStore,
} from '../../database/CampaignStore';
import { Member, readMembership } from './members';
import type { CampaignNotifier } from './types';

/** How long after the deadline the "overdue" notice is still sent (a missed run). */
const OVERDUE_GRACE_DAYS = 7;

/** Most urgent first: when several are due at once, the message speaks of this one. */
const URGENCY: CampaignOccasion[] = ['overdue', 'due-3', 'due-14', 'active'];

/** The occasions due on a day, given the days left until the deadline. */
export function occasionsDue(daysLeft: number): CampaignOccasion[] {
  if (daysLeft < 0) {
    return -daysLeft <= OVERDUE_GRACE_DAYS ? ['overdue'] : [];
  }
  const due: CampaignOccasion[] = ['active'];
  if (daysLeft <= 14) due.push('due-14');
  if (daysLeft <= 3) due.push('due-3');
  return due;
}

function goalText(campaign: CampaignConfig): string {
  return 'level' in campaign.goal
    ? `reach ${campaign.goal.level}`
    : `pass ${campaign.goal.checks.join(', ')}`;
}

function message(
  campaign: CampaignConfig,
  occasion: CampaignOccasion,
  daysLeft: number,
  title: string,
): string {
  switch (occasion) {
    case 'overdue':
      return `${title} missed the deadline ${campaign.deadline} of "${campaign.title}"`;
    case 'due-3':
    case 'due-14':
      return `${title}: ${daysLeft} day${
        daysLeft === 1 ? '' : 's'
      } left to ${goalText(campaign)} ("${campaign.title}")`;
    default:
      return `${title} is in the campaign "${campaign.title}": ${goalText(
        campaign,
      )} by ${campaign.deadline}`;
  }
}

/**
 * Records the day's scope and met state of a campaign's pilots, for its
 * progress chart (see createCampaignQueries): a row for each pilot whose
 * state differs from its latest row (entering the scope, meeting the goal or
 * no longer meeting it), and a row `inScope: false` for each pilot that was in
 * scope and no longer is. Upserts keyed by campaign, pilot and day, so the last
 * run of a day gives that day's state and replicas or re-runs write the same
 * rows. Returns the number of rows written.
 */
export async function recordDay(
  campaignStore: CampaignStore,
  campaign: CampaignConfig,
  members: readonly Member[],
  today: string,
): Promise<number> {
  const latest = new Map<string, CampaignDayRow>();
  // Oldest first per pilot: the last one seen is the latest.
  for (const row of await campaignStore.readDays(campaign.id, today))
    latest.set(row.entityRef, row);
  const rows: CampaignDayRow[] = [];
  const current = new Set<string>();
  for (const member of members) {
    current.add(member.key);
    const last = latest.get(member.key);
    if (last && last.inScope && last.met === member.met) continue;
    rows.push({
      campaignId: campaign.id,
      entityRef: member.key,
      day: today,
      inScope: true,
      met: member.met,
    });
  }
  for (const [key, last] of latest) {
    if (!last.inScope || current.has(key)) continue;
    rows.push({
      campaignId: campaign.id,
      entityRef: key,
      day: today,
      inScope: false,
      met: last.met,
    });
  }
  if (rows.length) await campaignStore.recordDays(rows);
  return rows.length;
}

/**
 * Notifies the owner of each pilot that does not meet a campaign: when the
 * campaign is active and the pilot in scope (the first run that sees it), 14
 * and 3 days before the deadline, and the day after it. Each occasion is
 * claimed by inserting a row with a unique key before anything is sent, so a
 * second replica or a re-run never sends it again; a failed send deletes the
 * claim for the next run. Also records the day's scope and met state of every
 * active campaign for its progress chart (recordDay).
 */
export function createCampaignNotifier(options: {
  store: ScorecardStore;
  campaignStore: CampaignStore;
  notifications: NotificationService;
  logger: LoggerService;
  campaigns: readonly CampaignConfig[];
  /** When false, nothing is claimed or sent (the daily record of campaigns is kept). */
  enabled?: boolean;
  now?: () => Date;
}): CampaignNotifier {
  const { store, campaignStore, notifications, logger, campaigns } = options;
  const enabled = options.enabled ?? true;
  const now = options.now ?? (() => new Date());

  return {
    async run() {
      if (!campaigns.length) return { sent: 0, recordedDays: 0 };
      const at = now();
      const today = todayUtc(at);
      const { byCampaign } = await readMembership(store, campaigns);
      let sent = 0;
      let recordedDays = 0;
      for (const campaign of campaigns) {
        if (today < campaign.start) continue;
        const members = byCampaign.get(campaign.id) ?? [];
        const daysLeft = campaignDaysLeft(campaign, today);
        if (daysLeft >= 0) {
          recordedDays += await recordDay(
            campaignStore,
            campaign,
            members,
            today,
          );
        }
        const due = occasionsDue(daysLeft);
        // Disabled: nothing is claimed, so nothing is lost if it is enabled later.
        if (!due.length || !enabled) continue;
        // One read of what is already claimed: a run only inserts new claims
        // (the unique key still decides between replicas racing for one).
        const done = await campaignStore.listClaims(campaign.id);
        for (const member of members) {
          if (member.met) continue;
          const claimed: CampaignOccasion[] = [];
          // Most urgent first; a claim lost to another replica means that
          // replica is notifying this pilot now, so this one stops (else two
          // replicas could each win one of two occasions due together and
          // both send).
          const byUrgency = [...due].sort(
            (x, y) => URGENCY.indexOf(x) - URGENCY.indexOf(y),
          );
          for (const occasion of byUrgency) {
            // Claimed already (by an earlier run, or by a replica that has
            // read fewer claims than this one): a more urgent message exists,
            // so the less urgent ones are moot.
            if (done.has(`${member.key}|${occasion}`)) break;
            const claim = {
              campaignId: campaign.id,
              entityRef: member.key,
              occasion,
              recipient: member.owner,
              at,
            };
            if (!(await campaignStore.claimNotification(claim))) break;
            claimed.push(occasion);
          }
          if (!claimed.length || !member.owner) continue;
          const occasion = URGENCY.find(o => claimed.includes(o))!;
          try {
            await notifications.send({
              recipients: { type: 'entity', entityRef: member.owner },
              payload: {
                title: message(campaign, occasion, daysLeft, member.title),
                description: member.missing.length
                  ? `Missing: ${member.missing.join(', ')}`
                  : undefined,
                link: `/ai-readiness/campaigns/${encodeURIComponent(
                  campaign.id,
                )}`,
                severity: occasion === 'active' ? 'normal' : 'high',
                topic: `ai-readiness-campaign:${campaign.id}`,
              },
            });
            sent++;
          } catch (error) {
            for (const o of claimed) {
              await campaignStore.releaseNotification({
                campaignId: campaign.id,
                entityRef: member.key,
                occasion: o,
              });
            }
            logger.warn(
              `Could not notify ${member.owner} about campaign ${campaign.id} for ${member.entityRef}: ${error}`,
            );
          }
        }
      }
      return { sent, recordedDays };
    },
  };
}

import {
  CampaignGoal,
  CampaignListItem,
  campaignDaysLeft,
  todayUtc,
} from '@ai-readiness/plugin-ai-readiness-common';

export function goalText(goal: CampaignGoal): string {
  return 'level' in goal
    ? `Reach ${goal.level}`
    : `Pass ${goal.checks.join(', ')}`;
}

export function progressText(c: { met: number; total: number }): string {
  const pct = c.total ? Math.round((c.met / c.total) * 100) : 100;
  return `${c.met} of ${c.total} (${pct}%)`;
}

/** "12 days left", "due today", "3 days overdue", "starts in 5 days". */
export function daysLeftText(
  c: Pick<CampaignListItem, 'start' | 'deadline' | 'state'>,
  today = todayUtc(),
): string {
  if (c.state === 'upcoming') {
    const n = -campaignDaysLeft({ deadline: c.start }, today);
    return `starts in ${n} day${n === 1 ? '' : 's'}`;
  }
  const n = campaignDaysLeft(c, today);
  if (n === 0) return 'due today';
  if (n < 0) return `${-n} day${n === -1 ? '' : 's'} past the deadline`;
  return `${n} day${n === 1 ? '' : 's'} left`;
}

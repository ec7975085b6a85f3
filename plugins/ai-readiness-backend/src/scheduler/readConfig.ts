import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  AiReadinessConfig,
  AiReadinessConfigError,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { HistoryRetention } from '../services/ScorecardRefresher/recordScorecards';

/*
 * Cadences and durations from config, read by Backstage's own readers: every
 * duration key takes a HumanDuration ({ minutes: 30 }) or a string ("PT30M",
 * "30m"), and a bad value stops start-up naming the key.
 */

/**
 * Each task's config key and default cadence. Refresh: every 30 minutes, at
 * most 15 a run, the first 15 seconds after start. Evidence: every 60
 * minutes, at most 30 a run, the first a minute after start. Campaigns: every
 * 30 minutes, at most 10 a run, the first a minute after start. Change
 * check: every minute, at most 5 a run, the first 30 seconds after start.
 */
export const TASK_SCHEDULES = {
  refresh: task('aiReadiness.schedule', [
    { minutes: 30 },
    { minutes: 15 },
    { seconds: 15 },
  ]),
  evidence: task('aiReadiness.evidence.schedule', [
    { minutes: 60 },
    { minutes: 30 },
    { minutes: 1 },
  ]),
  campaigns: task('aiReadiness.campaignSchedule', [
    { minutes: 30 },
    { minutes: 10 },
    { minutes: 1 },
  ]),
  changeCheck: task('aiReadiness.changeCheckSchedule', [
    { minutes: 1 },
    { minutes: 5 },
    { seconds: 30 },
  ]),
};

/** A task's key and its default [frequency, timeout, initialDelay]. */
function task(
  key: string,
  [frequency, timeout, initialDelay]: HumanDuration[],
): { key: string; defaults: SchedulerServiceTaskScheduleDefinition } {
  return { key, defaults: { frequency, timeout, initialDelay } };
}

/** The cadence of one of the plugin's tasks (see TASK_SCHEDULES). */
export function readScheduleOf(
  config: Config,
  name: keyof typeof TASK_SCHEDULES,
): SchedulerServiceTaskScheduleDefinition {
  const { key, defaults } = TASK_SCHEDULES[name];
  return readTaskSchedule(config, key, defaults);
}

/**
 * A task's cadence from the schedule at `key` (the defaults' timeout and
 * initial delay filled in where the key does not set them; the defaults whole
 * when the key is absent). The scope is always global: one replica runs each
 * run. Backstage's reader throws, naming the key, on a bad value.
 */
export function readTaskSchedule(
  config: Config,
  key: string,
  defaults: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  const configured = config.getOptionalConfig(key);
  if (!configured) return { ...defaults, scope: 'global' };
  const merged = new ConfigReader(
    {
      timeout: defaults.timeout as any,
      initialDelay: defaults.initialDelay as any,
      ...configured.get<Record<string, any>>(),
    },
    key,
  );
  try {
    return {
      ...readSchedulerServiceTaskScheduleDefinitionFromConfig(merged),
      scope: 'global',
    };
  } catch (error) {
    // Backstage's reader names the key inside the schedule only.
    throw new AiReadinessConfigError(key, (error as Error).message);
  }
}

/**
 * The duration at `key` in milliseconds, or `fallback` when the key is not
 * set. Below `min` milliseconds is an AiReadinessConfigError naming the key.
 */
export function readDurationMs(
  config: Config,
  key: string,
  fallback: HumanDuration,
  min = 0,
): number {
  const ms = config.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : durationToMilliseconds(fallback);
  if (!(ms >= min)) {
    throw new AiReadinessConfigError(
      key,
      min > 0
        ? 'a duration above zero, such as { seconds: 5 }'
        : 'a duration of zero or more, such as { seconds: 5 }',
    );
  }
  return ms;
}

/** `aiReadiness.history`: `maxAge` (a duration), else the deprecated `maxAgeDays`. */
export function readHistoryRetention(
  config: Config,
  settings: AiReadinessConfig,
): HistoryRetention {
  const key = 'aiReadiness.history.maxAge';
  return {
    ...settings.history,
    ...(config.has(key)
      ? { maxAgeMs: readDurationMs(config, key, {}, 1) }
      : {}),
  };
}

/** `aiReadiness.visibilityCache`: `ttl` (a duration), else the deprecated `ttlSeconds`. */
export function readVisibilityTtlMs(
  config: Config,
  settings: AiReadinessConfig,
): number {
  return readDurationMs(config, 'aiReadiness.visibilityCache.ttl', {
    seconds: settings.visibilityCache.ttlSeconds,
  });
}

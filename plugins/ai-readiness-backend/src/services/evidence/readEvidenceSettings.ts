import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import type { HumanDuration } from '@backstage/types';
import {
  DEFAULT_EVIDENCE_MAX_AGE,
  EvidenceConfig,
  parseIsoDurationMs,
} from '@ai-readiness/plugin-ai-readiness-common';
import { DEFAULT_TIMEOUT_MS } from './collectors';
import { readTaskSchedule } from '../schedule/readTaskSchedule';

/** Every 60 minutes, at most 30 minutes a run, the first a minute after start. */
export const DEFAULT_EVIDENCE_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 60 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 1 },
  };

const MS: Record<keyof HumanDuration, number> = {
  years: 365 * 86_400_000,
  months: 30 * 86_400_000,
  weeks: 7 * 86_400_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
};

export function durationMs(duration: HumanDuration): number {
  return Object.entries(duration).reduce(
    (sum, [unit, value]) =>
      sum + (MS[unit as keyof HumanDuration] ?? 0) * Number(value ?? 0),
    0,
  );
}

/** What the evidence task and views need from `aiReadiness.evidence`. */
export interface EvidenceSettings {
  timeoutMs: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
  maxAgeMs: number;
  requireVerified?: 'L2' | 'L3';
}

/**
 * Reads the parts of `aiReadiness.evidence` that Backstage's own readers
 * understand (the timeout as a Backstage duration, the schedule as a task
 * schedule), with defaults. The zod schema in -common has already checked
 * the shape; this throws, naming the key, on what only these readers see.
 */
export function readEvidenceSettings(
  config: Config,
  parsed: EvidenceConfig | undefined,
): EvidenceSettings {
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (config.has('aiReadiness.evidence.links.timeout')) {
    timeoutMs = durationMs(
      readDurationFromConfig(config, {
        key: 'aiReadiness.evidence.links.timeout',
      }),
    );
    if (!(timeoutMs > 0)) {
      throw new Error(
        'Invalid configuration at aiReadiness.evidence.links.timeout: a duration above zero, such as { seconds: 5 }',
      );
    }
  }
  return {
    timeoutMs,
    schedule: readTaskSchedule(
      config,
      'aiReadiness.evidence.schedule',
      DEFAULT_EVIDENCE_SCHEDULE,
    ),
    maxAgeMs: parseIsoDurationMs(parsed?.maxAge ?? DEFAULT_EVIDENCE_MAX_AGE)!,
    requireVerified: parsed?.requireVerified,
  };
}

import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  DEFAULT_EVIDENCE_MAX_AGE,
  EvidenceConfig,
  parseIsoDurationMs,
} from '@ai-readiness/plugin-ai-readiness-common';
import { DEFAULT_TIMEOUT_MS } from './collectors';
import { readDurationMs, readScheduleOf } from '../../scheduler/readConfig';

/** What the evidence task and views need from `aiReadiness.evidence`. */
export interface EvidenceSettings {
  timeoutMs: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
  maxAgeMs: number;
  /** How often each replica reloads the stored results into its view. */
  reloadIntervalMs: number;
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
  const timeoutMs = readDurationMs(
    config,
    'aiReadiness.evidence.links.timeout',
    { milliseconds: DEFAULT_TIMEOUT_MS },
    1,
  );
  return {
    timeoutMs,
    schedule: readScheduleOf(config, 'evidence'),
    // An ISO 8601 string (checked by the schema), read as Backstage reads durations.
    maxAgeMs: readDurationMs(
      config,
      'aiReadiness.evidence.maxAge',
      { milliseconds: parseIsoDurationMs(DEFAULT_EVIDENCE_MAX_AGE)! },
      1,
    ),
    reloadIntervalMs: readDurationMs(
      config,
      'aiReadiness.evidence.reloadInterval',
      { minutes: 1 },
      1000,
    ),
    requireVerified: parsed?.requireVerified,
  };
}

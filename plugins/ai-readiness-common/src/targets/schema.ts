/*
 * The `aiReadiness.targets` and `aiReadiness.campaigns` keys (shared/targets.md):
 * zod schemas used by the one `aiReadiness` schema, and the checks zod cannot
 * express (duplicate ids, deadline before start). Check ids are validated by
 * the engine, which knows the active checks.
 */
import { z } from 'zod';
import { READINESS_LEVELS } from '../types';
import { parseIsoDate } from '../util/dates';

const valueList = z.array(z.string().min(1)).min(1).max(500);

/** The conditions of a target rule or a campaign scope (all optional, AND). */
export const pilotMatchSchema = z
  .object({
    /** spec.lifecycle values. */
    lifecycle: valueList.optional(),
    /** `ai-readiness/rollout-stage` values. */
    rolloutStage: valueList.optional(),
    /** `ai-readiness/risk-tier` values. */
    riskTier: valueList.optional(),
    /** metadata.tags: any of them. */
    tags: valueList.optional(),
    /** System refs (default kind system). */
    system: z.union([z.string().min(1), valueList]).optional(),
    /** Owner refs (default kind group); a group also matches its sub-groups. */
    owner: z.union([z.string().min(1), valueList]).optional(),
  })
  .strict();

const levelSchema = z.enum(READINESS_LEVELS, {
  errorMap: () => ({
    message: `expected one of ${READINESS_LEVELS.join(', ')}`,
  }),
});

export const targetRuleSchema = z
  .object({
    when: pilotMatchSchema.default({}),
    level: levelSchema,
  })
  .strict();

const isoDate = z
  .string({
    invalid_type_error: 'expected a date YYYY-MM-DD (quote it in YAML)',
  })
  .refine(
    value =>
      /^\d{4}-\d{2}-\d{2}$/.test(value) && parseIsoDate(value) !== undefined,
    'expected a calendar date YYYY-MM-DD',
  );

const checkIdList = z.array(z.string().min(1)).min(1).max(200);

export const campaignSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        'expected lower-case letters, digits and dashes such as "l2-by-q1"',
      )
      .max(100),
    title: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    /** Entity ref of who runs the campaign (default kind group). */
    owner: z.string().min(1),
    start: isoDate,
    deadline: isoDate,
    scope: pilotMatchSchema.optional(),
    goal: z.union(
      [
        z.object({ level: levelSchema }).strict(),
        z.object({ checks: checkIdList }).strict(),
      ],
      {
        errorMap: () => ({
          message: 'expected { level: L0-L3 } or { checks: [CHECK-ID, ...] }',
        }),
      },
    ),
  })
  .strict();

/** Where each pilot must be: the rubric's drift claims (targets.md). */
export const DEFAULT_TARGET_RULES: z.input<typeof targetRuleSchema>[] = [
  { when: { lifecycle: ['production'] }, level: 'L3' },
  { when: { rolloutStage: ['production'] }, level: 'L3' },
  { when: { rolloutStage: ['limited'] }, level: 'L2' },
];

/** @public */
export type PilotMatchConfig = z.output<typeof pilotMatchSchema>;
/** @public */
export type TargetRuleConfig = z.output<typeof targetRuleSchema>;
/** @public */
export type CampaignConfig = z.output<typeof campaignSchema>;

/** A problem at a path below the root, for the caller to report. */
export interface GoalConfigProblem {
  path: (string | number)[];
  problem: string;
}

/** Checks of the campaigns that zod cannot express: unique ids, deadline not before start. */
export function findCampaignProblem(
  campaigns: readonly CampaignConfig[],
): GoalConfigProblem | undefined {
  const seen = new Map<string, number>();
  for (let i = 0; i < campaigns.length; i++) {
    const c = campaigns[i];
    const first = seen.get(c.id);
    if (first !== undefined) {
      return {
        path: ['campaigns', i, 'id'],
        problem: `duplicate campaign id "${c.id}" (also campaigns[${first}]); expected a unique id`,
      };
    }
    seen.set(c.id, i);
    if (parseIsoDate(c.deadline)! < parseIsoDate(c.start)!) {
      return {
        path: ['campaigns', i, 'deadline'],
        problem: `deadline ${c.deadline} is before start ${c.start}; expected a date on or after the start`,
      };
    }
  }
  return undefined;
}

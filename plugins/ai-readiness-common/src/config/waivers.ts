/*
 * The `aiReadiness.waivers` configuration (shared/waivers.md): who may waive
 * which check, how long a requested waiver may last per risk tier, and who
 * decides. Part of the one `aiReadiness` schema.
 */
import { z } from 'zod';

/** How a check may be waived. @public */
export const WAIVER_POLICY_MODES = ['self', 'approval', 'none'] as const;

/** @public */
export type WaiverPolicyMode = (typeof WAIVER_POLICY_MODES)[number];

/** The tiers `maxDays` is keyed by (`unassessed`: a pilot without a tier). @public */
export const WAIVER_TIERS = [
  'minimal',
  'limited',
  'high',
  'unassessed',
] as const;

/** @public */
export type WaiverTier = (typeof WAIVER_TIERS)[number];

/** Longest expiry a request may ask for, in days from its approval. @public */
export const DEFAULT_WAIVER_MAX_DAYS: Record<WaiverTier, number> = {
  minimal: 365,
  limited: 180,
  high: 90,
  unassessed: 30,
};

const mode = z.enum(WAIVER_POLICY_MODES);
const days = z.number().int().min(1).max(3650);

/** The schema of `aiReadiness.waivers`. @public */
export const waiverConfigSchema = z
  .object({
    policy: z
      .object({
        default: mode.default('self'),
        /** Per check id; SEC-1 is `none` whatever is set. */
        checks: z
          .record(
            z
              .string()
              .regex(
                /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/,
                'a check id such as "SEC-2"',
              ),
            mode,
          )
          .default({}),
      })
      .strict()
      .default({}),
    maxDays: z
      .object({
        minimal: days.default(DEFAULT_WAIVER_MAX_DAYS.minimal),
        limited: days.default(DEFAULT_WAIVER_MAX_DAYS.limited),
        high: days.default(DEFAULT_WAIVER_MAX_DAYS.high),
        unassessed: days.default(DEFAULT_WAIVER_MAX_DAYS.unassessed),
      })
      .strict()
      .default({}),
    /** Entity refs (Groups or Users) whose members may decide requests. */
    approvers: z.array(z.string().min(1)).max(200).default([]),
    /** The approver is neither the requester nor a member of the owner Group. */
    independent: z.boolean().default(true),
  })
  .strict();

/** The parsed `aiReadiness.waivers`, defaults applied. @public */
export type WaiverConfig = z.output<typeof waiverConfigSchema>;

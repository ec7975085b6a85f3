/*
 * The `aiReadiness.evidence` configuration (shared/evidence.md): which
 * collectors run, which hosts they may contact, with which tokens, and how
 * stored results age. Part of the one `aiReadiness` schema, so that the
 * backend at start-up and the CLI's --config reject the same bad keys.
 */
import { z } from 'zod';

const DURATION_KEYS = [
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
  'milliseconds',
] as const;

/**
 * A duration as Backstage reads it from config (readDurationFromConfig): a
 * HumanDuration such as `{ seconds: 5 }` or a string ("5s", "PT5S"). Every
 * duration key of `aiReadiness` takes this form. @public
 */
export const durationConfigSchema = z.union([
  z.string().min(1),
  z
    .object(
      Object.fromEntries(
        DURATION_KEYS.map(key => [key, z.number().min(0).optional()]),
      ) as {
        [K in (typeof DURATION_KEYS)[number]]: z.ZodOptional<z.ZodNumber>;
      },
    )
    .strict()
    .refine(value => Object.keys(value).length > 0, {
      message: `a duration such as { seconds: 5 } (keys: ${DURATION_KEYS.join(
        ', ',
      )})`,
    }),
]);

const ISO_DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Milliseconds in an ISO 8601 duration such as "P2D" or "PT12H" (a year is
 * 365 days, a month 30); undefined when the text is not one.
 * @public
 */
export function parseIsoDurationMs(text: string): number | undefined {
  const match = ISO_DURATION.exec(text);
  if (!match) return undefined;
  const [, y, mo, w, d, h, mi, s] = match.map(part => Number(part ?? 0));
  const days = y * 365 + mo * 30 + w * 7 + d;
  return ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000;
}

const HOST_PATTERN =
  /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/;

const allowEntry = z
  .object({
    /**
     * A host the links collector may contact: an exact host name
     * ("wiki.example.com", any port the URL's scheme uses by default), a
     * wildcard over sub-domains ("*.example.com"), or a host with a port
     * ("127.0.0.1:8080").
     */
    host: z
      .string()
      .transform(host => host.toLocaleLowerCase('en-US'))
      .refine(host => HOST_PATTERN.test(host), {
        message:
          'a host name such as "wiki.example.com", "*.example.com" or "127.0.0.1:8080"',
      }),
  })
  .strict();

const baseUrl = z
  .string()
  .refine(
    value => {
      try {
        const url = new URL(value);
        return (
          (url.protocol === 'https:' || url.protocol === 'http:') &&
          !url.username &&
          !url.password &&
          !url.search &&
          !url.hash
        );
      } catch {
        return false;
      }
    },
    {
      message:
        'an http(s) URL without credentials, query or fragment, such as "https://api.pagerduty.com"',
    },
  )
  .transform(value => value.replace(/\/+$/, ''));

const token = z.string().min(1, 'a non-empty token');

/**
 * A task's cadence as Backstage reads it from config
 * (readSchedulerServiceTaskScheduleDefinitionFromConfig). @public
 */
export const scheduleConfigSchema = z
  .object({
    frequency: z.union([
      z.string(),
      z.record(z.number()),
      z.object({ cron: z.string() }).strict(),
    ]),
    timeout: z.union([z.string(), z.record(z.number())]).optional(),
    initialDelay: z.union([z.string(), z.record(z.number())]).optional(),
  })
  .strict();

/** Default `aiReadiness.evidence.pagerduty.baseUrl`. @public */
export const DEFAULT_PAGERDUTY_BASE_URL = 'https://api.pagerduty.com';
/** Default `aiReadiness.evidence.maxAge`. @public */
export const DEFAULT_EVIDENCE_MAX_AGE = 'P2D';
/** Default `aiReadiness.evidence.links.concurrency`. @public */
export const DEFAULT_EVIDENCE_CONCURRENCY = 8;

/** The schema of `aiReadiness.evidence`. @public */
export const evidenceConfigSchema = z
  .object({
    /** The links collector: off unless `allow` lists at least one host. */
    links: z
      .object({
        allow: z.array(allowEntry).max(1000).default([]),
        timeout: durationConfigSchema.optional(),
        concurrency: z.number().int().min(1).max(256).optional(),
      })
      .strict()
      .optional(),
    /** The PagerDuty collector: off unless a token is set. */
    pagerduty: z
      .object({
        baseUrl: baseUrl.default(DEFAULT_PAGERDUTY_BASE_URL),
        token,
      })
      .strict()
      .optional(),
    /** The Grafana collector: off unless set. */
    grafana: z.object({ baseUrl, token }).strict().optional(),
    /** Cadence of the collection task (Backstage's task schedule format). */
    schedule: scheduleConfigSchema.optional(),
    /** How often each replica reloads the stored results (default one minute). */
    reloadInterval: durationConfigSchema.optional(),
    /** Stored results older than this (ISO 8601 duration) count as unverified "stale". */
    maxAge: z
      .string()
      .refine(value => (parseIsoDurationMs(value) ?? 0) > 0, {
        message: 'an ISO 8601 duration such as "P2D" or "PT12H"',
      })
      .default(DEFAULT_EVIDENCE_MAX_AGE),
    /** From this level up, a gate passes only when all its evidence is verified. */
    requireVerified: z.enum(['L2', 'L3']).optional(),
  })
  .strict();

/** The parsed `aiReadiness.evidence` value, defaults applied. @public */
export type EvidenceConfig = z.output<typeof evidenceConfigSchema>;

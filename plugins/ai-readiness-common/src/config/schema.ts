/*
 * The `aiReadiness` configuration: one zod schema for the whole key, shared by
 * the backend (app-config), the CLI (--config) and the tests. Unknown keys are
 * rejected so that a typo stops start-up instead of silently doing nothing.
 */
import { z } from 'zod';
import { DIMENSION_IDS } from '../types';
import {
  durationConfigSchema,
  evidenceConfigSchema,
  scheduleConfigSchema,
} from './evidence';
import {
  campaignSchema,
  findCampaignProblem,
  targetRuleSchema,
} from '../targets/schema';
import { waiverConfigSchema } from './waivers';

export const DEFAULT_PILOT_TYPES = [
  'ai-pilot',
  'ai-agent',
  'llm-app',
  'ml-service',
];
export const DEFAULT_PILOT_TAGS = ['ai-pilot', 'genai', 'llm'];
export const DEFAULT_DATA_RESOURCE_TYPES = [
  'database',
  'dataset',
  'data-product',
  'vector-store',
  'table',
  'bucket',
  's3-bucket',
  'stream',
  'topic',
  'queue',
  'warehouse',
  'data-lake',
  'feature-store',
];
export const DEFAULT_MODEL_RESOURCE_TYPES = ['ai-model'];
export const DEFAULT_MODEL_GATEWAY_TYPES = [
  'model-server',
  'ai-model-server',
  'llm-gateway',
  'ai-gateway',
];
/** AiResource types that are agents (upstream Backstage's AI resource kind). */
export const DEFAULT_AGENT_TYPES = ['agent', 'ai-agent'];
/** Kinds whose entities are agents when of an agent type. */
export const DEFAULT_AGENT_KINDS = ['AiResource'];
/** API types that serve model inference. */
export const DEFAULT_MODEL_API_TYPES = ['ai-model-server'];
/** Kinds that are model endpoints whatever their type (Red Hat Developer Hub's model catalog). */
export const DEFAULT_MODEL_ENDPOINT_KINDS = ['AiModelServerAPI'];
/** API types that are tool servers. */
export const DEFAULT_TOOL_SERVER_TYPES = ['mcp-server'];

const typeList = z.array(z.string().min(1)).max(500);
const checkId = z
  .string()
  .regex(
    /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/,
    'a check id such as "SEC-6" or "ACME-PENTEST"',
  );

const remediationSchema = z
  .object({
    text: z.string().min(1),
    yaml: z.string().min(1),
  })
  .strict();

const ruleSchema = z.discriminatedUnion('type', [
  z
    .object({
      /** Pass when the annotation (or label) is set; with `pattern`, when it matches. */
      type: z.literal('annotation'),
      key: z.string().min(1),
      pattern: z.string().optional(),
    })
    .strict(),
  z
    .object({
      /** Pass when the label (or annotation) has one of the values. */
      type: z.literal('label'),
      key: z.string().min(1),
      values: z.array(z.string()).min(1),
    })
    .strict(),
  z
    .object({
      /** Pass when metadata.links has an http(s) link of this type. */
      type: z.literal('link'),
      linkType: z.string().min(1),
    })
    .strict(),
  z
    .object({
      /** Pass when spec.owner resolves to an entity of one of these kinds. */
      type: z.literal('owner-kind'),
      kinds: z.array(z.string().min(1)).min(1),
    })
    .strict(),
  z
    .object({
      /** Pass when dependsOn names a resolving entity of this kind and one of these types. */
      type: z.literal('dependency'),
      kind: z.string().min(1).optional(),
      types: z.array(z.string().min(1)).min(1),
    })
    .strict(),
]);

const customCheckSchema = z
  .object({
    id: checkId,
    dimension: z.enum(DIMENSION_IDS),
    title: z.string().min(1),
    gate: z.boolean().default(false),
    frameworks: z.array(z.string()).default([]),
    rule: ruleSchema,
    remediation: remediationSchema,
    /** Kinds or spec.types the check applies to; other pilots get not-applicable. */
    appliesTo: z
      .object({
        kinds: z.array(z.string().min(1)).optional(),
        types: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const dimensionWeights = z
  .object(
    Object.fromEntries(
      DIMENSION_IDS.map(id => [id, z.number().min(0).max(100).optional()]),
    ) as {
      [K in (typeof DIMENSION_IDS)[number]]: z.ZodOptional<z.ZodNumber>;
    },
  )
  .strict();

const levelThreshold = z
  .object({ minDimensionScore: z.number().min(0).max(1) })
  .strict();

/** The schema of the `aiReadiness` config key. @public */
export const aiReadinessConfigSchema = z
  .object({
    /** Prefix of the rubric's annotations and labels. */
    annotationPrefix: z
      .string()
      .regex(
        /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?\/$/,
        'a DNS-like prefix ending in "/" such as "ai-readiness/"',
      )
      .default('ai-readiness/'),
    scope: z
      .object({
        /** Component types that are pilots. */
        types: typeList.default(DEFAULT_PILOT_TYPES),
        /** Component tags that make a pilot. */
        tags: typeList.default(DEFAULT_PILOT_TAGS),
        /** Kinds (e.g. AiResource) whose entities of an agent type are pilots. */
        agentKinds: typeList.default(DEFAULT_AGENT_KINDS),
        /** Types of those kinds that are agents. */
        agentTypes: typeList.default(DEFAULT_AGENT_TYPES),
        dataResourceTypes: typeList.default(DEFAULT_DATA_RESOURCE_TYPES),
        /** Resource types that are models. */
        modelResourceTypes: typeList.default(DEFAULT_MODEL_RESOURCE_TYPES),
        /** Component types that are model endpoints (servers, gateways). */
        modelGatewayTypes: typeList.default(DEFAULT_MODEL_GATEWAY_TYPES),
        /** API types that are model endpoints. */
        modelApiTypes: typeList.default(DEFAULT_MODEL_API_TYPES),
        /** Kinds that are model endpoints. */
        modelEndpointKinds: typeList.default(DEFAULT_MODEL_ENDPOINT_KINDS),
        /** API types that are tool servers. */
        toolServerTypes: typeList.default(DEFAULT_TOOL_SERVER_TYPES),
      })
      .strict()
      .default({}),
    weights: dimensionWeights.default({}),
    disabledChecks: z.array(z.string().min(1)).default([]),
    levels: z
      .object({ L2: levelThreshold.optional(), L3: levelThreshold.optional() })
      .strict()
      .default({}),
    customChecks: z.array(customCheckSchema).default([]),
    // Read by the backend only; validated here so one schema covers the key.
    schedule: scheduleConfigSchema.optional(),
    // Read by the backend only: the campaign task's cadence.
    campaignSchedule: scheduleConfigSchema.optional(),
    // Read by the backend only: the change check's cadence.
    changeCheckSchedule: scheduleConfigSchema.optional(),
    history: z
      .object({
        maxAge: durationConfigSchema.optional(),
        /** Deprecated: `maxAge` in days. */
        maxAgeDays: z.number().int().min(1).optional(),
        maxEntriesPerEntity: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    notifications: z
      .object({ enabled: z.boolean().default(true) })
      .strict()
      .optional(),
    // Read by the backend only: how long a caller's view of the catalog is reused.
    visibilityCache: z
      .object({
        ttl: durationConfigSchema.optional(),
        /** Deprecated: `ttl` in seconds. */
        ttlSeconds: z.number().min(0).default(10),
      })
      .strict()
      .default({}),
    /** Evidence collectors (shared/evidence.md); see ./evidence.ts. */
    evidence: evidenceConfigSchema.optional(),
    /** Where each pilot must be (shared/targets.md); absent: the default rules. */
    targets: z.array(targetRuleSchema).max(500).optional(),
    /** Drives with a goal and a deadline (shared/targets.md). */
    campaigns: z.array(campaignSchema).max(200).default([]),
    /** Who may waive which check and for how long (shared/waivers.md). */
    waivers: waiverConfigSchema.default({}),
  })
  .strict();

/** The parsed configuration, defaults applied. @public */
export type AiReadinessConfig = z.output<typeof aiReadinessConfigSchema>;
/** One declarative check from config. @public */
export type CustomCheckConfig = z.output<typeof customCheckSchema>;

/** A configuration error naming the path of the bad key. @public */
export class AiReadinessConfigError extends Error {
  constructor(readonly path: string, readonly problem: string) {
    super(`Invalid configuration at ${path}: ${problem}`);
    this.name = 'AiReadinessConfigError';
  }
}

function formatPath(root: string, path: (string | number)[]): string {
  return path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : `${acc}.${part}`,
    root,
  );
}

function valueAt(raw: unknown, path: (string | number)[]): unknown {
  let current: any = raw;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = current[part];
  }
  return current;
}

/**
 * Parses and validates the raw `aiReadiness` value (undefined = defaults).
 * Throws AiReadinessConfigError naming the path of the first bad key.
 */
export function parseAiReadinessConfig(
  raw: unknown,
  root = 'aiReadiness',
): AiReadinessConfig {
  const result = aiReadinessConfigSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    let path = issue.path;
    let problem = issue.message;
    if (issue.code === 'unrecognized_keys') {
      path = [...issue.path, issue.keys[0]];
      problem = `unknown key (expected one of the documented keys)`;
    } else {
      const found = valueAt(raw, issue.path);
      // Secrets (evidence tokens) are never echoed back in the error.
      const secret = path.includes('token');
      let shown = 'nothing';
      if (found !== undefined) {
        shown = secret
          ? `a ${typeof found}`
          : JSON.stringify(found)?.slice(0, 80);
      }
      problem = `${issue.message}; found ${shown}`;
    }
    throw new AiReadinessConfigError(formatPath(root, path), problem);
  }
  const config = result.data;
  const campaignProblem = findCampaignProblem(config.campaigns);
  if (campaignProblem) {
    throw new AiReadinessConfigError(
      formatPath(root, campaignProblem.path),
      campaignProblem.problem,
    );
  }
  const ids = new Set<string>();
  config.customChecks.forEach((check, i) => {
    if (ids.has(check.id)) {
      throw new AiReadinessConfigError(
        formatPath(root, ['customChecks', i, 'id']),
        `duplicate check id "${check.id}"`,
      );
    }
    ids.add(check.id);
    if (check.rule.type === 'annotation' && check.rule.pattern !== undefined) {
      try {
        // eslint-disable-next-line no-new
        new RegExp(check.rule.pattern);
      } catch (e) {
        throw new AiReadinessConfigError(
          formatPath(root, ['customChecks', i, 'rule', 'pattern']),
          `not a valid regular expression: ${(e as Error).message}`,
        );
      }
    }
  });
  return config;
}

import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  aiReadinessScorecardReadPermission,
  entityRefKey,
  READINESS_LEVELS,
  ReadinessLevel,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardQueries } from '../ScorecardQueries/types';
import { requirePermission } from '../permissions/requirePermission';
import type { DraftEvaluator } from '../DraftEvaluator/types';
import { registerEvaluateDraftAction } from './evaluateDraftAction';

function normalizeRef(
  value: string,
  defaultKind: string | undefined,
  field: string,
): string {
  try {
    return entityRefKey(value, { defaultKind });
  } catch {
    throw new InputError(
      `${field} must be an entity reference such as "${
        defaultKind ?? 'component'
      }:default/name", found ${JSON.stringify(value)}`,
    );
  }
}

/**
 * Registers the plugin's read-only actions for AI agents (MCP and the
 * actions registry). Both check the read permission and the catalog's
 * visibility with the caller's credentials.
 */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  queries: ScorecardQueries;
  /** Registers evaluate-ai-pilot-draft when given. */
  drafts?: DraftEvaluator;
}) {
  const { actionsRegistry, permissions, queries } = options;

  const authorizeRead = (credentials: BackstageCredentials) =>
    requirePermission(
      permissions,
      credentials,
      aiReadinessScorecardReadPermission,
    );

  actionsRegistry.register({
    name: 'get-ai-readiness-scorecard',
    title: 'Get the AI readiness scorecard of an AI pilot',
    description: `Returns the AI readiness scorecard of one AI pilot in the Backstage catalog: its readiness level (L0 Unready, L1 Pilot, L2 Limited rollout, L3 Production), overall score (0-100), the seven dimensions (ownership, data, integration, fallback, monitoring, security, operations) with every check's status, message and remediation (the catalog-info.yaml to add), what blocks the next level, and drift findings.

Only entities the caller may read in the catalog are answered; an entity that is not an AI pilot is not found.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity reference of the pilot, e.g. "component:default/claims-triage" (kind defaults to component)',
            ),
        }),
      output: z =>
        z.object({
          scorecard: z
            .object({
              entityRef: z.string(),
              title: z.string(),
              level: z.enum(READINESS_LEVELS),
              levelName: z.string(),
              score: z.number().describe('Overall score, 0-100'),
            })
            .passthrough()
            .describe(
              'The full scorecard (see the REST API GET /scorecards/:namespace/:kind/:name)',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = normalizeRef(input.entityRef, 'component', 'entityRef');
      await authorizeRead(credentials);
      const card = await queries.get(credentials, ref);
      return { output: { scorecard: card as any } };
    },
  });

  actionsRegistry.register({
    name: 'list-ai-pilots-below-level',
    title: 'List AI pilots of an owner below a readiness level',
    description: `Lists the AI pilots owned by a group or user whose AI readiness level is below the given level (L1, L2 or L3), lowest score first, with their failing checks and what blocks their next level. Only pilots the caller may read in the catalog are listed.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .describe(
              'Owner entity reference, e.g. "group:default/ml" (kind defaults to group)',
            ),
          level: z
            .enum(['L1', 'L2', 'L3'])
            .describe('List pilots whose level is strictly below this one'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(500)
            .optional()
            .describe('At most this many (default 100)'),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              level: z.string(),
              score: z.number(),
              failingChecks: z.array(z.string()),
              nextLevelBlockers: z.array(z.string()),
            }),
          ),
          totalCount: z
            .number()
            .describe('How many pilots match, before the limit'),
        }),
    },
    action: async ({ input, credentials }) => {
      const owner = normalizeRef(input.owner, 'group', 'owner');
      await authorizeRead(credentials);
      const below = READINESS_LEVELS.slice(
        0,
        READINESS_LEVELS.indexOf(input.level as ReadinessLevel),
      );
      const all = await queries.listAll(credentials, {
        owner,
        orderBy: 'score',
        order: 'asc',
      });
      const matching = all.filter(item => below.includes(item.level));
      return {
        output: {
          items: matching.slice(0, input.limit ?? 100).map(item => ({
            entityRef: item.entityRef,
            title: item.title,
            level: item.level,
            score: item.score,
            failingChecks: item.failingChecks,
            nextLevelBlockers: item.nextLevel?.blockers ?? [],
          })),
          totalCount: matching.length,
        },
      };
    },
  });

  if (options.drafts) {
    registerEvaluateDraftAction({
      actionsRegistry,
      permissions,
      drafts: options.drafts,
    });
  }
}

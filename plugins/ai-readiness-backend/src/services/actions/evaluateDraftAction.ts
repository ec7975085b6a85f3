import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  aiReadinessScorecardReadPermission,
  EVALUATE_MAX_BYTES,
  EVALUATE_MAX_DOCUMENTS,
  READINESS_LEVELS,
} from '@ai-readiness/plugin-ai-readiness-common';
import { requirePermission } from '../permissions/requirePermission';
import type { DraftEvaluator } from '../DraftEvaluator/types';

/**
 * `evaluate-ai-pilot-draft`: the answer of POST /evaluate for catalog YAML,
 * for agents that open pull requests on catalog-info.yaml files.
 */
export function registerEvaluateDraftAction(options: {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  drafts: DraftEvaluator;
}) {
  const { actionsRegistry, permissions, drafts } = options;
  actionsRegistry.register({
    name: 'evaluate-ai-pilot-draft',
    title: 'Score a draft catalog-info.yaml of AI pilots against the catalog',
    description: `Dry run: scores the AI pilots in draft catalog YAML (one or more documents) against the live Backstage catalog, as the caller sees it, without storing anything. Drafts replace catalog entities of the same ref; owners, systems, data resources and APIs they reference come from the catalog. Returns each pilot's scorecard (level L0-L3, score 0-100, checks with remediations) beside its current stored level and score, and the documents that are not valid entities with their line and field. At most ${EVALUATE_MAX_DOCUMENTS} documents and ${EVALUATE_MAX_BYTES} bytes.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          yaml: z
            .string()
            .max(EVALUATE_MAX_BYTES)
            .describe(
              'Catalog YAML text: one or more documents separated by ---',
            ),
          asOf: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
            .optional()
            .describe('Evaluation date, YYYY-MM-DD (default: today, UTC)'),
        }),
      output: z =>
        z.object({
          asOf: z.string(),
          scorecards: z.array(
            z
              .object({
                entityRef: z.string(),
                level: z.enum(READINESS_LEVELS),
                score: z.number(),
                current: z
                  .object({
                    level: z.string(),
                    score: z.number(),
                    evaluatedAt: z.string(),
                  })
                  .nullable(),
              })
              .passthrough(),
          ),
          errors: z.array(
            z.object({
              document: z.number(),
              line: z.number().nullable(),
              message: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        aiReadinessScorecardReadPermission,
      );
      const answer = await drafts.evaluateYaml(input.yaml, {
        credentials,
        asOf: input.asOf,
      });
      return { output: answer as any };
    },
  });
}

import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  WAIVER_CATEGORIES,
  WAIVER_REQUEST_STATES,
} from '@ai-readiness/plugin-ai-readiness-common';
import { parseOrThrow } from '../../validation';
import { waiverListSchema, waiverRequestSchema } from '../../waiversRouter';
import type { WaiverService } from '../Waivers/types';

const requestFields = (z: any) =>
  z
    .object({
      id: z.string(),
      entityRef: z.string(),
      checkId: z.string(),
      category: z.string(),
      state: z.string(),
      expires: z.string(),
      justification: z.string(),
    })
    .passthrough();

/**
 * The waiver actions (shared/waivers.md): asking for a waiver and listing
 * requests. Deciding is for people: no action approves, denies or revokes.
 * The service checks permissions and the catalog's visibility.
 */
export function registerWaiverActions(options: {
  actionsRegistry: ActionsRegistryService;
  waivers: WaiverService;
}) {
  const { actionsRegistry, waivers } = options;

  actionsRegistry.register({
    name: 'request-ai-readiness-waiver',
    title: 'Request a waiver of an AI readiness check',
    description: `Asks for a waiver of one AI readiness check of one AI pilot, for someone else (the approvers) to decide. The check must be short of pass and waivable; the expiry (YYYY-MM-DD) may lie at most the pilot's risk tier's maximum number of days ahead. Category "waiver" accepts the risk; "mitigated" names a compensating control, whose URL (controlUrl, http or https) is verified as evidence: when it stops answering, the approved waiver lapses. The request starts pending.`,
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The pilot, e.g. "component:default/claims-triage"'),
          checkId: z.string().describe('The check, e.g. "SEC-2"'),
          category: z
            .enum(WAIVER_CATEGORIES)
            .describe('"waiver" (risk accepted) or "mitigated"'),
          justification: z.string().describe('Why, at least 20 characters'),
          expires: z.string().describe('Last day it applies, YYYY-MM-DD'),
          controlUrl: z
            .string()
            .optional()
            .describe('The compensating control (required for mitigated)'),
          ticket: z.string().optional().describe('A ticket reference'),
        }),
      output: z => z.object({ request: requestFields(z) }),
    },
    action: async ({ input, credentials }) => {
      const body = parseOrThrow(waiverRequestSchema, input, 'input');
      const created = await waivers.create(credentials, body);
      return { output: { request: created as any } };
    },
  });

  actionsRegistry.register({
    name: 'list-ai-readiness-waivers',
    title: 'List AI readiness waiver requests',
    description: `Lists waiver requests of AI pilots the caller may read in the catalog, pending first, then newest first: who asked, for which check, why, until when, and their state (${WAIVER_REQUEST_STATES.join(
      ', ',
    )}).`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().optional().describe('Only this pilot'),
          state: z.enum(WAIVER_REQUEST_STATES).optional(),
          checkId: z.string().optional().describe('Only this check'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(500)
            .optional()
            .describe('At most this many (default 50)'),
        }),
      output: z =>
        z.object({
          items: z.array(requestFields(z)),
          totalCount: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { limit, offset, ...query } = parseOrThrow(
        waiverListSchema,
        {
          ...input,
          limit: input.limit === undefined ? undefined : String(input.limit),
        },
        'input',
      );
      const list = await waivers.list(credentials, query, { limit, offset });
      return { output: list as any };
    },
  });
}

/*
 * ai-readiness:catalog-info:patch: writes the remediations of an entity's
 * failing checks into its catalog-info.yaml in the task's workspace, with the
 * same patcher and the same scorecard as POST /fixes/preview, so the pull
 * request holds exactly the previewed file.
 */
import {
  AuthService,
  DiscoveryService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  parseEntityRef,
  parseLocationRef,
} from '@backstage/catalog-model';
import { InputError, ResponseError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CatalogInfoPatchRefusedError,
  describeFix,
  patchCatalogInfo,
  Scorecard,
  selectFixes,
  unifiedDiff,
} from '@ai-readiness/plugin-ai-readiness-common';
import { promises as fs } from 'fs';
import { repositoryOf } from './repositoryOf';

/** The id of the action. @public */
export const PATCH_ACTION_ID = 'ai-readiness:catalog-info:patch';

/** What the action needs from the backend. @public */
export interface CatalogInfoPatchActionOptions {
  /** Tokens to read the scorecard as the task's initiator. */
  auth: AuthService;
  /** Where the AI readiness backend is. */
  discovery: DiscoveryService;
  /** The entity, for its source location. */
  catalog: CatalogService;
  /** Which SCM (github, gitlab, ...) the entity's file is on. */
  integrations: ScmIntegrationRegistry;
}

/** A branch name for the fix: the entity and the checks, so a rerun updates the same pull request. */
export function fixBranchName(name: string, checks: string[]): string {
  const slug = `${name}-${checks.join('-')}`
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9.-]+/g, '-')
    .slice(0, 80)
    .replace(/[-.]+$/, '');
  return `ai-readiness/fix-${slug}`;
}

/**
 * The scaffolder action ai-readiness:catalog-info:patch (see the package
 * README for its input and output).
 *
 * @public
 */
export function createCatalogInfoPatchAction(
  options: CatalogInfoPatchActionOptions,
) {
  const { auth, discovery, catalog, integrations } = options;
  return createTemplateAction({
    id: PATCH_ACTION_ID,
    description:
      "Writes the AI readiness remediations of an entity's failing checks into its catalog-info.yaml in the workspace (comments, order and other documents kept), and answers the pull request's branch, title and body.",
    schema: {
      input: {
        entityRef: z =>
          z.string({
            description: 'The entity, e.g. component:default/claims-bot',
          }),
        checks: z =>
          z
            .array(z.string(), {
              description:
                'Check ids to close; every failing check with a remediation when omitted',
            })
            .optional(),
        path: z =>
          z.string({
            description: "The entity's catalog-info.yaml in the workspace",
          }),
      },
      output: {
        checks: z => z.array(z.string()),
        notes: z => z.array(z.string()),
        diff: z => z.string(),
        title: z => z.string(),
        description: z => z.string(),
        branchName: z => z.string(),
        provider: z => z.string(),
        repoUrl: z => z.string(),
        targetBranchName: z => z.string(),
        targetPath: z => z.string(),
        fileName: z => z.string(),
      },
    },
    async handler(ctx) {
      const { entityRef, checks } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const ref = parseEntityRef(entityRef, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      });
      const entity = await catalog.getEntityByRef(ref, { credentials });
      if (!entity) {
        throw new InputError(`${entityRef} is not in the catalog`);
      }

      // The scorecard as GET /scorecards/... answers it, read as the task's initiator.
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: credentials,
        targetPluginId: 'ai-readiness',
      });
      const baseUrl = await discovery.getBaseUrl('ai-readiness');
      const response = await fetch(
        `${baseUrl}/scorecards/${[ref.namespace, ref.kind, ref.name]
          .map(encodeURIComponent)
          .join('/')}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const card = (await response.json()) as Scorecard;

      const file = resolveSafeChildPath(ctx.workspacePath, ctx.input.path);
      const text = await fs.readFile(file, 'utf8');
      const selection = selectFixes(card, checks);
      let patch;
      try {
        patch = patchCatalogInfo({
          text,
          entityRef: card.entityRef,
          remediations: selection.remediations,
        });
      } catch (error) {
        if (error instanceof CatalogInfoPatchRefusedError) {
          throw new InputError(`${ctx.input.path}: ${error.message}`);
        }
        throw error;
      }
      const notes = [...selection.notes, ...patch.notes];
      if (!patch.checks.length) {
        throw new InputError(
          `nothing to change in ${ctx.input.path}${
            notes.length ? `: ${notes.join('; ')}` : ''
          }`,
        );
      }
      await fs.writeFile(file, patch.text, 'utf8');
      ctx.logger.info(
        `${ctx.input.path}: ${patch.checks.join(', ')} written for ${
          card.entityRef
        }`,
      );

      const titles = new Map(
        selection.remediations.map(r => [r.checkId, r.title]),
      );
      const { title, body } = describeFix({
        entityRef: card.entityRef,
        checks: patch.checks.map(id => ({ id, title: titles.get(id) })),
        notes,
      });
      const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
      const target = location ? parseLocationRef(location) : undefined;
      const repository =
        target?.type === 'url'
          ? repositoryOf(target.target, integrations)
          : undefined;

      ctx.output('checks', patch.checks);
      ctx.output('notes', notes);
      ctx.output('diff', unifiedDiff(ctx.input.path, text, patch.text));
      ctx.output('title', title);
      ctx.output('description', body);
      ctx.output('branchName', fixBranchName(ref.name, patch.checks));
      ctx.output('provider', repository?.provider ?? '');
      ctx.output('repoUrl', repository?.repoUrl ?? '');
      ctx.output('targetBranchName', repository?.branch ?? '');
      ctx.output('targetPath', repository?.folder ?? '');
      ctx.output('fileName', repository?.fileName ?? 'catalog-info.yaml');
    },
  });
}

import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  aiReadinessScorecardRefreshPermission,
  entityRefKey,
} from '@ai-readiness/plugin-ai-readiness-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { ScorecardRedactor } from '../Redactor/types';
import type { CatalogVisibility } from '../CatalogVisibility/types';
import type { EvidenceService } from './types';
import { requirePermission } from '../permissions/requirePermission';
import { parseOrThrow } from '../../validation';

const bodySchema = z
  .object({
    entityRef: z.string({
      required_error:
        'expected an entity reference such as "component:default/name"',
      invalid_type_error:
        'expected an entity reference such as "component:default/name"',
    }),
  })
  .strict();

function parseBody(body: unknown): string {
  const { entityRef } = parseOrThrow(bodySchema, body, 'body field');
  try {
    return entityRefKey(entityRef);
  } catch {
    throw new InputError(
      `Invalid body field "entityRef": expected an entity reference such as "component:default/name", found ${JSON.stringify(
        entityRef,
      )}`,
    );
  }
}

/**
 * `POST /evidence/refresh` `{ "entityRef": "..." }`: collects that pilot's
 * evidence now and re-evaluates it (permission ai-readiness.scorecard.refresh;
 * 404 when the caller cannot see the entity).
 */
export function createEvidenceRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  visibility: Pick<CatalogVisibility, 'view' | 'getEntity'>;
  redactor: ScorecardRedactor;
  evidence: EvidenceService;
  logger: LoggerService;
}): express.Router {
  const { httpAuth, permissions, visibility, evidence, logger } = options;
  const router = Router();
  router.use(express.json());

  router.post('/evidence/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = parseBody(req.body);
    await requirePermission(
      permissions,
      credentials,
      aiReadinessScorecardRefreshPermission,
    );
    if (!(await visibility.getEntity(credentials, entityRef))) {
      throw new NotFoundError(`No entity ${entityRef} visible to the caller`);
    }
    const controller = new AbortController();
    // The caller went away: stop looking up (what was found is kept).
    res.on('close', () => {
      if (!res.writableEnded) controller.abort();
    });
    const outcome = await evidence.refreshPilot(entityRef, controller.signal);
    if (!outcome) throw new NotFoundError(`${entityRef} is not an AI pilot`);
    logger.info(
      `Evidence of ${entityRef} collected on request (${outcome.items.length} items)`,
    );
    const answer = {
      entityRef,
      collectors: evidence.collectors.map(c => c.id),
      level: outcome.level,
      items: outcome.items,
    };
    // Items read from an entity the caller cannot see name neither it nor its values.
    res.json(await options.redactor.redact(credentials, answer, [entityRef]));
  });

  return router;
}

/*
 * POST /fixes/preview: validates, checks the read permission and asks the
 * fix preview service (services/FixPreview).
 */
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  aiReadinessScorecardReadPermission,
  entityRefKey,
} from '@ai-readiness/plugin-ai-readiness-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseOrThrow } from '../validation';
import { requirePermission } from '../services/permissions/requirePermission';
import type { FixPreviewService } from '../services/FixPreview/types';

/** The longest list of checks one preview may name. */
const MAX_CHECKS = 100;

const previewSchema = z
  .object({
    entityRef: z
      .string()
      .max(1000)
      .refine(value => {
        try {
          entityRefKey(value);
          return true;
        } catch {
          return false;
        }
      }, 'expected an entity reference such as "component:default/name"'),
    checks: z
      .array(
        z
          .string()
          .regex(
            /^[A-Za-z0-9][\w.-]{0,62}$/,
            'expected check ids such as OWN-2',
          ),
      )
      .max(MAX_CHECKS, `at most ${MAX_CHECKS} checks`)
      .optional(),
  })
  .strict();

export function createFixesRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  fixes: FixPreviewService;
}): express.Router {
  const { httpAuth, permissions, fixes } = options;
  const router = Router();
  router.post('/fixes/preview', express.json(), async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const body = parseOrThrow(previewSchema, req.body, 'body field');
    await requirePermission(
      permissions,
      credentials,
      aiReadinessScorecardReadPermission,
    );
    res.json(await fixes.preview(credentials, body));
  });
  return router;
}

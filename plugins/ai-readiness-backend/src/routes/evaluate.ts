/*
 * POST /evaluate: draft entities (JSON or YAML) scored against the live
 * catalog with the caller's credentials. Mounted before the router's own
 * JSON parser, so that this route's body limit (1 MiB) applies.
 */
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CustomErrorBase, InputError } from '@backstage/errors';
import {
  aiReadinessScorecardReadPermission,
  EVALUATE_MAX_BYTES,
  EVALUATE_MAX_DOCUMENTS,
} from '@ai-readiness/plugin-ai-readiness-common';
import { parseOrThrow } from '../validation';
import { requirePermission } from '../services/permissions/requirePermission';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { DraftEvaluator } from '../services/DraftEvaluator/types';

/** The media types read as YAML text. */
export const YAML_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
];

/** A body over the limit: 413, naming the limit. */
class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError';
  statusCode = 413;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const asOfSchema = z.string().refine(value => {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) === value;
}, 'expected a calendar date written YYYY-MM-DD');

const jsonBodySchema = z
  .object({
    entities: z
      .array(z.unknown())
      .max(
        EVALUATE_MAX_DOCUMENTS,
        `at most ${EVALUATE_MAX_DOCUMENTS} documents per request`,
      ),
    asOf: asOfSchema.optional(),
  })
  .strict();

const yamlQuerySchema = z.object({ asOf: asOfSchema.optional() }).strict();

/** Turns body-parser's errors into answers naming the problem. */
function bodyErrors(
  error: any,
  _req: express.Request,
  _res: express.Response,
  next: express.NextFunction,
) {
  if (error?.type === 'entity.too.large') {
    next(
      new PayloadTooLargeError(
        `The request body is larger than the limit of ${EVALUATE_MAX_BYTES} bytes (1 MiB)`,
      ),
    );
  } else if (error?.type === 'entity.parse.failed') {
    next(
      new InputError(`The request body is not valid JSON: ${error.message}`),
    );
  } else {
    next(error);
  }
}

export function createEvaluateRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  drafts: DraftEvaluator;
}): express.Router {
  const { httpAuth, permissions, drafts } = options;
  const router = Router();

  router.post(
    '/evaluate',
    // Authenticate before reading a body.
    async (
      req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => {
      await httpAuth.credentials(req, { allow: ['user', 'service'] });
      next();
    },
    express.json({ limit: EVALUATE_MAX_BYTES }),
    express.text({ type: YAML_TYPES, limit: EVALUATE_MAX_BYTES }),
    bodyErrors,
    async (req: express.Request, res: express.Response) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const isYaml = Boolean(req.is(YAML_TYPES));
      const isJson = Boolean(req.is('application/json'));
      if (!isYaml && !isJson) {
        throw new InputError(
          `Invalid Content-Type: send application/json ({ "entities": [...] }) or application/yaml (catalog YAML)`,
        );
      }
      await requirePermission(
        permissions,
        credentials,
        aiReadinessScorecardReadPermission,
      );
      if (isYaml) {
        const { asOf } = parseOrThrow(
          yamlQuerySchema,
          req.query,
          'query parameter',
        );
        const text = typeof req.body === 'string' ? req.body : '';
        res.json(await drafts.evaluateYaml(text, { credentials, asOf }));
        return;
      }
      parseOrThrow(z.object({}).strict(), req.query, 'query parameter');
      const body = parseOrThrow(jsonBodySchema, req.body, 'body field');
      res.json(
        await drafts.evaluateEntities(body.entities, {
          credentials,
          asOf: body.asOf,
        }),
      );
    },
  );

  return router;
}

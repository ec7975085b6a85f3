import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  isSafeHttpUrl,
  WAIVER_CATEGORIES,
  WAIVER_JUSTIFICATION_MIN,
  WAIVER_REQUEST_STATES,
  WaiverRequest,
} from '@ai-readiness/plugin-ai-readiness-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { csvDocument } from './csv';
import { intParam, MAX_LIMIT, refParam } from './router';
import { parseOrThrow, withoutEmptyValues } from './validation';
import type { WaiverService } from './services/Waivers/types';

export interface WaiversRouterOptions {
  httpAuth: HttpAuthService;
  waivers: WaiverService;
}

const checkIdSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, 'a check id such as "SEC-2"');

const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** The body of POST /waivers (shared/waivers.md). */
export const waiverRequestSchema = z
  .object({
    entityRef: refParam('component'),
    checkId: checkIdSchema,
    category: z.enum(WAIVER_CATEGORIES),
    justification: z
      .string()
      .trim()
      .min(
        WAIVER_JUSTIFICATION_MIN,
        `at least ${WAIVER_JUSTIFICATION_MIN} characters`,
      )
      .max(4000),
    expires: daySchema,
    controlUrl: z
      .string()
      .max(2048)
      .refine(isSafeHttpUrl, 'expected an http(s) URL')
      .optional(),
    ticket: z.string().trim().min(1).max(512).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.category === 'mitigated' && !body.controlUrl)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['controlUrl'],
        message:
          'a mitigated request needs the URL of its compensating control',
      });
  });

export const waiverListSchema = z
  .object({
    entityRef: refParam('component').optional(),
    state: z.enum(WAIVER_REQUEST_STATES).optional(),
    checkId: checkIdSchema.optional(),
    owner: refParam('group').optional(),
    limit: intParam(1, MAX_LIMIT).default('50'),
    offset: intParam(0, 1_000_000_000).default('0'),
  })
  .strict();

const csvSchema = waiverListSchema.omit({ limit: true, offset: true });

const decisionSchema = z
  .object({ comment: z.string().trim().max(4000).optional() })
  .strict();

const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a request id');

/** The columns of GET /waivers.csv, the risk register. */
export const WAIVER_CSV_COLUMNS = [
  'id',
  'entityRef',
  'checkId',
  'category',
  'state',
  'justification',
  'expires',
  'controlUrl',
  'ticket',
  'requestedBy',
  'requestedAt',
  'decidedBy',
  'decidedAt',
  'comment',
];

/** The risk register as CSV (same quoting and formula guard as /export.csv). */
export function waiversCsv(requests: readonly WaiverRequest[]): string {
  return csvDocument(WAIVER_CSV_COLUMNS, requests, r => [
    r.id,
    r.entityRef,
    r.checkId,
    r.category,
    r.state,
    r.justification,
    r.expires,
    r.controlUrl,
    r.ticket,
    r.requestedBy,
    r.requestedAt,
    r.decidedBy,
    r.decidedAt,
    r.comment,
  ]);
}

/**
 * The waiver routes (shared/waivers.md): POST /waivers, GET /waivers,
 * GET /waivers.csv, GET /waivers/:id, POST /waivers/:id/approve|deny|revoke,
 * and GET /waivers/policy?entityRef= (the expiry bound the request form shows).
 * Permissions and the independence rules are the service's.
 */
export function createWaiversRouter(
  options: WaiversRouterOptions,
): express.Router {
  const { httpAuth, waivers } = options;
  const router = Router();
  router.use('/waivers', express.json());

  const credentialsOf = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  function idOf(raw: string): string {
    const parsed = idSchema.safeParse(raw);
    if (!parsed.success)
      throw new InputError(
        `Invalid path parameter "id": ${parsed.error.issues[0].message}`,
      );
    return parsed.data;
  }

  router.post('/waivers', async (req, res) => {
    const credentials = await credentialsOf(req);
    const body = parseOrThrow(waiverRequestSchema, req.body, 'body');
    res.status(201).json(await waivers.create(credentials, body));
  });

  router.get('/waivers', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { limit, offset, ...query } = parseOrThrow(
      waiverListSchema,
      withoutEmptyValues(req.query),
      'query parameter',
    );
    res.json(await waivers.list(credentials, query, { limit, offset }));
  });

  router.get('/waivers.csv', async (req, res) => {
    const credentials = await credentialsOf(req);
    const query = parseOrThrow(
      csvSchema,
      withoutEmptyValues(req.query),
      'query parameter',
    );
    const all = await waivers.listAll(credentials, query);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader(
        'Content-Disposition',
        'attachment; filename="ai-readiness-waivers.csv"',
      )
      .send(waiversCsv(all));
  });

  router.get('/waivers/policy', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { entityRef } = parseOrThrow(
      z.object({ entityRef: refParam('component') }).strict(),
      withoutEmptyValues(req.query),
      'query parameter',
    );
    res.json(await waivers.policy(credentials, entityRef));
  });

  router.get('/waivers/:id', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(await waivers.get(credentials, idOf(req.params.id)));
  });

  router.post('/waivers/:id/:decision', async (req, res) => {
    const decision = req.params.decision;
    if (decision !== 'approve' && decision !== 'deny' && decision !== 'revoke')
      throw new InputError(
        `Invalid path "${decision}": expected approve, deny or revoke`,
      );
    const credentials = await credentialsOf(req);
    const { comment } = parseOrThrow(decisionSchema, req.body, 'body');
    res.json(
      await waivers.decide(
        credentials,
        idOf(req.params.id),
        decision,
        comment || null,
      ),
    );
  });

  return router;
}

import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  aiReadinessScorecardReadPermission,
  CampaignPilot,
} from '@ai-readiness/plugin-ai-readiness-common';
import { requirePermission } from './services/permissions/requirePermission';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { csvDocument } from './csv';
import { intParam, MAX_LIMIT, refParam } from './router';
import {
  CampaignQueries,
  DEFAULT_PILOTS_LIMIT,
} from './services/Campaigns/types';
import { parseOrThrow, withoutEmptyValues } from './validation';

export interface CampaignsRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  campaigns: CampaignQueries;
}

const idSchema = z
  .string()
  .max(100)
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'expected a campaign id such as "l2-by-q1"',
  );

/** The query of GET /campaigns/:id: a page of its pilots, filtered. */
const detailSchema = z
  .object({
    limit: intParam(1, MAX_LIMIT).default(String(DEFAULT_PILOTS_LIMIT)),
    offset: intParam(0, 1_000_000_000).default('0'),
    met: z
      .enum(['true', 'false'], {
        errorMap: () => ({ message: 'expected true or false' }),
      })
      .transform(value => value === 'true')
      .optional(),
    q: z.string().max(200).optional(),
    owner: refParam('group').optional(),
  })
  .strict();

/**
 * JSON bodies by answer object: the queries hand out the same object until the
 * store or the caller's view changes, so a 10,000-pilot campaign is
 * serialised once, not per request.
 */
const serialized = new WeakMap<object, Buffer>();

function sendJson(res: express.Response, value: object) {
  let body = serialized.get(value);
  if (!body) {
    body = Buffer.from(JSON.stringify(value), 'utf8');
    serialized.set(value, body);
  }
  res.type('application/json; charset=utf-8').send(body);
}

/** The CSV columns of GET /campaigns/:id/export.csv. */
export const CAMPAIGN_CSV_COLUMNS = [
  'entityRef',
  'title',
  'owner',
  'level',
  'met',
  'missing',
];

/** The pilots of a campaign as CSV (same quoting and formula guard as /export.csv). */
export function campaignPilotsCsv(pilots: CampaignPilot[]): string {
  return csvDocument(CAMPAIGN_CSV_COLUMNS, pilots, p => [
    p.entityRef,
    p.title,
    p.owner,
    p.level,
    p.met ? 'yes' : 'no',
    p.missing.join('; '),
  ]);
}

/**
 * GET /campaigns, /campaigns/:id and /campaigns/:id/export.csv
 * (shared/targets.md). GET /campaigns/:id pages its pilots (`limit` 1–1000,
 * default 50; `offset`) and filters them (`met`, `q`, `owner`); `pilotsTotal`
 * counts the matching ones. The CSV holds every visible pilot.
 */
export async function createCampaignsRouter(
  options: CampaignsRouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, campaigns } = options;
  const router = Router();

  async function readCredentials(req: express.Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await requirePermission(
      permissions,
      credentials,
      aiReadinessScorecardReadPermission,
    );
    return credentials;
  }

  function noQuery(req: express.Request) {
    const [unknown] = Object.keys(req.query);
    if (unknown !== undefined)
      throw new InputError(`Unknown query parameter "${unknown}"`);
  }

  function campaignId(raw: string): string {
    const parsed = idSchema.safeParse(raw);
    if (!parsed.success) {
      throw new InputError(
        `Invalid path parameter "id": ${
          parsed.error.issues[0].message
        }, found ${JSON.stringify(raw.slice(0, 100))}`,
      );
    }
    return parsed.data;
  }

  router.get('/campaigns', async (req, res) => {
    const credentials = await readCredentials(req);
    noQuery(req);
    sendJson(res, await campaigns.list(credentials));
  });

  router.get('/campaigns/:id', async (req, res) => {
    const credentials = await readCredentials(req);
    const id = campaignId(req.params.id);
    const query = parseOrThrow(
      detailSchema,
      withoutEmptyValues(req.query),
      'query parameter',
    );
    const found = await campaigns.get(credentials, id, query);
    if (!found) throw new NotFoundError(`No campaign "${id}"`);
    // A page is small (and differs per query): serialised per request.
    res.json(found);
  });

  router.get('/campaigns/:id/export.csv', async (req, res) => {
    const credentials = await readCredentials(req);
    noQuery(req);
    const id = campaignId(req.params.id);
    const pilots = await campaigns.allPilots(credentials, id);
    if (!pilots) throw new NotFoundError(`No campaign "${id}"`);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="ai-readiness-campaign-${id}.csv"`,
      );
    res.send(campaignPilotsCsv(pilots));
  });

  return router;
}

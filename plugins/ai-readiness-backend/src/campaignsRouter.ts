import type {
  BackstageCredentials,
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
import { csvCell } from './csv';
import type { CampaignQueries } from './services/Campaigns/types';

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
  const lines = [CAMPAIGN_CSV_COLUMNS.map(csvCell).join(',')];
  for (const p of pilots) {
    lines.push(
      [
        p.entityRef,
        p.title,
        p.owner,
        p.level,
        p.met ? 'yes' : 'no',
        p.missing.join('; '),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** GET /campaigns, /campaigns/:id and /campaigns/:id/export.csv (shared/targets.md). */
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

  async function detail(credentials: BackstageCredentials, raw: string) {
    const parsed = idSchema.safeParse(raw);
    if (!parsed.success) {
      throw new InputError(
        `Invalid path parameter "id": ${
          parsed.error.issues[0].message
        }, found ${JSON.stringify(raw.slice(0, 100))}`,
      );
    }
    const found = await campaigns.get(credentials, parsed.data);
    if (!found) throw new NotFoundError(`No campaign "${parsed.data}"`);
    return found;
  }

  router.get('/campaigns', async (req, res) => {
    const credentials = await readCredentials(req);
    noQuery(req);
    sendJson(res, await campaigns.list(credentials));
  });

  router.get('/campaigns/:id', async (req, res) => {
    const credentials = await readCredentials(req);
    noQuery(req);
    sendJson(res, await detail(credentials, req.params.id));
  });

  router.get('/campaigns/:id/export.csv', async (req, res) => {
    const credentials = await readCredentials(req);
    noQuery(req);
    const found = await detail(credentials, req.params.id);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="ai-readiness-campaign-${found.id}.csv"`,
      );
    res.send(campaignPilotsCsv(found.pilots));
  });

  return router;
}

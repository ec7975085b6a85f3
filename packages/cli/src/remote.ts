/*
 * --backstage-url: the files are scored by a portal's POST /evaluate, so
 * references resolve against the live catalog. Every way the portal can fail
 * becomes a PortalError whose message names the URL or the variable to fix.
 */
import {
  EVALUATE_MAX_DOCUMENTS,
  EvaluateResponse,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { LoadedEntity } from './load';

export const URL_VARIABLE = 'AI_READINESS_BACKSTAGE_URL';
export const TOKEN_VARIABLE = 'AI_READINESS_TOKEN';
export const TIMEOUT_VARIABLE = 'AI_READINESS_TIMEOUT_SECONDS';
const DEFAULT_TIMEOUT_SECONDS = 60;

/** The portal could not evaluate the files: exit 2 with this message. */
export class PortalError extends Error {}

export interface PortalOptions {
  /** The portal's base URL as given (flag or variable). */
  url: string;
  /** Where the URL came from, for messages. */
  from: string;
  token?: string;
  timeoutSeconds: number;
  fetch: typeof fetch;
}

/** The base URL and where it came from; undefined when offline. */
export function portalOptions(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  fetchImpl: typeof fetch,
): PortalOptions | undefined {
  const raw = flag ?? (env[URL_VARIABLE] || undefined);
  if (raw === undefined) return undefined;
  const from = flag !== undefined ? '--backstage-url' : URL_VARIABLE;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new PortalError(
      `${from} must be the portal's URL, such as https://backstage.example.com, found ${JSON.stringify(
        raw,
      )}`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new PortalError(
      `${from} must be an http(s) URL, found ${JSON.stringify(raw)}`,
    );
  }
  const timeoutRaw = env[TIMEOUT_VARIABLE];
  const timeoutSeconds = timeoutRaw
    ? Number(timeoutRaw)
    : DEFAULT_TIMEOUT_SECONDS;
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new PortalError(
      `${TIMEOUT_VARIABLE} must be a number of seconds above 0, found ${JSON.stringify(
        timeoutRaw,
      )}`,
    );
  }
  return {
    url: raw,
    from,
    token: env[TOKEN_VARIABLE] || undefined,
    timeoutSeconds,
    fetch: fetchImpl,
  };
}

/** POST /api/ai-readiness/evaluate of the portal (a base URL or the plugin's own). */
export function evaluateEndpoint(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  if (/\/api\/ai-readiness$/.test(trimmed)) return `${trimmed}/evaluate`;
  return `${trimmed}/api/ai-readiness/evaluate`;
}

async function errorMessageOf(res: Response): Promise<string> {
  try {
    const text = await res.text();
    try {
      const body = JSON.parse(text);
      const message = body?.error?.message;
      if (typeof message === 'string') return message;
    } catch {
      // not JSON
    }
    return text.trim().slice(0, 200);
  } catch {
    return '';
  }
}

/** Sends the entities read from the files; resolves to the portal's answer. */
export async function evaluateRemotely(
  entities: LoadedEntity[],
  asOf: string,
  options: PortalOptions,
): Promise<EvaluateResponse> {
  if (entities.length > EVALUATE_MAX_DOCUMENTS) {
    throw new PortalError(
      `the portal evaluates at most ${EVALUATE_MAX_DOCUMENTS} entities per request and the files hold ${entities.length}: name fewer files (the rest of the organisation is read from the catalog)`,
    );
  }
  const endpoint = evaluateEndpoint(options.url);
  const where = `${endpoint} (${options.from})`;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
  };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;

  let res: Response;
  try {
    res = await options.fetch(endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ entities, asOf }),
      signal: AbortSignal.timeout(options.timeoutSeconds * 1000),
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      throw new PortalError(
        `the portal at ${where} did not answer within ${options.timeoutSeconds} s (set ${TIMEOUT_VARIABLE} to wait longer)`,
      );
    }
    const why = err.cause?.code ?? err.cause?.message ?? err.message;
    throw new PortalError(`cannot reach the portal at ${where}: ${why}`);
  }

  if (!res.ok) {
    const detail = await errorMessageOf(res);
    const tail = detail ? `: ${detail}` : '';
    switch (res.status) {
      case 401:
        throw new PortalError(
          options.token
            ? `the portal at ${endpoint} refused the token in ${TOKEN_VARIABLE} (401)${tail}`
            : `the portal at ${endpoint} needs a token (401): set ${TOKEN_VARIABLE}${tail}`,
        );
      case 403:
        throw new PortalError(
          `the token in ${TOKEN_VARIABLE} may not read AI readiness scorecards at ${endpoint} (403): it needs the permission ai-readiness.scorecard.read and access to the plugin ai-readiness${tail}`,
        );
      case 404:
        throw new PortalError(
          `no AI readiness plugin at ${where} (404): give the portal's base URL, such as https://backstage.example.com${tail}`,
        );
      case 413:
        throw new PortalError(
          `the portal at ${endpoint} refused the files as too large (413, at most 1 MiB per request): name fewer files${tail}`,
        );
      default:
        throw new PortalError(
          `the portal at ${endpoint} answered ${res.status}${tail}`,
        );
    }
  }
  let body: EvaluateResponse;
  try {
    body = (await res.json()) as EvaluateResponse;
  } catch {
    throw new PortalError(
      `the portal at ${where} did not answer with JSON: is it a Backstage portal with the AI readiness plugin?`,
    );
  }
  if (!body || !Array.isArray(body.scorecards) || !Array.isArray(body.errors)) {
    throw new PortalError(
      `the portal at ${where} answered without scorecards: is its AI readiness plugin recent enough to serve POST /evaluate?`,
    );
  }
  return body;
}

/*
 * The portal's REST API for the browser tests: a guest token, JSON GETs and
 * POSTs, and waiting until the catalog and the stored scorecards settle.
 */
import { request, APIRequestContext } from '@playwright/test';

export type Api = {
  get<T = any>(path: string): Promise<T>;
  post(path: string, body: unknown): Promise<{ status: number; json: any }>;
  token: string;
  dispose(): Promise<void>;
};

/** A request context on `baseURL` signed in as guest. */
export async function guestApi(baseURL: string): Promise<Api> {
  const anonymous = await request.newContext({ baseURL });
  const refresh = await anonymous.get('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const token = (await refresh.json().catch(() => undefined))?.backstageIdentity
    ?.token;
  await anonymous.dispose();
  if (!token) {
    throw new Error(
      `no guest token from /api/auth/guest/refresh (${refresh.status()})`,
    );
  }
  const ctx: APIRequestContext = await request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  return {
    token,
    async get(path) {
      const res = await ctx.get(path);
      if (!res.ok()) {
        throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
      }
      return res.json();
    },
    async post(path, body) {
      const res = await ctx.post(path, { data: body });
      return { status: res.status(), json: await res.json().catch(() => null) };
    },
    dispose: () => ctx.dispose(),
  };
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Polls `read` until it gives the same number `stableReads` times in a row (at least `min`). */
export async function untilStable(
  what: string,
  read: () => Promise<number>,
  {
    min = 1,
    timeoutMs = 300_000,
    stableReads = 3,
    everyMs = 1000,
    onProgress = (_n: number) => {},
  } = {},
): Promise<number> {
  const end = Date.now() + timeoutMs;
  let last = -1;
  let stable = 0;
  let lastError: unknown;
  while (Date.now() < end) {
    try {
      const n = await read();
      if (n !== last) onProgress(n);
      stable = n === last && n >= min ? stable + 1 : 0;
      last = n;
      if (stable >= stableReads) return n;
    } catch (e) {
      lastError = e;
    }
    await sleep(everyMs);
  }
  throw new Error(
    `timed out waiting for ${what} (last: ${last}${
      lastError ? `; ${lastError}` : ''
    })`,
  );
}

/** Waits for the catalog to settle, asks for a full refresh and waits for every scorecard. */
export async function catalogScored(api: Api) {
  const entities = await untilStable(
    'the catalog to settle',
    async () =>
      (
        await api.get('/api/catalog/entities/by-query?limit=1')
      ).totalItems,
  );
  const refresh = await api.post('/api/ai-readiness/refresh', {});
  if (refresh.status !== 202) {
    throw new Error(`POST /refresh answered ${refresh.status}`);
  }
  const scorecards = await untilStable(
    'the scorecards to be stored',
    async () =>
      (
        await api.get('/api/ai-readiness/scorecards?limit=1')
      ).totalCount,
  );
  return { entities, scorecards };
}

/** `kind:namespace/name` → `/catalog/namespace/kind/name`. */
export function entityPath(ref: string): string {
  const m = /^([^:]+):([^/]+)\/(.+)$/.exec(ref);
  if (!m) throw new Error(`not an entity ref: ${ref}`);
  return `/catalog/${m[2]}/${m[1].toLowerCase()}/${m[3]}`;
}

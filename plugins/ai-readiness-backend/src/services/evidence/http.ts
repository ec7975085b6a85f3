/*
 * The one HTTP client of the evidence collectors. Every rule of
 * shared/evidence.md about contacting outside systems lives here:
 * - a host the policy does not allow is never contacted, and no redirect is
 *   followed to one (redirects are followed by hand, at most 3);
 * - an Authorization header goes only to its own origin (scheme, host, port);
 * - each exchange has a timeout; bodies are read to 1 MiB at most;
 * - 429 waits for Retry-After once when it is at most 60 s.
 */

/** Decides whether a URL's host may be contacted. */
export type HostPolicy = (url: URL) => boolean;

const DEFAULT_PORTS: Record<string, string> = {
  'http:': '80',
  'https:': '443',
};

/**
 * The links.allow list as a policy. An entry is an exact host name (on the
 * scheme's default port), `*.domain` (any sub-domain, not the domain itself,
 * default port), or either with `:port` (that port only).
 */
export function hostAllowList(
  entries: ReadonlyArray<{ host: string }>,
): HostPolicy {
  const rules = entries.map(({ host }) => {
    const lower = host.toLocaleLowerCase('en-US');
    const portMatch = /:(\d+)$/.exec(lower);
    const name = portMatch ? lower.slice(0, -portMatch[0].length) : lower;
    return {
      wildcard: name.startsWith('*.'),
      name: name.startsWith('*.') ? name.slice(1) : name,
      port: portMatch?.[1],
    };
  });
  return url => {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    const hostname = url.hostname.toLocaleLowerCase('en-US');
    const port = url.port || DEFAULT_PORTS[url.protocol];
    return rules.some(rule => {
      const portOk = rule.port
        ? rule.port === port
        : port === DEFAULT_PORTS[url.protocol];
      if (!portOk) return false;
      return rule.wildcard
        ? hostname.endsWith(rule.name) && hostname.length > rule.name.length
        : hostname === rule.name;
    });
  };
}

/** A policy that allows exactly the origin of one base URL (an API collector's). */
export function sameOriginAs(baseUrl: string): HostPolicy {
  const origin = new URL(baseUrl).origin;
  return url => url.origin === origin;
}

export interface EvidenceHttpRequest {
  url: string;
  method: 'HEAD' | 'GET';
  headers?: Record<string, string>;
  /** An Authorization header value, sent only to this origin. */
  authorization?: { origin: string; value: string };
  /** Read the body (to 1 MiB) and return it as text. */
  readBody?: boolean;
  signal?: AbortSignal;
}

export type EvidenceHttpResponse =
  | { kind: 'response'; status: number; url: string; body?: string }
  /** Not contacted, or stopped before an answer: the reason, in a few words. */
  | { kind: 'failed'; detail: string };

export interface EvidenceHttpClient {
  request(request: EvidenceHttpRequest): Promise<EvidenceHttpResponse>;
}

export const MAX_REDIRECTS = 3;
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_RETRY_AFTER_MS = 60_000;

/** Retry-After as milliseconds (delta seconds or an HTTP date), or undefined. */
export function retryAfterMs(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise(resolve => {
    if (signal?.aborted) {
      resolve(false);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function describeError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })
    ?.cause;
  return (
    cause?.code ?? cause?.message ?? String((error as Error)?.message ?? error)
  );
}

async function readLimited(
  response: Response,
  limit: number,
): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createEvidenceHttpClient(options: {
  allow: HostPolicy;
  timeoutMs: number;
  /** Test seam: the wait for Retry-After. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<boolean>;
}): EvidenceHttpClient {
  const { allow, timeoutMs } = options;
  const wait = options.sleep ?? sleep;
  const timeoutText = `timeout after ${
    timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`
  }`;

  /** One exchange with one URL: no redirect, no retry. */
  async function exchange(
    url: URL,
    request: EvidenceHttpRequest,
  ): Promise<
    | { kind: 'answer'; status: number; headers: Headers; body?: string }
    | { kind: 'failed'; detail: string }
  > {
    const headers: Record<string, string> = { ...request.headers };
    if (request.authorization && url.origin === request.authorization.origin) {
      headers.Authorization = request.authorization.value;
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        redirect: 'manual',
        signal: controller.signal,
      });
      let body: string | undefined;
      if (request.readBody && !REDIRECTS.has(response.status)) {
        body = await readLimited(response, MAX_BODY_BYTES);
        if (body === undefined) {
          return { kind: 'failed', detail: 'response larger than 1 MiB' };
        }
      } else {
        await response.body?.cancel().catch(() => {});
      }
      return {
        kind: 'answer',
        status: response.status,
        headers: response.headers,
        body,
      };
    } catch (error) {
      if (timedOut) return { kind: 'failed', detail: timeoutText };
      if (request.signal?.aborted) return { kind: 'failed', detail: 'aborted' };
      return { kind: 'failed', detail: describeError(error) };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    async request(request) {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return { kind: 'failed', detail: 'not a URL' };
      }
      if (url.username || url.password) {
        return { kind: 'failed', detail: 'URL with credentials not fetched' };
      }
      if (!allow(url)) return { kind: 'failed', detail: 'host not allowed' };
      let method = request.method;
      let redirects = 0;
      let retried = false;
      for (;;) {
        const answer = await exchange(url, { ...request, method });
        if (answer.kind === 'failed') return answer;
        const { status } = answer;
        if (status === 429 && !retried) {
          const delay = retryAfterMs(answer.headers.get('retry-after'));
          if (delay !== undefined && delay <= MAX_RETRY_AFTER_MS) {
            retried = true;
            if (!(await wait(delay, request.signal))) {
              return { kind: 'failed', detail: 'aborted' };
            }
            continue;
          }
        }
        const location = answer.headers.get('location');
        if (REDIRECTS.has(status) && location) {
          if (redirects >= MAX_REDIRECTS) {
            return {
              kind: 'failed',
              detail: `more than ${MAX_REDIRECTS} redirects`,
            };
          }
          let next: URL;
          try {
            next = new URL(location, url);
          } catch {
            return { kind: 'failed', detail: 'redirect to a bad URL' };
          }
          if (next.username || next.password || !allow(next)) {
            return {
              kind: 'failed',
              detail: `redirect to a host not allowed (${next.host})`,
            };
          }
          redirects += 1;
          if (status === 303 && method !== 'HEAD') method = 'GET';
          url = next;
          continue;
        }
        return { kind: 'response', status, url: url.href, body: answer.body };
      }
    },
  };
}

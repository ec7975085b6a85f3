/*
 * The one HTTP client of the evidence collectors. Every rule of
 * shared/evidence.md about contacting outside systems lives here:
 * - a host the policy does not allow is never contacted, and no redirect is
 *   followed to one (redirects are followed by hand, at most 3);
 * - an Authorization header goes only to its own origin (scheme, host, port);
 * - each exchange has a timeout; bodies are read to 1 MiB at most;
 * - 429 waits for Retry-After once when it is at most 60 s.
 */

import http, { ClientRequest, IncomingHttpHeaders } from 'http';
import https from 'https';

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
/** Sockets per host a client keeps at most (above any sane concurrency). */
const MAX_SOCKETS = 256;
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
    let timer: NodeJS.Timeout | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    timer = setTimeout(() => {
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

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function headerOf(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export function createEvidenceHttpClient(options: {
  allow: HostPolicy;
  timeoutMs: number;
  /** Test seam: the wait for Retry-After. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<boolean>;
}): EvidenceHttpClient {
  const { allow, timeoutMs } = options;
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
    https: new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
  };
  const wait = options.sleep ?? sleep;
  const timeoutText = `timeout after ${
    timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`
  }`;

  /**
   * One exchange with one URL: no redirect, no retry. Node's own http client
   * (not fetch): less work per request, and a keep-alive agent per
   * collector whose sockets bound what it holds open.
   */
  function exchange(
    url: URL,
    request: EvidenceHttpRequest,
  ): Promise<
    | {
        kind: 'answer';
        status: number;
        headers: IncomingHttpHeaders;
        body?: string;
      }
    | { kind: 'failed'; detail: string }
  > {
    const headers: Record<string, string> = { ...request.headers };
    if (request.authorization && url.origin === request.authorization.origin) {
      headers.Authorization = request.authorization.value;
    }
    return new Promise(resolve => {
      let settled = false;
      let req: ClientRequest | undefined = undefined;
      let timer: NodeJS.Timeout | undefined = undefined;
      const stop = () => {
        settled = true;
        clearTimeout(timer);
        req?.destroy();
      };
      const onAbort = () => {
        if (settled) return;
        stop();
        resolve({ kind: 'failed', detail: 'aborted' });
      };
      const finish = (
        value:
          | {
              kind: 'answer';
              status: number;
              headers: IncomingHttpHeaders;
              body?: string;
            }
          | { kind: 'failed'; detail: string },
      ) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        resolve(value);
      };
      timer = setTimeout(() => {
        req?.destroy();
        finish({ kind: 'failed', detail: timeoutText });
      }, timeoutMs);
      if (request.signal?.aborted) {
        onAbort();
        return;
      }
      request.signal?.addEventListener('abort', onAbort, { once: true });
      const secure = url.protocol === 'https:';
      req = (secure ? https : http).request(
        url,
        {
          method: request.method,
          headers,
          agent: secure ? agents.https : agents.http,
        },
        res => {
          const status = res.statusCode ?? 0;
          const answer = {
            kind: 'answer' as const,
            status,
            headers: res.headers,
          };
          if (
            !request.readBody ||
            request.method === 'HEAD' ||
            REDIRECTS.has(status)
          ) {
            // The body is not needed: a HEAD answer has none (the socket goes
            // back to the pool); any other is cut off, never downloaded.
            if (request.method === 'HEAD') res.resume();
            else res.destroy();
            finish(answer);
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
              res.destroy();
              finish({ kind: 'failed', detail: 'response larger than 1 MiB' });
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () =>
            finish({ ...answer, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', error =>
            finish({ kind: 'failed', detail: describeError(error) }),
          );
        },
      );
      req.on('error', error =>
        finish({ kind: 'failed', detail: describeError(error) }),
      );
      req.end();
    });
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
          const delay = retryAfterMs(headerOf(answer.headers, 'retry-after'));
          if (delay !== undefined && delay <= MAX_RETRY_AFTER_MS) {
            retried = true;
            if (!(await wait(delay, request.signal))) {
              return { kind: 'failed', detail: 'aborted' };
            }
            continue;
          }
        }
        const location = headerOf(answer.headers, 'location');
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

/*
 * The built-in collectors (shared/evidence.md): links, pagerduty, grafana.
 * What each claims is the engine's (its built-in claimers), so that the
 * backend and the engine agree on the items; how each looks its targets up
 * is here, through the one HTTP client (./http.ts).
 */
import {
  builtinEvidenceClaimers,
  EvidenceClaimer,
  EvidenceConfig,
  GRAFANA_UNSUPPORTED_DETAIL,
  parseGrafanaTarget,
} from '@ai-readiness/plugin-ai-readiness-common';
import {
  collectEach,
  EvidenceCollector,
  EvidenceOutcome,
} from '@ai-readiness/plugin-ai-readiness-node';
import {
  createEvidenceHttpClient,
  EvidenceHttpClient,
  EvidenceHttpResponse,
  hostAllowList,
  sameOriginAs,
} from './http';

/** Default timeout of one exchange, as `links.timeout` defaults. */
export const DEFAULT_TIMEOUT_MS = 5_000;
/** Default number of lookups at once per collector. */
export const DEFAULT_CONCURRENCY = 8;

export interface CollectorSettings {
  timeoutMs: number;
  concurrency: number;
}

function unverified(detail: string): EvidenceOutcome {
  return { state: 'unverified', detail };
}

/** Statuses that decide nothing, with the reason. */
function undecided(response: EvidenceHttpResponse): EvidenceOutcome {
  if (response.kind === 'failed') return unverified(response.detail);
  if (response.status === 429) return unverified('429 rate limited');
  return unverified(String(response.status));
}

function collectorOf(
  claimer: EvidenceClaimer,
  settings: CollectorSettings,
  lookup: (target: string, signal: AbortSignal) => Promise<EvidenceOutcome>,
): EvidenceCollector {
  return {
    id: claimer.id,
    claim: candidate => claimer.claim(candidate),
    collect: (targets, { signal }) =>
      collectEach(
        targets,
        { concurrency: settings.concurrency, signal },
        lookup,
      ),
  };
}

/**
 * links: HEAD (GET when HEAD answers 405 or 501); 2xx verified, 404 and 410
 * refuted; only hosts of `links.allow`, redirects included.
 */
export function createLinksCollector(options: {
  claimer: EvidenceClaimer;
  allow: ReadonlyArray<{ host: string }>;
  settings: CollectorSettings;
  http?: EvidenceHttpClient;
}): EvidenceCollector {
  const http =
    options.http ??
    createEvidenceHttpClient({
      allow: hostAllowList(options.allow),
      timeoutMs: options.settings.timeoutMs,
    });
  return collectorOf(options.claimer, options.settings, async (url, signal) => {
    let response = await http.request({ url, method: 'HEAD', signal });
    if (
      response.kind === 'response' &&
      (response.status === 405 || response.status === 501)
    ) {
      response = await http.request({ url, method: 'GET', signal });
    }
    if (response.kind === 'response') {
      const { status } = response;
      if (status >= 200 && status < 300) {
        return { state: 'verified', detail: String(status) };
      }
      if (status === 404 || status === 410) {
        return { state: 'refuted', detail: String(status) };
      }
    }
    return undecided(response);
  });
}

function parseJson(body: string | undefined): any {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return undefined;
  }
}

/** What an API collector (pagerduty, grafana) is made of. */
export interface ApiCollectorOptions {
  claimer: EvidenceClaimer;
  baseUrl: string;
  token: string;
  settings: CollectorSettings;
  http?: EvidenceHttpClient;
}

/** An API collector's client and request helper: its token goes to its base URL's origin only. */
function apiClient(
  options: ApiCollectorOptions,
  authorization: string,
  accept: string,
) {
  const { baseUrl, settings } = options;
  const headers = { Accept: accept };
  const client =
    options.http ??
    createEvidenceHttpClient({
      allow: sameOriginAs(baseUrl),
      timeoutMs: settings.timeoutMs,
    });
  const origin = new URL(baseUrl).origin;
  return (path: string, signal: AbortSignal) =>
    client.request({
      url: `${baseUrl}${path}`,
      method: 'GET',
      headers,
      authorization: { origin, value: authorization },
      readBody: true,
      signal,
    });
}

/**
 * pagerduty: the service exists (`GET /services/{id}`) and its escalation
 * policy has someone on call (`GET /oncalls?escalation_policy_ids[]=…`).
 */
export function createPagerDutyCollector(
  options: ApiCollectorOptions,
): EvidenceCollector {
  const get = apiClient(
    options,
    `Token token=${options.token}`,
    'application/vnd.pagerduty+json;version=2',
  );
  return collectorOf(options.claimer, options.settings, async (id, signal) => {
    const service = await get(`/services/${encodeURIComponent(id)}`, signal);
    if (service.kind === 'response' && service.status === 404) {
      return { state: 'refuted', detail: 'service not found (404)' };
    }
    if (service.kind !== 'response' || service.status !== 200) {
      return undecided(service);
    }
    const policy = parseJson(service.body)?.service?.escalation_policy?.id;
    if (typeof policy !== 'string' || !policy) {
      return unverified('no escalation policy in the answer');
    }
    const query = new URLSearchParams({ 'escalation_policy_ids[]': policy });
    const oncalls = await get(`/oncalls?${query}`, signal);
    if (oncalls.kind !== 'response' || oncalls.status !== 200) {
      return undecided(oncalls);
    }
    const list = parseJson(oncalls.body)?.oncalls;
    if (!Array.isArray(list))
      return unverified('no on-call list in the answer');
    const onCall = list.filter(entry => entry && entry.user).length;
    return onCall > 0
      ? { state: 'verified', detail: `${onCall} on call` }
      : { state: 'refuted', detail: 'nobody on call' };
  });
}

/**
 * grafana: a target is `tag:<TAG>` (a dashboard selector `tags @> 'TAG'`,
 * verified when the search finds a dashboard) or `uid:<UID>` (an overview
 * dashboard URL, verified when the dashboard exists), as the engine's
 * claimer names them; any other form is answered without contacting Grafana.
 */
export function createGrafanaCollector(
  options: ApiCollectorOptions,
): EvidenceCollector {
  const get = apiClient(options, `Bearer ${options.token}`, 'application/json');
  return collectorOf(
    options.claimer,
    options.settings,
    async (target, signal) => {
      const parsed = parseGrafanaTarget(target);
      if (parsed.kind === 'tag' && parsed.tag) {
        const query = new URLSearchParams({ type: 'dash-db', tag: parsed.tag });
        const search = await get(`/api/search?${query}`, signal);
        if (search.kind !== 'response' || search.status !== 200) {
          return undecided(search);
        }
        const hits = parseJson(search.body);
        if (!Array.isArray(hits)) return unverified('no list in the answer');
        return hits.length > 0
          ? {
              state: 'verified',
              detail: `${hits.length} dashboard${
                hits.length === 1 ? '' : 's'
              } tagged ${parsed.tag}`,
            }
          : { state: 'refuted', detail: `no dashboard tagged ${parsed.tag}` };
      }
      if (parsed.kind === 'uid' && parsed.uid) {
        const dashboard = await get(
          `/api/dashboards/uid/${encodeURIComponent(parsed.uid)}`,
          signal,
        );
        if (dashboard.kind === 'response' && dashboard.status === 200) {
          return { state: 'verified', detail: '200' };
        }
        if (dashboard.kind === 'response' && dashboard.status === 404) {
          return { state: 'refuted', detail: '404' };
        }
        return undecided(dashboard);
      }
      return unverified(GRAFANA_UNSUPPORTED_DETAIL);
    },
  );
}

/**
 * The built-in collectors the config turns on, in this order: links when
 * `links.allow` lists a host, pagerduty when it has a token, grafana when it
 * has a base URL and a token. Each claims with the engine's built-in claimer.
 */
export function createBuiltinCollectors(options: {
  config: EvidenceConfig | undefined;
  timeoutMs: number;
}): EvidenceCollector[] {
  const { config } = options;
  if (!config) return [];
  const settings: CollectorSettings = {
    timeoutMs: options.timeoutMs,
    concurrency: config.links?.concurrency ?? DEFAULT_CONCURRENCY,
  };
  const collectors: EvidenceCollector[] = [];
  if (config.links?.allow.length) {
    collectors.push(
      createLinksCollector({
        claimer: builtinEvidenceClaimers.links,
        allow: config.links.allow,
        settings,
      }),
    );
  }
  if (config.pagerduty) {
    collectors.push(
      createPagerDutyCollector({
        claimer: builtinEvidenceClaimers.pagerduty,
        ...config.pagerduty,
        settings,
      }),
    );
  }
  if (config.grafana) {
    collectors.push(
      createGrafanaCollector({
        claimer: builtinEvidenceClaimers.grafana,
        ...config.grafana,
        settings,
      }),
    );
  }
  return collectors;
}

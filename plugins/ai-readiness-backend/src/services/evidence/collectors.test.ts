import type { EvidenceClaimer } from '@ai-readiness/plugin-ai-readiness-common';
import type { EvidenceCollector } from '@ai-readiness/plugin-ai-readiness-node';
import {
  createGrafanaCollector,
  createLinksCollector,
  createPagerDutyCollector,
} from './collectors';
import {
  json,
  LoopbackServer,
  startLoopbackServer,
} from './__testUtils__/loopback';

jest.setTimeout(30_000);

const claimer = (id: string): EvidenceClaimer => ({
  id,
  claim: () => undefined,
});
const settings = { timeoutMs: 1500, concurrency: 4 };
const PD_TOKEN = 'pd-secret-token';
const GRAFANA_TOKEN = 'grafana-secret-token';

async function collect(collector: EvidenceCollector, targets: string[]) {
  return collector.collect(targets, { signal: new AbortController().signal });
}

let allowed: LoopbackServer;
let other: LoopbackServer;
let pagerduty: LoopbackServer;
let grafana: LoopbackServer;
const counters = new Map<string, number>();

function count(key: string) {
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  return n;
}

beforeAll(async () => {
  // Node loads its fetch implementation on first use: not inside a timed test.
  await fetch('data:,warm-up');
  // The link server that `links.allow` names.
  allowed = await startLoopbackServer((req, res) => {
    const path = req.url ?? '';
    if (path === '/ok') return res.writeHead(200).end();
    if (path === '/head-405') {
      if (req.method === 'HEAD') return res.writeHead(405).end();
      return res.writeHead(200).end('page');
    }
    if (path === '/head-501') {
      if (req.method === 'HEAD') return res.writeHead(501).end();
      return res.writeHead(404).end();
    }
    if (path === '/gone') return res.writeHead(410).end();
    if (path === '/broken') return res.writeHead(500).end();
    if (path === '/private') return res.writeHead(403).end();
    if (path === '/to-ok') return res.writeHead(302, { location: '/ok' }).end();
    if (path === '/to-other')
      return res.writeHead(301, { location: `${other.origin}/ok` }).end();
    if (path.startsWith('/loop/')) {
      const n = Number(path.slice('/loop/'.length));
      return res.writeHead(302, { location: `/loop/${n + 1}` }).end();
    }
    // Three redirects (relative, absolute, 307) and then a page.
    if (path === '/r3') return res.writeHead(302, { location: '/r2' }).end();
    if (path === '/r2')
      return res.writeHead(301, { location: `${allowed.origin}/r1` }).end();
    if (path === '/r1') return res.writeHead(307, { location: '/ok' }).end();
    if (path === '/slow') {
      setTimeout(() => res.writeHead(200).end(), 4000);
      return undefined;
    }
    return res.writeHead(404).end();
  });
  // The link server that is not allowed: it must never receive anything.
  other = await startLoopbackServer((_req, res) => res.writeHead(200).end());

  // PagerDuty's REST API, as far as the collector uses it.
  pagerduty = await startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? '', 'http://pd');
    if (req.headers.authorization !== `Token token=${PD_TOKEN}`) {
      return json(res, 401, { error: { message: 'Unauthorized', code: 2006 } });
    }
    const service = /^\/services\/([^/]+)$/.exec(url.pathname)?.[1];
    if (service) {
      if (service === 'PSLOW') {
        setTimeout(() => json(res, 200, { service: {} }), 4000);
        return undefined;
      }
      if (service === 'PLIMIT' && count('PLIMIT') === 1) {
        res.writeHead(429, { 'retry-after': '1' });
        return res.end();
      }
      if (service === 'PLIMITED') {
        res.writeHead(429, { 'retry-after': '1' });
        return res.end();
      }
      if (service === 'PLONG') {
        res.writeHead(429, { 'retry-after': '120' });
        return res.end();
      }
      if (service === 'PAWAY') {
        return res
          .writeHead(302, { location: `${other.origin}/services/PAWAY` })
          .end();
      }
      const policies: Record<string, string> = {
        PONCALL: 'EP1',
        PLIMIT: 'EP1',
        PEMPTY: 'EP2',
        PNOUSER: 'EP3',
      };
      if (!policies[service]) {
        return json(res, 404, { error: { message: 'Not Found', code: 2100 } });
      }
      return json(res, 200, {
        service: {
          id: service,
          escalation_policy: {
            id: policies[service],
            type: 'escalation_policy_reference',
          },
        },
      });
    }
    if (url.pathname === '/oncalls') {
      const policy = url.searchParams.getAll('escalation_policy_ids[]');
      const oncalls: Record<string, unknown[]> = {
        EP1: [
          { user: { id: 'PU1', summary: 'Ada' }, escalation_level: 1 },
          { user: { id: 'PU2', summary: 'Bob' }, escalation_level: 2 },
        ],
        EP2: [],
        EP3: [{ escalation_level: 1, schedule: null }],
      };
      return json(res, 200, {
        oncalls: oncalls[policy[0]] ?? [],
        limit: 25,
        offset: 0,
        more: false,
      });
    }
    return json(res, 404, { error: { message: 'Not Found' } });
  });

  // Grafana's HTTP API: search by tag, dashboard by uid.
  grafana = await startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? '', 'http://grafana');
    if (req.headers.authorization !== `Bearer ${GRAFANA_TOKEN}`) {
      return json(res, 401, { message: 'Unauthorized' });
    }
    if (url.pathname === '/api/search') {
      const tag = url.searchParams.get('tag');
      const type = url.searchParams.get('type');
      const hits =
        type === 'dash-db' && tag === 'pilot-a'
          ? [
              {
                uid: 'abc',
                title: 'Pilot A',
                type: 'dash-db',
                tags: ['pilot-a'],
              },
            ]
          : [];
      return json(res, 200, hits);
    }
    const uid = /^\/api\/dashboards\/uid\/([^/]+)$/.exec(url.pathname)?.[1];
    if (uid === 'abc')
      return json(res, 200, { dashboard: { uid: 'abc' }, meta: {} });
    if (uid === 'big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(`"${'x'.repeat(2 * 1024 * 1024)}"`);
    }
    return json(res, 404, { message: 'Dashboard not found' });
  });
});

afterAll(async () => {
  await Promise.all([allowed, other, pagerduty, grafana].map(s => s?.close()));
});

beforeEach(() => {
  counters.clear();
  for (const server of [allowed, other, pagerduty, grafana]) {
    server.received.length = 0;
  }
});

afterEach(() => {
  // No request ever reaches a host off the allow list, and no token leaves
  // its own API: a violation fails the test that caused it.
  const leaks: string[] = [];
  if (other.received.length) {
    leaks.push(`${other.received.length} requests to the host not allowed`);
  }
  for (const [name, server, token] of [
    ['link server', allowed, PD_TOKEN],
    ['link server', allowed, GRAFANA_TOKEN],
    ['other link server', other, PD_TOKEN],
    ['other link server', other, GRAFANA_TOKEN],
    ['Grafana', grafana, PD_TOKEN],
    ['PagerDuty', pagerduty, GRAFANA_TOKEN],
  ] as const) {
    if (
      server.received.some(req => JSON.stringify(req.headers).includes(token))
    )
      leaks.push(`a token sent to the ${name}`);
  }
  if (leaks.length) throw new Error(leaks.join('; '));
});

describe('links collector', () => {
  const links = () =>
    createLinksCollector({
      claimer: claimer('links'),
      allow: [{ host: allowed.host }],
      settings,
    });

  it('decides each answer as shared/evidence.md says', async () => {
    const at = (path: string) => `${allowed.origin}${path}`;
    const results = await collect(links(), [
      at('/ok'),
      at('/head-405'),
      at('/head-501'),
      at('/missing'),
      at('/gone'),
      at('/broken'),
      at('/private'),
      at('/to-ok'),
      at('/to-other'),
      at('/r3'),
      at('/loop/0'),
      `${other.origin}/ok`,
      `http://localhost:${other.host.split(':')[1]}/ok`,
    ]);
    const summary = Object.fromEntries(
      [...results].map(([url, r]) => [
        url.replace(allowed.origin, 'A').replace(other.origin, 'B'),
        `${r.state} ${r.detail}`,
      ]),
    );
    expect(summary).toEqual({
      'A/ok': 'verified 200',
      'A/head-405': 'verified 200',
      'A/head-501': 'refuted 404',
      'A/missing': 'refuted 404',
      'A/gone': 'refuted 410',
      'A/broken': 'unverified 500',
      'A/private': 'unverified 403',
      'A/to-ok': 'verified 200',
      'A/to-other': `unverified redirect to a host not allowed (${other.host})`,
      'A/r3': 'verified 200',
      'A/loop/0': 'unverified more than 3 redirects',
      'B/ok': 'unverified host not allowed',
      [`http://localhost:${other.host.split(':')[1]}/ok`]:
        'unverified host not allowed',
    });
    // HEAD first; GET only after 405/501.
    const methods = allowed.received
      .filter(r => r.url.startsWith('/head-'))
      .map(r => `${r.method} ${r.url}`);
    expect(methods.sort()).toEqual([
      'GET /head-405',
      'GET /head-501',
      'HEAD /head-405',
      'HEAD /head-501',
    ]);
    expect(
      allowed.received.filter(r => r.url === '/ok').map(r => r.method),
    ).toEqual(['HEAD', 'HEAD', 'HEAD']); // /ok, after /to-ok, after /r1
  });

  it('follows up to 3 redirects, not a 4th', async () => {
    const results = await collect(links(), [`${allowed.origin}/loop/7`]);
    expect(results.get(`${allowed.origin}/loop/7`)?.detail).toBe(
      'more than 3 redirects',
    );
    expect(allowed.received.map(r => r.url)).toEqual([
      '/loop/7',
      '/loop/8',
      '/loop/9',
      '/loop/10',
    ]);
  });

  it('gives up on an answer slower than the timeout', async () => {
    const started = Date.now();
    const results = await collect(links(), [`${allowed.origin}/slow`]);
    expect(results.get(`${allowed.origin}/slow`)).toEqual({
      state: 'unverified',
      detail: 'timeout after 1500 ms',
    });
    expect(Date.now() - started).toBeLessThan(3900);
  });

  it('honours an allow list by wildcard and by exact host', async () => {
    const wildcard = createLinksCollector({
      claimer: claimer('links'),
      allow: [{ host: '*.example.invalid' }, { host: 'wiki.example.invalid' }],
      settings,
    });
    const results = await collect(wildcard, [`${allowed.origin}/ok`]);
    expect(results.get(`${allowed.origin}/ok`)?.detail).toBe(
      'host not allowed',
    );
    expect(allowed.received).toEqual([]);
  });
});

describe('pagerduty collector', () => {
  const pd = (token = PD_TOKEN) =>
    createPagerDutyCollector({
      claimer: claimer('pagerduty'),
      baseUrl: pagerduty.origin,
      token,
      settings,
    });

  it('verifies a service with someone on call, refutes a missing one or an empty rota', async () => {
    const results = await collect(pd(), [
      'PONCALL',
      'PMISSING',
      'PEMPTY',
      'PNOUSER',
    ]);
    expect(Object.fromEntries(results)).toEqual({
      PONCALL: { state: 'verified', detail: '2 on call' },
      PMISSING: { state: 'refuted', detail: 'service not found (404)' },
      PEMPTY: { state: 'refuted', detail: 'nobody on call' },
      PNOUSER: { state: 'refuted', detail: 'nobody on call' },
    });
    const asked = pagerduty.received
      .filter(r => r.url.startsWith('/oncalls'))
      .flatMap(r =>
        new URL(r.url, 'http://x').searchParams.getAll(
          'escalation_policy_ids[]',
        ),
      );
    expect(asked.sort()).toEqual(['EP1', 'EP2', 'EP3']);
    for (const req of pagerduty.received) {
      expect(req.method).toBe('GET');
      expect(req.headers.authorization).toBe(`Token token=${PD_TOKEN}`);
      expect(req.headers.accept).toBe(
        'application/vnd.pagerduty+json;version=2',
      );
    }
  });

  it('leaves a service unverified on 401, a slow answer or a redirect elsewhere', async () => {
    const bad = await collect(pd('wrong'), ['PONCALL']);
    expect(bad.get('PONCALL')).toEqual({ state: 'unverified', detail: '401' });
    const results = await collect(pd(), ['PSLOW', 'PAWAY']);
    expect(results.get('PSLOW')).toEqual({
      state: 'unverified',
      detail: 'timeout after 1500 ms',
    });
    expect(results.get('PAWAY')).toEqual({
      state: 'unverified',
      detail: `redirect to a host not allowed (${other.host})`,
    });
  });

  it('honours Retry-After once on 429, then gives up', async () => {
    const started = Date.now();
    const results = await collect(pd(), ['PLIMIT', 'PLIMITED', 'PLONG']);
    expect(Object.fromEntries(results)).toEqual({
      PLIMIT: { state: 'verified', detail: '2 on call' },
      PLIMITED: { state: 'unverified', detail: '429 rate limited' },
      PLONG: { state: 'unverified', detail: '429 rate limited' },
    });
    const calls = (id: string) =>
      pagerduty.received.filter(r => r.url === `/services/${id}`).length;
    expect(calls('PLIMIT')).toBe(2);
    expect(calls('PLIMITED')).toBe(2);
    expect(calls('PLONG')).toBe(1); // 120 s is past the 60 s bound: no wait
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });
});

describe('grafana collector', () => {
  const collector = () =>
    createGrafanaCollector({
      claimer: claimer('grafana'),
      baseUrl: grafana.origin,
      token: GRAFANA_TOKEN,
      settings,
    });

  it('verifies by tag search and by uid, refutes an empty search and a missing uid', async () => {
    const results = await collect(collector(), [
      'tag:pilot-a',
      'tag:nothing',
      'uid:abc',
      'uid:gone',
      'uid:big',
      'unsupported:regex',
    ]);
    expect(Object.fromEntries(results)).toEqual({
      'tag:pilot-a': {
        state: 'verified',
        detail: '1 dashboard tagged pilot-a',
      },
      'tag:nothing': {
        state: 'refuted',
        detail: 'no dashboard tagged nothing',
      },
      'uid:abc': { state: 'verified', detail: '200' },
      'uid:gone': { state: 'refuted', detail: '404' },
      'uid:big': { state: 'unverified', detail: 'response larger than 1 MiB' },
      'unsupported:regex': {
        state: 'unverified',
        detail: 'selector form not supported',
      },
    });
    expect(grafana.received.map(r => r.url).sort()).toEqual([
      '/api/dashboards/uid/abc',
      '/api/dashboards/uid/big',
      '/api/dashboards/uid/gone',
      '/api/search?type=dash-db&tag=nothing',
      '/api/search?type=dash-db&tag=pilot-a',
    ]);
    for (const req of grafana.received) {
      expect(req.headers.authorization).toBe(`Bearer ${GRAFANA_TOKEN}`);
    }
  });
});

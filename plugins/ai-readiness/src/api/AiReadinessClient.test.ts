import { AiReadinessClient } from './AiReadinessClient';

function setup(response: {
  status?: number;
  body?: unknown;
  text?: string;
  contentType?: string;
}) {
  const status = response.status ?? 200;
  const text =
    response.text ??
    (response.body !== undefined ? JSON.stringify(response.body) : '');
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => ({
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 404 ? 'Not Found' : 'OK',
    url: _url,
    headers: {
      get: (h: string) =>
        h.toLowerCase() === 'content-type'
          ? response.contentType ?? 'application/json'
          : null,
    },
    json: async () => JSON.parse(text),
    text: async () => text,
    blob: async () => ({ size: text.length, text: async () => text }),
  }));
  const client = new AiReadinessClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backend/api/${id}`,
    },
    fetchApi: { fetch: fetch as any },
  });
  return { client, fetch };
}

describe('AiReadinessClient', () => {
  it('fetches one scorecard by namespace/kind/name', async () => {
    const { client, fetch } = setup({ body: { entityRef: 'x' } });
    await expect(
      client.getScorecard('Component:Default/Fraud Explainer'),
    ).resolves.toEqual({ entityRef: 'x' });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ai-readiness/scorecards/default/component/Fraud%20Explainer',
      undefined,
    );
  });

  it('throws a ResponseError naming the status when the answer is not ok', async () => {
    const { client } = setup({
      status: 404,
      body: {
        error: { name: 'NotFoundError', message: 'not an AI pilot' },
        response: { statusCode: 404 },
      },
    });
    const error = await client
      .getScorecard('component:default/nope')
      .catch(e => e);
    expect(error.name).toBe('ResponseError');
    expect(error.statusCode).toBe(404);
    expect(error.cause.message).toBe('not an AI pilot');
  });

  it('sends filters, sorting and paging to /scorecards, skipping empty ones', async () => {
    const { client, fetch } = setup({ body: { items: [], totalCount: 0 } });
    await client.listScorecards({
      owner: 'group:default/ml',
      system: '',
      level: 'L2',
      dimension: 'fallback',
      q: 'fraud & co',
      limit: 25,
      offset: 50,
      orderBy: 'score',
      order: 'desc',
    });
    const url = new URL(fetch.mock.calls[0][0]);
    expect(url.pathname).toBe('/api/ai-readiness/scorecards');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      owner: 'group:default/ml',
      level: 'L2',
      dimension: 'fallback',
      q: 'fraud & co',
      limit: '25',
      offset: '50',
      orderBy: 'score',
      order: 'desc',
    });
  });

  it('asks for history, summary and rubric on their routes', async () => {
    const { client, fetch } = setup({ body: { items: [] } });
    await client.getHistory('component:default/a', { from: '2026-01-01' });
    await client.getSummary('owner');
    await client.getRubric();
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backend/api/ai-readiness/scorecards/default/component/a/history?from=2026-01-01',
      'http://backend/api/ai-readiness/summary?groupBy=owner',
      'http://backend/api/ai-readiness/rubric',
    ]);
  });

  it('exports CSV with the filters but without paging', async () => {
    const { client, fetch } = setup({
      text: 'entityRef\n',
      contentType: 'text/csv',
    });
    const blob = await client.exportCsv({
      owner: 'group:default/ml',
      limit: 25,
      offset: 25,
    });
    expect(blob.size).toBe(10);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/ai-readiness/export.csv?owner=group%3Adefault%2Fml',
    );
  });

  it('sends the scope filter to /scorecards and /export.csv', async () => {
    const { client, fetch } = setup({ body: { items: [], totalCount: 0 } });
    await client.listScorecards({ scope: 'tool-server', limit: 25 });
    await client.exportCsv({
      scope: 'model-dependency',
      level: 'L1',
      limit: 25,
    });
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backend/api/ai-readiness/scorecards?scope=tool-server&limit=25',
      'http://backend/api/ai-readiness/export.csv?scope=model-dependency&level=L1',
    ]);
  });

  it('asks for a page of a campaign with its filters, skipping absent ones', async () => {
    const { client, fetch } = setup({ body: { id: 'l2', pilots: [] } });
    await client.getCampaign('l2 q1', { met: false, limit: 25, offset: 50 });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/ai-readiness/campaigns/l2%20q1?met=false&limit=25&offset=50',
      undefined,
    );
    await client.getCampaign('l2', { q: '', owner: 'group:default/ml' });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/ai-readiness/campaigns/l2?owner=group%3Adefault%2Fml',
      undefined,
    );
    await client.getCampaign('l2');
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/ai-readiness/campaigns/l2',
      undefined,
    );
  });

  it('posts a refresh for one entity', async () => {
    const { client, fetch } = setup({ status: 202, text: '' });
    await client.refresh('component:default/a');
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://backend/api/ai-readiness/refresh');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({
      entityRef: 'component:default/a',
    });
  });

  it('rejects a refresh the backend refuses', async () => {
    const { client } = setup({
      status: 403,
      body: {
        error: { name: 'NotAllowedError', message: 'not allowed' },
        response: { statusCode: 403 },
      },
    });
    await expect(client.refresh()).rejects.toMatchObject({ statusCode: 403 });
  });

  it('posts draft YAML to /evaluate with asOf as a query parameter', async () => {
    const answer = { asOf: '2026-11-25', scorecards: [], errors: [] };
    const { client, fetch } = setup({ status: 200, body: answer });
    const controller = new AbortController();
    await expect(
      client.evaluate(
        { yaml: 'kind: Component\n', asOf: '2026-11-25' },
        { signal: controller.signal },
      ),
    ).resolves.toEqual(answer);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(
      'http://backend/api/ai-readiness/evaluate?asOf=2026-11-25',
    );
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe(
      'application/yaml',
    );
    expect(init?.body).toBe('kind: Component\n');
    expect(init?.signal).toBe(controller.signal);
  });

  it('asks for, lists, decides and exports waivers on the waiver routes', async () => {
    const { client, fetch } = setup({ body: { id: 'w1' } });
    await client.requestWaiver({
      entityRef: 'component:default/a',
      checkId: 'SEC-2',
      category: 'waiver',
      justification: 'the vendor review is booked for January',
      expires: '2027-01-31',
    });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/ai-readiness/waivers',
      expect.objectContaining({
        method: 'POST',
        body: expect.stringContaining('"checkId":"SEC-2"'),
      }),
    );
    await client.listWaivers({ state: 'pending', checkId: '', limit: 10 });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/ai-readiness/waivers?state=pending&limit=10',
      undefined,
    );
    await client.decideWaiver('w 1', 'approve', 'ok until January');
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/ai-readiness/waivers/w%201/approve',
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify({ comment: 'ok until January' }),
      }),
    );
    await client.getWaiverPolicy('component:default/a');
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/ai-readiness/waivers/policy?entityRef=component%3Adefault%2Fa',
      undefined,
    );
    await client.exportWaiversCsv({ state: 'approved', limit: 5, offset: 5 });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/ai-readiness/waivers.csv?state=approved',
      undefined,
    );
  });
});

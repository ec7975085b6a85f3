import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { entityRoutePath } from '@ai-readiness/plugin-ai-readiness-common';
import { ResponseError } from '@backstage/errors';
import type {
  EvaluateResponse,
  FixPreviewRequest,
  FixPreviewResponse,
  CampaignDetail,
  CampaignListResponse,
  CampaignPilotsQuery,
  HistoryResponse,
  RubricDescription,
  Scorecard,
  ScorecardListResponse,
  SummaryResponse,
  WaiverDecision,
  WaiverPolicyResponse,
  WaiverRequest,
  WaiverRequestInput,
  WaiverRequestList,
  WaiverRequestWithAudit,
} from '@ai-readiness/plugin-ai-readiness-common';
import type {
  AiReadinessApi,
  WaiverQuery,
  ScorecardQuery,
  SummaryGroupBy,
} from './AiReadinessApi';

/**
 * Talks to the ai-readiness backend through the discovery and fetch APIs, so
 * the user's Backstage token goes with every request.
 *
 * @public
 */
export class AiReadinessClient implements AiReadinessApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getScorecard(entityRef: string): Promise<Scorecard> {
    return this.get<Scorecard>(`/scorecards/${entityRoutePath(entityRef)}`);
  }

  async getHistory(
    entityRef: string,
    options: { from?: string; to?: string } = {},
  ): Promise<HistoryResponse> {
    return this.get<HistoryResponse>(
      `/scorecards/${entityRoutePath(entityRef)}/history${queryString(
        options,
      )}`,
    );
  }

  async listScorecards(
    query: ScorecardQuery = {},
  ): Promise<ScorecardListResponse> {
    return this.get<ScorecardListResponse>(`/scorecards${queryString(query)}`);
  }

  async getSummary(groupBy: SummaryGroupBy): Promise<SummaryResponse> {
    return this.get<SummaryResponse>(`/summary${queryString({ groupBy })}`);
  }

  async getRubric(): Promise<RubricDescription> {
    return this.get<RubricDescription>('/rubric');
  }

  async exportCsv(query: ScorecardQuery = {}): Promise<Blob> {
    const { limit, offset, ...filters } = query;
    const res = await this.request(`/export.csv${queryString(filters)}`);
    return res.blob();
  }

  async refresh(entityRef?: string): Promise<void> {
    await this.request('/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(entityRef ? { entityRef } : {}),
    });
  }

  async evaluate(
    request: { yaml: string; asOf?: string },
    options: { signal?: AbortSignal } = {},
  ): Promise<EvaluateResponse> {
    const res = await this.request(
      `/evaluate${queryString({ asOf: request.asOf })}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/yaml' },
        body: request.yaml,
        signal: options.signal,
      },
    );
    return (await res.json()) as EvaluateResponse;
  }

  async previewFix(
    request: FixPreviewRequest,
    options: { signal?: AbortSignal } = {},
  ): Promise<FixPreviewResponse> {
    const res = await this.request('/fixes/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
      signal: options.signal,
    });
    return (await res.json()) as FixPreviewResponse;
  }

  async listCampaigns(): Promise<CampaignListResponse> {
    return this.get<CampaignListResponse>('/campaigns');
  }

  async getCampaign(
    id: string,
    query: CampaignPilotsQuery = {},
  ): Promise<CampaignDetail> {
    return this.get<CampaignDetail>(
      `/campaigns/${encodeURIComponent(id)}${queryString(query)}`,
    );
  }

  async exportCampaignCsv(id: string): Promise<Blob> {
    const res = await this.request(
      `/campaigns/${encodeURIComponent(id)}/export.csv`,
    );
    return res.blob();
  }

  async requestWaiver(input: WaiverRequestInput): Promise<WaiverRequest> {
    return this.post<WaiverRequest>('/waivers', input);
  }

  async listWaivers(query: WaiverQuery = {}): Promise<WaiverRequestList> {
    return this.get<WaiverRequestList>(`/waivers${queryString(query)}`);
  }

  async getWaiver(id: string): Promise<WaiverRequestWithAudit> {
    return this.get<WaiverRequestWithAudit>(
      `/waivers/${encodeURIComponent(id)}`,
    );
  }

  async decideWaiver(
    id: string,
    decision: WaiverDecision,
    comment?: string,
  ): Promise<WaiverRequest> {
    return this.post<WaiverRequest>(
      `/waivers/${encodeURIComponent(id)}/${decision}`,
      comment ? { comment } : {},
    );
  }

  async getWaiverPolicy(entityRef: string): Promise<WaiverPolicyResponse> {
    return this.get<WaiverPolicyResponse>(
      `/waivers/policy${queryString({ entityRef })}`,
    );
  }

  async exportWaiversCsv(query: WaiverQuery = {}): Promise<Blob> {
    const { limit, offset, ...filters } = query;
    const res = await this.request(`/waivers.csv${queryString(filters)}`);
    return res.blob();
  }

  private async post<T>(path: string, body: object): Promise<T> {
    const res = await this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as T;
  }

  private async get<T>(path: string): Promise<T> {
    const res = await this.request(path);
    return (await res.json()) as T;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ai-readiness');
    const res = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res;
  }
}

function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

import { entityRefKey } from '@ai-readiness/plugin-ai-readiness-common';
import { useApi } from '@backstage/core-plugin-api';
import type { ScorecardSummary } from '@ai-readiness/plugin-ai-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { AiReadinessApi, aiReadinessApiRef } from '../../api';

/** Largest page of GET /scorecards. */
const PAGE = 1000;
/** How long one index serves every row and filter of the catalog page. */
const TTL_MS = 60_000;

const cache = new WeakMap<
  AiReadinessApi,
  { at: number; index: Promise<Map<string, ScorecardSummary>> }
>();

async function loadIndex(
  api: AiReadinessApi,
): Promise<Map<string, ScorecardSummary>> {
  const index = new Map<string, ScorecardSummary>();
  for (let offset = 0; ; offset += PAGE) {
    const { items, totalCount } = await api.listScorecards({
      limit: PAGE,
      offset,
    });
    for (const item of items) index.set(entityRefKey(item.entityRef), item);
    if (!items.length || offset + items.length >= totalCount) break;
  }
  return index;
}

/**
 * Every visible pilot's summary by lower-cased entity ref, from GET
 * /scorecards in pages of 1000: one request for a catalog of up to 1000
 * pilots, shared by every row and the filter (never one request per row).
 */
export function readinessIndex(
  api: AiReadinessApi,
  now = Date.now(),
): Promise<Map<string, ScorecardSummary>> {
  const hit = cache.get(api);
  if (hit && now - hit.at < TTL_MS) return hit.index;
  const index = loadIndex(api);
  cache.set(api, { at: now, index });
  index.catch(() => cache.delete(api));
  return index;
}

/** The readiness index for components; undefined while it loads. */
export function useReadinessIndex() {
  const api = useApi(aiReadinessApiRef);
  return useAsync(() => readinessIndex(api), [api]);
}

import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  DIMENSION_IDS,
  entityRefKey,
  DimensionId,
  READINESS_LEVELS,
  ReadinessLevel,
  SummaryGroup,
  SummaryResponse,
} from '@ai-readiness/plugin-ai-readiness-common';
import type {
  ScorecardQuery,
  ScorecardRow,
  ScorecardStore,
} from '../../database/ScorecardStore';
import type {
  CatalogVisibility,
  VisibleView,
} from '../CatalogVisibility/types';
import { HIDDEN_ENTITY, ScorecardRedactor } from '../Redactor/types';
import type { ScorecardRefresher } from '../ScorecardRefresher/types';
import { NO_GROUP_KEY, ScorecardQueries, SummaryGroupBy } from './types';
import { rememberPromise } from '../rememberPromise';
import { readMembership } from '../Campaigns/members';

const MAX_CACHED_RESULTS = 500;
const TOP_GAPS = 10;

interface Accumulator {
  count: number;
  levels: Record<ReadinessLevel, number>;
  scoreSum: number;
  dimSum: Partial<Record<DimensionId, number>>;
  dimCount: Partial<Record<DimensionId, number>>;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The owner and every ancestor group, walking spec.parent; stops at a cycle. */
export function ownerChain(
  owner: string,
  parents: ReadonlyMap<string, string>,
): string[] {
  const chain = [owner];
  const seen = new Set(chain);
  let current = parents.get(owner);
  while (current && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = parents.get(current);
  }
  return chain;
}

/** The summary groups a row counts in. */
function groupKeys(
  row: ScorecardRow,
  groupBy: SummaryGroupBy,
  groupParents: ReadonlyMap<string, string>,
): string[] {
  if (groupBy === 'level') return [row.level];
  if (groupBy === 'system') return [row.system ?? NO_GROUP_KEY];
  return row.owner ? ownerChain(row.owner, groupParents) : [NO_GROUP_KEY];
}

/** Aggregates rows into summary groups and the most frequent failing checks. */
export function summarize(
  rows: ScorecardRow[],
  groupBy: SummaryGroupBy,
  groupParents: ReadonlyMap<string, string>,
  /** Groups the caller may not see: counted together under HIDDEN_ENTITY. */
  hidden: ReadonlySet<string> = new Set(),
): SummaryResponse {
  const groups = new Map<string, Accumulator>();
  const acc = (key: string) => {
    let a = groups.get(key);
    if (!a) {
      a = {
        count: 0,
        levels: { L0: 0, L1: 0, L2: 0, L3: 0 },
        scoreSum: 0,
        dimSum: {},
        dimCount: {},
      };
      groups.set(key, a);
    }
    return a;
  };
  if (groupBy === 'level') READINESS_LEVELS.forEach(level => acc(level));

  const gaps = new Map<string, number>();
  for (const row of rows) {
    const keys = new Set(
      groupKeys(row, groupBy, groupParents).map(key =>
        hidden.has(key) ? HIDDEN_ENTITY : key,
      ),
    );
    for (const key of keys) {
      const a = acc(key);
      a.count += 1;
      a.levels[row.level] += 1;
      a.scoreSum += row.score;
      for (const id of DIMENSION_IDS) {
        const score = row.dimensionScores[id];
        if (typeof score === 'number') {
          a.dimSum[id] = (a.dimSum[id] ?? 0) + score;
          a.dimCount[id] = (a.dimCount[id] ?? 0) + 1;
        }
      }
    }
    for (const checkId of row.failingChecks) {
      gaps.set(checkId, (gaps.get(checkId) ?? 0) + 1);
    }
  }

  const out: SummaryGroup[] = [...groups.entries()].map(([key, a]) => {
    const dimensions: Partial<Record<DimensionId, number | null>> = {};
    for (const id of DIMENSION_IDS) {
      const n = a.dimCount[id] ?? 0;
      dimensions[id] = n ? round((a.dimSum[id] ?? 0) / n, 3) : null;
    }
    return {
      key,
      count: a.count,
      levels: a.levels,
      score: a.count ? round(a.scoreSum / a.count, 1) : 0,
      dimensions,
    };
  });
  if (groupBy === 'level') {
    out.sort(
      (x, y) =>
        READINESS_LEVELS.indexOf(x.key as ReadinessLevel) -
        READINESS_LEVELS.indexOf(y.key as ReadinessLevel),
    );
  } else {
    out.sort((x, y) => y.count - x.count || x.key.localeCompare(y.key, 'en'));
  }
  const topGaps = [...gaps.entries()]
    .map(([checkId, count]) => ({ checkId, count }))
    .sort((x, y) => y.count - x.count || (x.checkId < y.checkId ? -1 : 1))
    .slice(0, TOP_GAPS);
  return { groups: out, topGaps };
}

/**
 * Filtering happens in the store's query (owner, system, level, dimension,
 * text, order); what the caller may read is checked against one catalog
 * lookup per caller (see CatalogVisibility). Results are cached per store
 * revision and per visibility snapshot, so repeated reads cost nothing until
 * a refresh writes or the caller's snapshot expires.
 */
export function createScorecardQueries(options: {
  store: ScorecardStore;
  visibility: CatalogVisibility;
  /** Scores a visible pilot that has no stored scorecard yet. */
  refresher: Pick<ScorecardRefresher, 'evaluateOnDemand'>;
  /** Hides what the caller may not see from every answer (after the caches: they are shared). */
  redactor: ScorecardRedactor;
  /** Turns the read caches off (the backend bench measures what each one gains). */
  caches?: { results?: boolean; rows?: boolean };
}): ScorecardQueries {
  const { store, visibility, refresher } = options;
  const redact = <T>(credentials: BackstageCredentials, value: T) =>
    options.redactor.redact(credentials, value);
  const cacheResults = options.caches?.results ?? true;
  const cacheRows = options.caches?.rows ?? true;
  let revision = -1;
  let kinds: Promise<string[]> | undefined;
  // Pilots below their target (the `offTarget` filter), read from the summaries.
  let offTargetRefs: Promise<Set<string>> | undefined;
  // Measured (npm run bench -- backend, caches part, 10k pilots): without it
  // requests take 2.3× (3 busy callers) to 3.2× (20 callers) as long.
  const rowsCache = new Map<string, Promise<ScorecardRow[]>>();
  // Measured: without it busy callers' requests take 2.6× as long (1.1× for
  // 20 callers whose views expire between requests).
  const results = new Map<string, Promise<unknown>>();

  // Concurrent requests share one revision query (each request still sees a
  // revision read after it arrived, or by a query already running then).
  let revisionQuery: Promise<number> | undefined;
  function readRevision(): Promise<number> {
    if (!revisionQuery) {
      revisionQuery = store.getRevision().finally(() => {
        revisionQuery = undefined;
      });
    }
    return revisionQuery;
  }

  /** The store's revision; caches of older revisions are dropped. */
  async function sync(): Promise<number> {
    const current = await readRevision();
    if (current !== revision) {
      revision = current;
      kinds = undefined;
      offTargetRefs = undefined;
      rowsCache.clear();
      results.clear();
    }
    return current;
  }

  function remember<T>(
    map: Map<string, Promise<T>>,
    key: string,
    make: () => Promise<T>,
  ) {
    if ((map === results && !cacheResults) || (map === rowsCache && !cacheRows))
      return make();
    return rememberPromise(map, key, make, MAX_CACHED_RESULTS);
  }

  async function visibleRows(
    credentials: BackstageCredentials,
    query: ScorecardQuery,
  ): Promise<{ stamp: string; view: VisibleView; rows: ScorecardRow[] }> {
    const rev = await sync();
    kinds ??= store.listKinds();
    const kindList = await kinds;
    if (!kindList.length) {
      return {
        stamp: `${rev}|0`,
        view: { id: 0, refs: new Set(), groupParents: new Map() },
        rows: [],
      };
    }
    const view = await visibility.view(credentials, kindList);
    const stamp = `${rev}|${view.id}`;
    const queryKey = JSON.stringify(query);
    // An owner filter takes the team and its sub-teams, as the owner summary
    // rolls sub-teams up into their parents: the store matches everything
    // else, the group tree (from the catalog) decides the owner.
    const { owner, offTarget, ...storeQuery } = query;
    const ownerKey = owner ? entityRefKey(owner) : undefined;
    const below =
      offTarget === undefined
        ? undefined
        : await (offTargetRefs ??= readMembership(store, []).then(
            m => m.offTarget,
          ));
    const rows = await remember(
      results as Map<string, Promise<ScorecardRow[]>>,
      `rows|${stamp}|${queryKey}`,
      async () => {
        const all = await remember(
          rowsCache,
          `${rev}|${JSON.stringify(storeQuery)}`,
          () => store.queryRows(storeQuery),
        );
        return all.filter(
          row =>
            view.refs.has(row.entityRef) &&
            (!below || below.has(row.entityRef) === offTarget) &&
            (!ownerKey ||
              (row.owner !== null &&
                ownerChain(row.owner, view.groupParents).includes(ownerKey))),
        );
      },
    );
    return { stamp, view, rows };
  }

  /** The entity, when the caller may read it in the catalog; else 404. */
  async function visibleEntity(
    credentials: BackstageCredentials,
    entityRef: string,
  ) {
    const entity = await visibility.getEntity(credentials, entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} visible to the caller`);
    }
    return entity;
  }

  return {
    getVisibleEntity: (credentials, entityRef) =>
      visibleEntity(credentials, entityRefKey(entityRef)),

    async get(credentials, entityRef) {
      const ref = entityRefKey(entityRef);
      const entity = await visibleEntity(credentials, ref);
      const card =
        (await store.getScorecard(ref)) ??
        (await refresher.evaluateOnDemand(entity, credentials));
      if (!card) throw new NotFoundError(`${ref} is not an AI pilot`);
      return redact(credentials, card);
    },

    async history(credentials, entityRef, range) {
      const ref = entityRefKey(entityRef);
      await visibleEntity(credentials, ref);
      return store.getHistory(ref, range);
    },

    async list(credentials, query, page) {
      const { stamp, rows } = await visibleRows(credentials, query);
      const key = `list|${stamp}|${JSON.stringify(query)}|${page.limit}|${
        page.offset
      }`;
      const answer = await remember(
        results as Map<string, Promise<any>>,
        key,
        async () => {
          const slice = rows.slice(page.offset, page.offset + page.limit);
          const items = await store.getSummaries(slice.map(r => r.entityRef));
          return { items, totalCount: rows.length };
        },
      );
      return redact(credentials, answer);
    },

    async listAll(credentials, query) {
      const { rows } = await visibleRows(credentials, query);
      return redact(
        credentials,
        await store.getSummaries(rows.map(r => r.entityRef)),
      );
    },

    async summary(credentials, query, groupBy) {
      const { stamp, view, rows } = await visibleRows(credentials, query);
      const key = `summary|${stamp}|${JSON.stringify(query)}|${groupBy}`;
      // The group refs, once per answer; which the caller may not see, per request.
      const refs = await remember(
        results as Map<string, Promise<string[]>>,
        `keys|${key}`,
        async () => {
          if (groupBy === 'level') return [];
          const found = new Set<string>();
          for (const row of rows)
            for (const k of groupKeys(row, groupBy, view.groupParents))
              if (k !== NO_GROUP_KEY) found.add(k);
          return [...found];
        },
      );
      const hidden = await options.redactor.hidden(credentials, refs);
      return redact(
        credentials,
        await remember(
          results as Map<string, Promise<SummaryResponse>>,
          `${key}|${[...hidden].sort().join(',')}`,
          async () => summarize(rows, groupBy, view.groupParents, hidden),
        ),
      );
    },
  };
}

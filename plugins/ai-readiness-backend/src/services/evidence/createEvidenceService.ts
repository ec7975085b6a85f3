import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  EntityGraph,
  EvidenceItem,
  EvidenceResult,
  EvidenceView,
  ReadinessEngine,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { EvidenceCollector } from '@ai-readiness/plugin-ai-readiness-node';
import type {
  EvidenceStore,
  StoredEvidence,
} from '../../database/EvidenceStore';
import type { ReadinessEvaluator } from '../ReadinessEvaluator/types';
import type { CollectionReport, EvidenceService } from './types';

const PAGE_SIZE = 1000;
/** Rounds of fetching what a pilot references (its owner Group, ...). */
const MAX_FETCH_ROUNDS = 3;
/** Above this many pilots to re-evaluate, one full refresh is cheaper than one by one. */
const REEVALUATE_ONE_BY_ONE_MAX = 50;
/** The detail of an item whose stored result is older than maxAge. */
export const STALE_DETAIL = 'stale';

function keyOf(item: EvidenceItem): string {
  return `${item.collector}\u0000${item.target}`;
}

function refOf(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');
}

/** Checks that collector ids are unique (a module may not shadow a built-in one). */
export function assertUniqueCollectorIds(
  collectors: readonly EvidenceCollector[],
): void {
  const seen = new Set<string>();
  for (const collector of collectors) {
    if (!collector.id || seen.has(collector.id)) {
      throw new Error(
        `AI readiness: evidence collector id "${collector.id}" is ${
          collector.id ? 'used twice' : 'empty'
        }; each collector needs its own id`,
      );
    }
    seen.add(collector.id);
  }
}

export function createEvidenceService(options: {
  engine: ReadinessEngine;
  collectors: readonly EvidenceCollector[];
  store: EvidenceStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Re-evaluates pilots after their evidence changed. */
  evaluator: Pick<ReadinessEvaluator, 'refreshAll' | 'refreshEntity'>;
  maxAgeMs: number;
  requireVerified?: 'L2' | 'L3';
  /** The clock; tests pin it. */
  now?: () => Date;
}): EvidenceService {
  const { engine, collectors, store, catalog, auth, logger, evaluator } =
    options;
  const now = options.now ?? (() => new Date());
  assertUniqueCollectorIds(collectors);
  const byId = new Map(collectors.map(c => [c.id, c]));

  let results = new Map<string, StoredEvidence>();
  const view: EvidenceView | undefined = collectors.length
    ? {
        claimers: collectors,
        requireVerified: options.requireVerified,
        lookup(item): EvidenceResult | undefined {
          const stored = results.get(keyOf(item));
          if (!stored) return undefined;
          const age = now().getTime() - Date.parse(stored.checkedAt);
          if (!(age <= options.maxAgeMs)) {
            return {
              state: 'unverified',
              detail: STALE_DETAIL,
              checkedAt: stored.checkedAt,
            };
          }
          return {
            state: stored.state,
            detail: stored.detail,
            checkedAt: stored.checkedAt,
          };
        },
      }
    : undefined;

  async function reload() {
    if (!collectors.length) return;
    const rows = await store.listResults();
    results = new Map(rows.map(r => [keyOf(r), r]));
  }

  async function collect(items: readonly EvidenceItem[], signal: AbortSignal) {
    const targets = new Map<string, Set<string>>();
    for (const item of items) {
      if (!byId.has(item.collector)) continue;
      const set = targets.get(item.collector) ?? new Set<string>();
      set.add(item.target);
      targets.set(item.collector, set);
    }
    const found: StoredEvidence[] = [];
    await Promise.all(
      [...targets].map(async ([id, set]) => {
        const collector = byId.get(id)!;
        let answers;
        try {
          answers = await collector.collect([...set], { signal });
        } catch (error) {
          // A collector that fails as a whole leaves its stored results as they were.
          logger.warn(
            `AI readiness: evidence collector ${id} failed: ${error}`,
          );
          return;
        }
        const returnedAt = now().toISOString();
        for (const target of set) {
          const answer = answers.get(target);
          if (!answer) continue;
          const parsed = answer.checkedAt ? Date.parse(answer.checkedAt) : NaN;
          found.push({
            collector: id,
            target,
            state: answer.state,
            detail: String(answer.detail ?? ''),
            checkedAt: Number.isNaN(parsed)
              ? returnedAt
              : new Date(parsed).toISOString(),
          });
        }
      }),
    );
    const { changed } = await store.writeResults(found);
    for (const result of found) results.set(keyOf(result), result);
    return { results: found, changed };
  }

  async function readAll(credentials: BackstageCredentials) {
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.queryEntities(
        cursor ? { cursor, limit: PAGE_SIZE } : { limit: PAGE_SIZE },
        { credentials },
      );
      entities.push(...page.items);
      cursor = page.pageInfo?.nextCursor;
    } while (cursor);
    return entities;
  }

  /** The entity plus what it references, fetched as the engine asks. */
  async function localGraph(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<EntityGraph> {
    const entities = [entity];
    const seen = new Set([refOf(entity)]);
    let graph = engine.buildGraph(entities);
    for (let round = 0; round < MAX_FETCH_ROUNDS; round++) {
      const missing = engine
        .missingRefs([entity], graph)
        .filter(ref => !seen.has(ref.toLocaleLowerCase('en-US')));
      if (!missing.length) break;
      missing.forEach(ref => seen.add(ref.toLocaleLowerCase('en-US')));
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: missing },
        { credentials },
      );
      const fetched = items.filter((e): e is Entity => !!e);
      if (!fetched.length) break;
      entities.push(...fetched);
      graph = engine.buildGraph(entities);
    }
    return graph;
  }

  return {
    collectors,
    view: () => view,
    reload,
    collect,

    async collectAll(signal) {
      const started = Date.now();
      const report: CollectionReport = {
        pilots: 0,
        items: 0,
        changed: 0,
        reevaluated: 0,
        durationMs: 0,
      };
      if (!collectors.length) return report;
      const credentials = await auth.getOwnServiceCredentials();
      const graph = engine.buildGraph(await readAll(credentials));
      const pilots = engine.pilots(graph);
      // item key → refs of the pilots that read it
      const users = new Map<string, string[]>();
      const items: EvidenceItem[] = [];
      for (const pilot of pilots) {
        const ref = refOf(pilot);
        for (const item of engine.evidenceItems(pilot, graph, collectors)) {
          const key = keyOf(item);
          let list = users.get(key);
          if (!list) {
            list = [];
            users.set(key, list);
            items.push({ collector: item.collector, target: item.target });
          }
          if (list[list.length - 1] !== ref) list.push(ref);
        }
      }
      report.pilots = pilots.length;
      report.items = items.length;
      const { changed } = await collect(items, signal);
      report.changed = changed.length;
      const affected = new Set<string>();
      for (const item of changed) {
        for (const ref of users.get(keyOf(item)) ?? []) affected.add(ref);
      }
      report.reevaluated = affected.size;
      if (affected.size > REEVALUATE_ONE_BY_ONE_MAX) {
        await evaluator.refreshAll();
      } else {
        for (const ref of affected) {
          if (signal.aborted) break;
          try {
            await evaluator.refreshEntity(ref);
          } catch (error) {
            logger.warn(
              `AI readiness: could not re-evaluate ${ref} after its evidence changed: ${error}`,
            );
          }
        }
      }
      // Results no pilot has asked for in twice maxAge are dropped.
      await store.deleteCheckedBefore(
        new Date(now().getTime() - 2 * options.maxAgeMs),
      );
      await reload();
      report.durationMs = Date.now() - started;
      logger.info(
        `AI readiness: collected ${report.items} evidence items of ${report.pilots} pilots in ${report.durationMs} ms` +
          ` (${report.changed} changed state, ${report.reevaluated} pilots re-evaluated)`,
      );
      return report;
    },

    async refreshPilot(entityRef, signal) {
      const credentials = await auth.getOwnServiceCredentials();
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) return undefined;
      const graph = await localGraph(entity, credentials);
      if (!engine.isPilot(entity, graph)) return undefined;
      const pilotItems = collectors.length
        ? engine.evidenceItems(entity, graph, collectors)
        : [];
      const { results: found } = await collect(pilotItems, signal);
      const byKey = new Map(found.map(r => [keyOf(r), r]));
      const card = await evaluator.refreshEntity(entityRef);
      return {
        items: pilotItems.flatMap(item => {
          const result = byKey.get(keyOf(item));
          return result ? [{ ...item, ...result }] : [];
        }),
        level: card?.level ?? null,
      };
    },
  };
}

import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  entityRefKey,
  EvidenceItem,
  ReadinessEngine,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { EvidenceCollector } from '@ai-readiness/plugin-ai-readiness-node';
import type {
  EvidenceStore,
  StoredEvidence,
} from '../../database/EvidenceStore';
import type { CatalogReader } from '../CatalogReader/types';
import type { ScorecardRefresher } from '../ScorecardRefresher/types';
import { evidenceKey as keyOf } from './createEvidenceResults';
import type {
  CollectionReport,
  EvidenceResults,
  EvidenceService,
} from './types';

export { STALE_DETAIL } from './createEvidenceResults';

/** Above this many pilots to re-evaluate, one full refresh is cheaper than one by one. */
const REEVALUATE_ONE_BY_ONE_MAX = 50;

/** Checks that collector ids are unique (a module may not shadow a built-in one). */
export function assertUniqueCollectorIds(
  collectors: readonly EvidenceCollector[],
): void {
  const seen = new Set<string>();
  for (const collector of collectors) {
    if (!collector.id || seen.has(collector.id)) {
      throw new ConflictError(
        `The evidence collector id "${collector.id}" is ${
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
  /** The results evaluation reads; kept in step with what is collected. */
  results: EvidenceResults;
  reader: Pick<CatalogReader, 'readPilots' | 'readAround' | 'getEntity'>;
  auth: AuthService;
  logger: LoggerService;
  /** Re-evaluates pilots after their evidence changed. */
  refresher: Pick<ScorecardRefresher, 'refreshAll' | 'refreshEntity'>;
  maxAgeMs: number;
  /** The clock; tests pin it. */
  now?: () => Date;
}): EvidenceService {
  const { engine, collectors, store, results, reader, auth, logger } = options;
  const { refresher } = options;
  const now = options.now ?? (() => new Date());
  assertUniqueCollectorIds(collectors);
  const byId = new Map(collectors.map(c => [c.id, c]));

  async function reload() {
    await results.reload();
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
          logger.warn(`Evidence collector ${id} failed: ${error}`);
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
    results.remember(found);
    return { results: found, changed };
  }

  return {
    collectors,
    view: results.view,
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
      const { pilots, graph } = await reader.readPilots(credentials);
      // item key → refs of the pilots that read it
      const users = new Map<string, string[]>();
      const items: EvidenceItem[] = [];
      for (const pilot of pilots) {
        const ref = entityRefKey(pilot);
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
        await refresher.refreshAll();
      } else {
        for (const ref of affected) {
          if (signal.aborted) break;
          try {
            await refresher.refreshEntity(ref);
          } catch (error) {
            logger.warn(
              `Could not re-evaluate ${ref} after its evidence changed: ${error}`,
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
        `Collected ${report.items} evidence items of ${report.pilots} pilots in ${report.durationMs} ms` +
          ` (${report.changed} changed state, ${report.reevaluated} pilots re-evaluated)`,
      );
      return report;
    },

    async refreshPilot(entityRef, signal) {
      const credentials = await auth.getOwnServiceCredentials();
      const entity = await reader.getEntity(entityRef, credentials);
      if (!entity) return undefined;
      const graph = await reader.readAround([entity], credentials);
      if (!engine.isPilot(entity, graph)) return undefined;
      const pilotItems = collectors.length
        ? engine.evidenceItems(entity, graph, collectors)
        : [];
      const { results: found } = await collect(pilotItems, signal);
      const byKey = new Map(found.map(r => [keyOf(r), r]));
      const card = await refresher.refreshEntity(entityRef);
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

import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  ReadinessEngine,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardStore } from '../../database/ScorecardStore';
import { createCatalogReader } from '../CatalogReader/createCatalogReader';
import type { LevelDropNotifier } from '../LevelDropNotifier/types';
import {
  HistoryRetention,
  recordScorecards,
  retentionDeletion,
} from './recordScorecards';
import type { ReadinessEvaluator, RefreshReport } from './types';

/** Pilots evaluated and written per batch: bounds the memory held in scorecards. */
const BATCH_SIZE = 250;
/**
 * Pilots re-evaluated after one pilot's level changed, because its level may
 * cap theirs (the weakest link); the full refresh covers any beyond.
 */
const MAX_DEPENDENTS = 200;

export function createReadinessEvaluator(options: {
  engine: ReadinessEngine;
  catalog: CatalogService;
  auth: AuthService;
  store: ScorecardStore;
  logger: LoggerService;
  notifier?: LevelDropNotifier;
  retention?: HistoryRetention;
  /** The clock; tests pin it. */
  now?: () => Date;
}): ReadinessEvaluator {
  const { engine, catalog, auth, store, logger, notifier } = options;
  const reader = createCatalogReader({ engine, catalog });
  const retention = options.retention ?? {};
  const now = options.now ?? (() => new Date());

  function evaluationTime() {
    const at = now();
    return { now: at, asOf: at.toISOString().slice(0, 10) };
  }

  async function evaluateOne(
    entity: Entity,
    credentials: BackstageCredentials,
  ) {
    const graph = await reader.readAround(entity, credentials);
    if (!engine.isPilot(entity, graph)) return undefined;
    return engine.evaluate(entity, graph, evaluationTime());
  }

  /** Re-evaluates and stores one entity; whether its level changed. */
  async function refreshOne(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ card?: Scorecard; entity?: Entity; changed: boolean }> {
    const before = await store.getScorecard(entityRef);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    const card = entity ? await evaluateOne(entity, credentials) : undefined;
    if (!card) {
      await store.deleteScorecards([entityRefKey(entityRef)]);
      return { entity, changed: !!before };
    }
    await recordScorecards(store, [card]);
    return { card, entity, changed: before?.level !== card.level };
  }

  async function afterWrite() {
    if (notifier) {
      try {
        await notifier.notifyPending();
      } catch (error) {
        logger.warn(`AI readiness: level-drop notifications failed: ${error}`);
      }
    }
  }

  return {
    async refreshAll() {
      const started = Date.now();
      const credentials = await auth.getOwnServiceCredentials();
      const { pilots, graph, entitiesRead } = await reader.readPilots(
        credentials,
      );
      // The weakest link reads the uncapped level of pilots in other batches.
      const time = { ...evaluationTime(), uncappedLevels: new Map() };
      const keep = new Set<string>();
      const report: RefreshReport = {
        entities: entitiesRead,
        pilots: 0,
        failed: 0,
        removed: 0,
        historyRows: 0,
        drops: 0,
        durationMs: 0,
      };
      for (let i = 0; i < pilots.length; i += BATCH_SIZE) {
        const batch = pilots.slice(i, i + BATCH_SIZE);
        batch.forEach(pilot => keep.add(entityRefKey(pilot)));
        let cards: Scorecard[];
        try {
          cards = engine.evaluatePilots(batch, graph, time);
        } catch {
          // One pilot that throws must not cost the batch: one by one.
          cards = [];
          for (const pilot of batch) {
            try {
              cards.push(...engine.evaluatePilots([pilot], graph, time));
            } catch (error) {
              report.failed += 1;
              logger.error(
                `AI readiness: could not evaluate ${entityRefKey(
                  pilot,
                )}: ${error}`,
              );
            }
          }
        }
        const written = await recordScorecards(store, cards);
        report.pilots += written.written;
        report.historyRows += written.historyRows;
        report.drops += written.drops;
      }
      report.removed = await store.deleteScorecardsExcept(keep);
      await store.deleteHistory(retentionDeletion(retention, time.now));
      await afterWrite();
      report.durationMs = Date.now() - started;
      logger.info(
        `AI readiness: evaluated ${report.pilots} pilots, reading ${report.entities} entities, in ${report.durationMs} ms` +
          ` (${report.failed} failed, ${report.removed} removed, ${report.historyRows} history rows, ${report.drops} level drops)`,
      );
      return report;
    },

    async refreshEntity(entityRef) {
      const credentials = await auth.getOwnServiceCredentials();
      const first = await refreshOne(entityRef, credentials);
      // The weakest link: when a pilot's level changes, the pilots it may
      // cap (that depend on it or hand off to it) are re-evaluated too.
      const done = new Set([entityRefKey(entityRef)]);
      let changed = first.changed ? [first] : [];
      while (changed.length && done.size < MAX_DEPENDENTS) {
        const next: typeof changed = [];
        for (const { entity } of changed) {
          if (!entity) continue;
          for (const ref of await reader.readDependents(entity, credentials)) {
            if (done.has(ref) || done.size >= MAX_DEPENDENTS) continue;
            done.add(ref);
            const result = await refreshOne(ref, credentials);
            if (result.changed) next.push(result);
          }
        }
        changed = next;
      }
      if (done.size > 1 || first.card) await afterWrite();
      return first.card;
    },

    async evaluateOnDemand(entity, credentials) {
      return evaluateOne(entity, credentials);
    },
  };
}

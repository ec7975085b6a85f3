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
      const time = evaluationTime();
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
        const cards: Scorecard[] = [];
        for (const pilot of pilots.slice(i, i + BATCH_SIZE)) {
          const ref = entityRefKey(pilot);
          keep.add(ref);
          try {
            cards.push(engine.evaluate(pilot, graph, time));
          } catch (error) {
            report.failed += 1;
            logger.error(`AI readiness: could not evaluate ${ref}: ${error}`);
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
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      const card = entity ? await evaluateOne(entity, credentials) : undefined;
      if (!card) {
        await store.deleteScorecards([entityRefKey(entityRef)]);
        return undefined;
      }
      await recordScorecards(store, [card]);
      await afterWrite();
      return card;
    },

    async evaluateOnDemand(entity, credentials) {
      return evaluateOne(entity, credentials);
    },
  };
}

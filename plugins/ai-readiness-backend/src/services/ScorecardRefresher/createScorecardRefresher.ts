import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  entityRefKey,
  EvidenceView,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardStore } from '../../database/ScorecardStore';
import type { CatalogReader } from '../CatalogReader/types';
import type { LevelDropNotifier } from '../LevelDropNotifier/types';
import type { ReadinessEvaluator } from '../ReadinessEvaluator/types';
import {
  HistoryRetention,
  recordScorecards,
  retentionDeletion,
} from './recordScorecards';
import type { RefreshReport, ScorecardRefresher } from './types';

/** Scorecards written per batch: bounds what one write holds. */
const BATCH_SIZE = 250;

export function createScorecardRefresher(options: {
  reader: Pick<CatalogReader, 'readPilots' | 'getEntity'>;
  evaluator: ReadinessEvaluator;
  auth: AuthService;
  store: ScorecardStore;
  logger: LoggerService;
  notifier?: LevelDropNotifier;
  retention?: HistoryRetention;
  /** The stored evidence every evaluation reads (none when absent). */
  evidence?: () => EvidenceView | undefined;
  /** The clock; tests pin it. */
  now?: () => Date;
}): ScorecardRefresher {
  const { reader, evaluator, auth, store, logger, notifier } = options;
  const retention = options.retention ?? {};
  const evidence = options.evidence ?? (() => undefined);
  const now = options.now ?? (() => new Date());

  async function afterWrite() {
    if (!notifier) return;
    try {
      await notifier.notifyPending();
    } catch (error) {
      logger.warn(`Level-drop notifications failed: ${error}`);
    }
  }

  return {
    async refreshAll() {
      const started = Date.now();
      const credentials = await auth.getOwnServiceCredentials();
      const { pilots, graph, entitiesRead } = await reader.readPilots(
        credentials,
      );
      const at = now();
      const report: RefreshReport = {
        entities: entitiesRead,
        pilots: 0,
        failed: 0,
        removed: 0,
        historyRows: 0,
        drops: 0,
        durationMs: 0,
      };
      const cards = await evaluator.evaluate(pilots, {
        credentials,
        graph,
        evidence: evidence(),
        onError(ref, error) {
          report.failed += 1;
          logger.error(`Could not evaluate ${ref}: ${error}`);
        },
      });
      for (let i = 0; i < cards.length; i += BATCH_SIZE) {
        const written = await recordScorecards(
          store,
          cards.slice(i, i + BATCH_SIZE),
        );
        report.pilots += written.written;
        report.historyRows += written.historyRows;
        report.drops += written.drops;
      }
      // A pilot whose evaluation failed keeps its stored scorecard.
      report.removed = await store.deleteScorecardsExcept(
        new Set(pilots.map(pilot => entityRefKey(pilot))),
      );
      await store.deleteHistory(retentionDeletion(retention, at));
      await afterWrite();
      report.durationMs = Date.now() - started;
      logger.info(
        `Evaluated ${report.pilots} pilots, reading ${report.entities} entities, in ${report.durationMs} ms` +
          ` (${report.failed} failed, ${report.removed} removed, ${report.historyRows} history rows, ${report.drops} level drops)`,
      );
      return report;
    },

    async refreshEntity(entityRef) {
      const credentials = await auth.getOwnServiceCredentials();
      const entity = await reader.getEntity(entityRef, credentials);
      const [card] = entity
        ? await evaluator.evaluate([entity], {
            credentials,
            evidence: evidence(),
          })
        : [];
      if (!card) {
        await store.deleteScorecards([entityRefKey(entityRef)]);
        return undefined;
      }
      await recordScorecards(store, [card]);
      await afterWrite();
      return card;
    },

    async evaluateOnDemand(entity, credentials) {
      const [card] = await evaluator.evaluate([entity], {
        credentials,
        evidence: evidence(),
      });
      return card;
    },
  };
}

import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  EvidenceView,
  WaiverRequestsView,
  ReadinessLevel,
  Scorecard,
  todayUtc,
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

/** Pilots evaluated and written per batch: bounds the memory held in scorecards. */
const BATCH_SIZE = 250;
/**
 * Pilots re-evaluated after one pilot's level changed, because its level may
 * cap theirs (the weakest link); the full refresh covers any beyond.
 */
const MAX_DEPENDENTS = 200;

export function createScorecardRefresher(options: {
  reader: Pick<CatalogReader, 'readPilots' | 'getEntity' | 'readDependents'>;
  evaluator: ReadinessEvaluator;
  auth: AuthService;
  store: ScorecardStore;
  logger: LoggerService;
  notifier?: LevelDropNotifier;
  retention?: HistoryRetention;
  /** The stored evidence every evaluation reads (none when absent). */
  evidence?: () => EvidenceView | undefined;
  /** The waiver requests every evaluation applies (shared/waivers.md; none when absent). */
  waivers?: () => WaiverRequestsView | undefined;
  /** The clock; tests pin it. */
  now?: () => Date;
}): ScorecardRefresher {
  const { reader, evaluator, auth, store, logger, notifier } = options;
  const retention = options.retention ?? {};
  const evidence = options.evidence ?? (() => undefined);
  const waivers = options.waivers ?? (() => undefined);
  const now = options.now ?? (() => new Date());

  async function afterWrite() {
    if (!notifier) return;
    try {
      await notifier.notifyPending();
    } catch (error) {
      logger.warn(`Level-drop notifications failed: ${error}`);
    }
  }

  /** Re-evaluates and stores one entity; whether its level changed. */
  async function refreshOne(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ card?: Scorecard; entity?: Entity; changed: boolean }> {
    const before = await store.getScorecard(entityRef);
    const entity = await reader.getEntity(entityRef, credentials);
    const [card] = entity
      ? await evaluator.evaluate([entity], {
          credentials,
          evidence: evidence(),
          waivers: waivers(),
        })
      : [];
    if (!card) {
      await store.deleteScorecards([entityRefKey(entityRef)]);
      return { entity, changed: !!before };
    }
    await recordScorecards(store, [card]);
    return { card, entity, changed: before?.level !== card.level };
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
      // The weakest link reads the uncapped level of pilots in other batches.
      const uncappedLevels = new Map<string, ReadinessLevel>();
      const currentEvidence = evidence();
      const currentWaivers = waivers();
      for (let i = 0; i < pilots.length; i += BATCH_SIZE) {
        const cards = await evaluator.evaluate(
          pilots.slice(i, i + BATCH_SIZE),
          {
            credentials,
            graph,
            asOf: todayUtc(at),
            evidence: currentEvidence,
            waivers: currentWaivers,
            uncappedLevels,
            onError(ref, error) {
              report.failed += 1;
              logger.error(`Could not evaluate ${ref}: ${error}`);
            },
          },
        );
        const written = await recordScorecards(store, cards);
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
      const [card] = await evaluator.evaluate([entity], {
        credentials,
        evidence: evidence(),
        waivers: waivers(),
      });
      return card;
    },
  };
}

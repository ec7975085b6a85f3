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
import type { ReadsRecorder } from '../ChangeCheck/recordReads';
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
  reader: Pick<
    CatalogReader,
    'readPilots' | 'getEntities' | 'readDependents' | 'readAround'
  >;
  evaluator: ReadinessEvaluator;
  auth: AuthService;
  store: ScorecardStore;
  logger: LoggerService;
  notifier?: LevelDropNotifier;
  retention?: HistoryRetention;
  /** Notes what each evaluated pilot read, for the change check. */
  reads?: ReadsRecorder;
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

  /**
   * Re-evaluates and stores these entities as one batch (one read of what
   * they reference); removes the stored scorecards of those gone or no
   * longer pilots. Returns their scorecards and the entities whose level
   * changed.
   */
  async function refreshSome(
    entityRefs: readonly string[],
    credentials: BackstageCredentials,
  ): Promise<{
    cards: Map<string, Scorecard>;
    changed: Entity[];
    failed: Map<string, unknown>;
  }> {
    const keys = [...new Set(entityRefs.map(ref => entityRefKey(ref)))];
    const before = await Promise.all(keys.map(key => store.getScorecard(key)));
    const found = await reader.getEntities(keys, credentials);
    // A pilot whose evaluation threw keeps its stored scorecard.
    const failed = new Map<string, unknown>();
    const entities = found.filter((e): e is Entity => !!e);
    // The graph is read here so that what the pilots read can be recorded.
    const graph = entities.length
      ? await reader.readAround(entities, credentials)
      : undefined;
    const scored = graph
      ? await evaluator.evaluate(entities, {
          credentials,
          graph,
          evidence: evidence(),
          onError(ref, error) {
            failed.set(entityRefKey(ref), error);
            logger.error(`Could not evaluate ${ref}: ${error}`);
          },
          waivers: waivers(),
        })
      : [];
    const cards = new Map(
      scored.map(card => [entityRefKey(card.entityRef), card]),
    );
    const gone = keys.filter(key => !cards.has(key) && !failed.has(key));
    if (gone.length) {
      await store.deleteScorecards(gone);
      await options.reads?.forget(gone);
    }
    if (scored.length) {
      await recordScorecards(store, scored);
      await options.reads?.record(
        entities.filter(e => cards.has(entityRefKey(e))),
        graph!,
      );
    }
    const changed: Entity[] = [];
    keys.forEach((key, i) => {
      const entity = found[i];
      if (entity && before[i]?.level !== cards.get(key)?.level)
        changed.push(entity);
    });
    return { cards, changed, failed };
  }

  async function refreshEntities(
    entityRefs: readonly string[],
  ): Promise<Map<string, Scorecard>> {
    const credentials = await auth.getOwnServiceCredentials();
    const first = await refreshSome(entityRefs, credentials);
    await refreshDependents(first, entityRefs, credentials);
    return first.cards;
  }

  async function refreshDependents(
    first: { cards: Map<string, Scorecard>; changed: Entity[] },
    entityRefs: readonly string[],
    credentials: BackstageCredentials,
  ) {
    // The weakest link: when pilots' levels change, the pilots they may
    // cap (that depend on them or hand off to them) are re-evaluated too,
    // a round of dependants at a time.
    const done = new Set(first.cards.keys());
    entityRefs.forEach(ref => done.add(entityRefKey(ref)));
    let changed = first.changed;
    while (changed.length && done.size < MAX_DEPENDENTS + entityRefs.length) {
      const next = (await reader.readDependents(changed, credentials))
        .filter(ref => !done.has(ref))
        .slice(0, Math.max(0, MAX_DEPENDENTS + entityRefs.length - done.size));
      if (!next.length) break;
      next.forEach(ref => done.add(ref));
      changed = (await refreshSome(next, credentials)).changed;
    }
    await afterWrite();
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
      await options.reads?.record(pilots, graph, { replaceAll: true });
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
      const key = entityRefKey(entityRef);
      const first = await refreshSome([key], credentials);
      if (first.failed.has(key)) throw first.failed.get(key);
      await refreshDependents(first, [key], credentials);
      return first.cards.get(key);
    },

    refreshEntities,

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

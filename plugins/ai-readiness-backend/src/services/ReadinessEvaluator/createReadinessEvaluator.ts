import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  ReadinessEngine,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import { refKey } from '../../database/DatabaseScorecardStore';
import type {
  HistoryRetention,
  ScorecardStore,
} from '../../database/ScorecardStore';
import type { LevelDropNotifier } from '../LevelDropNotifier/types';
import type { ReadinessEvaluator, RefreshReport } from './types';

const PAGE_SIZE = 1000;
/** Pilots evaluated and written per batch: bounds the memory held in scorecards. */
const BATCH_SIZE = 250;
/** Rounds of fetching referenced entities for a single evaluation (as the engine advises). */
const MAX_FETCH_ROUNDS = 3;

function entityRefOf(entity: Entity): string {
  const namespace = entity.metadata.namespace ?? 'default';
  return `${entity.kind}:${namespace}/${entity.metadata.name}`.toLocaleLowerCase(
    'en-US',
  );
}

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
  const retention = options.retention ?? {};
  const now = options.now ?? (() => new Date());

  function evaluationTime() {
    const at = now();
    return { now: at, asOf: at.toISOString().slice(0, 10) };
  }

  async function readAll(credentials: BackstageCredentials): Promise<Entity[]> {
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
  async function localGraph(entity: Entity, credentials: BackstageCredentials) {
    const entities = [entity];
    const seen = new Set([entityRefOf(entity)]);
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
      const found = items.filter((e): e is Entity => !!e);
      if (!found.length) break;
      entities.push(...found);
      graph = engine.buildGraph(entities);
    }
    return graph;
  }

  async function evaluateOne(
    entity: Entity,
    credentials: BackstageCredentials,
  ) {
    const graph = await localGraph(entity, credentials);
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
      const entities = await readAll(credentials);
      const graph = engine.buildGraph(entities);
      const pilots = engine.pilots(graph);
      const time = evaluationTime();
      const keep = new Set<string>();
      const report: RefreshReport = {
        entities: entities.length,
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
          const ref = entityRefOf(pilot);
          keep.add(ref);
          try {
            cards.push(engine.evaluate(pilot, graph, time));
          } catch (error) {
            report.failed += 1;
            logger.error(`AI readiness: could not evaluate ${ref}: ${error}`);
          }
        }
        const written = await store.writeScorecards(cards);
        report.pilots += written.written;
        report.historyRows += written.historyRows;
        report.drops += written.drops;
      }
      report.removed = await store.deleteScorecardsExcept(keep);
      await store.pruneHistory(retention, time.now);
      await afterWrite();
      report.durationMs = Date.now() - started;
      logger.info(
        `AI readiness: evaluated ${report.pilots} pilots among ${report.entities} entities in ${report.durationMs} ms` +
          ` (${report.failed} failed, ${report.removed} removed, ${report.historyRows} history rows, ${report.drops} level drops)`,
      );
      return report;
    },

    async refreshEntity(entityRef) {
      const credentials = await auth.getOwnServiceCredentials();
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      const card = entity ? await evaluateOne(entity, credentials) : undefined;
      if (!card) {
        await store.deleteScorecards([refKey(entityRef)]);
        return undefined;
      }
      await store.writeScorecards([card]);
      await afterWrite();
      return card;
    },

    async evaluateOnDemand(entity, credentials) {
      return evaluateOne(entity, credentials);
    },
  };
}

/*
 * The scoring pipeline as plugin.ts wires it (CatalogReader ->
 * ReadinessEvaluator -> ScorecardRefresher), on a test catalog and store.
 */
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createReadinessEngine,
  EvidenceView,
  ReadinessEngine,
  WaiverRequestsView,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardStore } from '../database/ScorecardStore';
import type { ChangeStore } from '../database/ChangeStore';
import { createChangeCheck } from '../services/ChangeCheck/createChangeCheck';
import { createReadsRecorder } from '../services/ChangeCheck/recordReads';
import { createCatalogReader } from '../services/CatalogReader/createCatalogReader';
import type { LevelDropNotifier } from '../services/LevelDropNotifier/types';
import { createReadinessEvaluator } from '../services/ReadinessEvaluator/createReadinessEvaluator';
import { createCatalogVisibility } from '../services/CatalogVisibility/createCatalogVisibility';
import { createScorecardRedactor } from '../services/Redactor/createRedactor';
import { createScorecardRefresher } from '../services/ScorecardRefresher/createScorecardRefresher';
import type { HistoryRetention } from '../services/ScorecardRefresher/recordScorecards';

export function createTestPipeline(options: {
  catalog: CatalogService;
  engine?: ReadinessEngine;
  store?: ScorecardStore;
  /** With it, the refresher records what pilots read and a change check is returned. */
  changeStore?: ChangeStore;
  auth?: AuthService;
  logger?: LoggerService;
  notifier?: LevelDropNotifier;
  retention?: HistoryRetention;
  evidence?: () => EvidenceView | undefined;
  waivers?: () => WaiverRequestsView | undefined;
  now?: () => Date;
}) {
  const engine = options.engine ?? createReadinessEngine();
  const reader = createCatalogReader({ engine, catalog: options.catalog });
  const evaluator = createReadinessEvaluator({
    engine,
    reader,
    now: options.now,
  });
  const refresher = options.store
    ? createScorecardRefresher({
        reader,
        evaluator,
        auth: options.auth ?? mockServices.auth(),
        store: options.store,
        logger: options.logger ?? mockServices.logger.mock(),
        notifier: options.notifier,
        retention: options.retention,
        evidence: options.evidence,
        waivers: options.waivers,
        now: options.now,
        reads: options.changeStore
          ? createReadsRecorder({
              engine,
              store: options.changeStore,
              logger: options.logger ?? mockServices.logger.mock(),
            })
          : undefined,
      })
    : undefined;
  const changeCheck =
    refresher && options.changeStore
      ? createChangeCheck({
          reader,
          refresher,
          store: options.changeStore,
          auth: options.auth ?? mockServices.auth(),
          logger: options.logger ?? mockServices.logger.mock(),
        })
      : undefined;
  // The read path's redaction, on the same catalog.
  const redactor = createScorecardRedactor({
    visibility: createCatalogVisibility({ reader }),
    auth: options.auth ?? mockServices.auth(),
  });
  return {
    engine,
    reader,
    evaluator,
    refresher: refresher!,
    redactor,
    changeCheck: changeCheck!,
  };
}

/** A CatalogReader on a test catalog, with the default rubric. */
export function readerOf(catalog: CatalogService) {
  return createCatalogReader({ engine: createReadinessEngine(), catalog });
}

import type { Entity } from '@backstage/catalog-model';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  EntityGraph,
  ReadinessEngine,
  tryEntityRefKey,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ChangeStore, PilotReads } from '../../database/ChangeStore';

/** Records what pilots read, for the change check (see ChangeStore). */
export interface ReadsRecorder {
  /** After an evaluation: the pilots and the graph they were scored on. */
  record(
    pilots: readonly Entity[],
    graph: EntityGraph,
    options?: { replaceAll?: boolean },
  ): Promise<void>;
  /** An entity that is gone or no longer a pilot. */
  forget(entityRefs: readonly string[]): Promise<void>;
}

/**
 * What each pilot read in the graph: the refs its checks (and the weakest
 * link) looked up, as the engine's missingRefs walks them, with their etags;
 * a ref the graph does not hold is recorded with an empty etag, so that the
 * entity appearing later counts as a change.
 */
export function readsOf(
  engine: Pick<ReadinessEngine, 'missingRefs'>,
  pilots: readonly Entity[],
  graph: EntityGraph,
): PilotReads[] {
  const out: PilotReads[] = [];
  for (const pilot of pilots) {
    const ref = tryEntityRefKey(pilot);
    if (!ref) continue;
    const looked = new Set<string>();
    // The graph as it is, noting every key the walk looks up.
    const recording: EntityGraph = Object.create(graph);
    recording.get = (key: string) => {
      looked.add(key);
      return graph.get(key);
    };
    engine.missingRefs([pilot as Entity], recording);
    looked.delete(ref);
    out.push({
      pilot: { ref, etag: etagOf(graph.get(ref)?.entity ?? pilot) },
      inputs: [...looked].map(key => {
        const node = graph.get(key);
        return { ref: key, etag: node ? etagOf(node.entity) : '' };
      }),
    });
  }
  return out;
}

function etagOf(entity: Entity): string {
  return String(entity.metadata?.etag ?? '');
}

export function createReadsRecorder(options: {
  engine: Pick<ReadinessEngine, 'missingRefs'>;
  store: ChangeStore;
  logger: LoggerService;
}): ReadsRecorder {
  const { engine, store, logger } = options;
  return {
    async record(pilots, graph, recordOptions) {
      // A scorecard stays stored when this fails: the next full refresh records again.
      try {
        await store.recordReads(readsOf(engine, pilots, graph), recordOptions);
      } catch (error) {
        logger.warn(`Could not record what pilots read: ${error}`);
      }
    },
    async forget(entityRefs) {
      try {
        await store.forget(entityRefs);
      } catch (error) {
        logger.warn(`Could not forget ${entityRefs.join(', ')}: ${error}`);
      }
    },
  };
}

import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { EntityGraph } from '@ai-readiness/plugin-ai-readiness-common';

/** The pilots of the catalog and the graph their checks read. */
export interface PilotGraph {
  /** The pilots, as the engine decided (isPilot). */
  pilots: Entity[];
  /** The pilots and every entity they reference (at any depth the checks read). */
  graph: EntityGraph;
  /** Entities the catalog sent, over every page and round. */
  entitiesRead: number;
}

/**
 * Reads from the catalog what the rubric needs, with the given credentials:
 * only the kinds and fields the checks declare (the engine's catalogFields
 * plan), page by page, holding the pilots and what they reference, nothing
 * else.
 */
export interface CatalogReader {
  /** Every pilot and what its checks read (the full refresh). */
  readPilots(credentials: BackstageCredentials): Promise<PilotGraph>;
  /**
   * One entity and what its checks read (on-demand and single-entity
   * evaluation), with the pilots it reaches for the weakest link and those
   * that hand work off to it (INT-1).
   */
  readAround(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<EntityGraph>;
  /**
   * Refs of the entities that depend on this one (the catalog's dependencyOf
   * relations) or hand work off to it (spec.handoffs): the pilots its level
   * may cap.
   */
  readDependents(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<string[]>;
}

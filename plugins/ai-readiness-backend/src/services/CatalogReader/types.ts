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

/** A catalog query: `filter` and `fields` as the catalog API takes them. */
export interface CatalogQuery {
  filter: Record<string, string[]>[];
  fields: string[];
}

/**
 * The only code that reads the catalog, always with the given credentials so
 * that the catalog's permission rules apply. Reads only the kinds and fields
 * the checks declare (the engine's catalogFields plan) where it can, page by
 * page, holding what is asked for and nothing else.
 */
export interface CatalogReader {
  /** Every pilot and what its checks read (the full refresh, evidence collection). */
  readPilots(credentials: BackstageCredentials): Promise<PilotGraph>;
  /**
   * These entities and what their checks read, fetched round after round as
   * the engine's missingRefs asks (drafts, on-demand and single-entity
   * evaluation), with the pilots they reach for the weakest link and those
   * that hand work off to them (INT-1). The given entities come first and are
   * never replaced by a catalog copy.
   */
  readAround(
    entities: readonly Entity[],
    credentials: BackstageCredentials,
  ): Promise<EntityGraph>;
  /**
   * Refs of the entities that depend on these (the catalog's dependencyOf
   * relations) or hand work off to them (spec.handoffs): the pilots their
   * levels may cap.
   */
  readDependents(
    entities: readonly Entity[],
    credentials: BackstageCredentials,
  ): Promise<string[]>;
  /** These entities, whole, in order: undefined where the caller may not read one. */
  getEntities(
    entityRefs: readonly string[],
    credentials: BackstageCredentials,
  ): Promise<(Entity | undefined)[]>;
  /**
   * The `metadata.etag` of each of these entities the caller may read, by
   * lower-cased ref (identity and etag only: the change check's read).
   */
  readEtags(
    entityRefs: readonly string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, string>>;
  /**
   * The etag of every entity the quick scope rules may make a pilot (the
   * pilot filter), by lower-cased ref: how the change check sees new pilots.
   */
  readCandidateEtags(
    credentials: BackstageCredentials,
  ): Promise<Map<string, string>>;
  /** The entity when the caller may read it, else undefined. */
  getEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined>;
  /** Which of these refs the caller may read: one answer per ref, in order. */
  canRead(
    entityRefs: readonly string[],
    credentials: BackstageCredentials,
  ): Promise<boolean[]>;
  /**
   * Every entity a query selects, page by page: each page is handed to
   * `onPage` and dropped. Resolves to the number of entities read.
   */
  forEachPage(
    query: CatalogQuery,
    credentials: BackstageCredentials,
    onPage: (items: Entity[]) => void,
  ): Promise<number>;
}

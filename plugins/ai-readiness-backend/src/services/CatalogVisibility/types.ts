import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';

/** What one caller may read in the catalog, as far as this plugin needs it. */
export interface VisibleView {
  /** Identifies this snapshot (for caches keyed on it). */
  readonly id: number;
  /** Lower-cased refs of the visible entities of the asked kinds. */
  readonly refs: ReadonlySet<string>;
  /** Lower-cased group ref → lower-cased parent group ref, for visible groups with a parent. */
  readonly groupParents: ReadonlyMap<string, string>;
}

/**
 * Answers which catalog entities a caller may read, asking the catalog with
 * the caller's own credentials so that the catalog's permission policy applies.
 */
export interface CatalogVisibility {
  /**
   * The visible entities of these kinds (lower-cased) plus every visible Group.
   * Snapshots are shared by concurrent requests of the same principal and kept
   * for a few seconds.
   */
  view(
    credentials: BackstageCredentials,
    kinds: readonly string[],
  ): Promise<VisibleView>;

  /**
   * Which of these refs (lower-cased) the caller may read, one answer per
   * ref; answers are kept per principal like the views.
   */
  canRead(
    credentials: BackstageCredentials,
    entityRefs: readonly string[],
  ): Promise<boolean[]>;

  /** The entity when the caller may read it, else undefined. */
  getEntity(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<Entity | undefined>;
}

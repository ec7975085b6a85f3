import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/** What a caller reads in place of an entity its catalog view hides. */
export const HIDDEN_ENTITY = 'an entity you cannot see';
/** What a caller reads in place of text or a value read from such an entity. */
export const HIDDEN_VALUE = `read from ${HIDDEN_ENTITY}`;

/**
 * The read path's one redaction: scorecards are computed with the plugin's
 * credentials, but what a caller receives names no entity its catalog view
 * hides. Refs of such entities become HIDDEN_ENTITY; text and values read
 * from them (a check message, an evidence item's target) become HIDDEN_VALUE.
 */
export interface ScorecardRedactor {
  /** A copy of `value` (any JSON answer) with what the caller may not see replaced. */
  redact<T>(
    credentials: BackstageCredentials,
    value: T,
    /** Refs the caller gave itself (drafts): never hidden from it. */
    given?: Iterable<string>,
  ): Promise<T>;
  /**
   * Which of these lower-cased refs the caller may not see (the plugin
   * reads them): for answers that group by a ref, so that every hidden one
   * falls into one group named HIDDEN_ENTITY.
   */
  hidden(
    credentials: BackstageCredentials,
    entityRefs: readonly string[],
  ): Promise<ReadonlySet<string>>;
}

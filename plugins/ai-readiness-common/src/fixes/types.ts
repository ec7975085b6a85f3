/** One remediation to write into an entity's catalog-info.yaml. @public */
export interface FixRemediation {
  /** The check it closes, e.g. OWN-2. */
  checkId: string;
  /** The check's title, for notes, pull request titles and bodies. */
  title?: string;
  /** The remediation snippet (`check.remediation.yaml` of a scorecard). */
  yaml: string;
  /**
   * Replace a value the file already has (a malformed annotation). Without
   * it, a value already set is kept and a note says so.
   */
  replace?: boolean;
}

/** The input of {@link patchCatalogInfo}. @public */
export interface PatchCatalogInfoInput {
  /** The whole text of the file. */
  text: string;
  /** The entity whose document is patched, e.g. component:default/claims-bot. */
  entityRef: string;
  remediations: FixRemediation[];
}

/** The answer of {@link patchCatalogInfo}. @public */
export interface CatalogInfoPatch {
  /** The whole new text (the same text when nothing changed). */
  text: string;
  /** The checks whose remediation changed the file, in the order given. */
  checks: string[];
  /** What was not applied, or applied with care, and why. */
  notes: string[];
}

/**
 * The patcher refuses to touch the file: the reason says why (a templated
 * file, a flow-style map it cannot extend, the entity not found, ...). @public
 */
export class CatalogInfoPatchRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogInfoPatchRefusedError';
  }
}

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

/** The body of POST /fixes/preview. @public */
export interface FixPreviewRequest {
  entityRef: string;
  /** Check ids; every failing check with a remediation when omitted. */
  checks?: string[];
}

/** The answer of POST /fixes/preview. @public */
export interface FixPreviewResponse {
  file: {
    /** Where the catalog reads the entity: a URL, or the path of a local file. */
    url: string;
    /** The file's path in its repository (for a local file: under the catalog location). */
    path: string;
    /** `file` for a local file the catalog reads: no pull request, a download. */
    type: 'url' | 'file';
  };
  /** Unified diff of the file (see unifiedDiff). */
  diff: string;
  /** The whole new file. */
  patched: string;
  /** The checks the patch closes. */
  checks: string[];
  /** What was left out, and why. */
  notes: string[];
}

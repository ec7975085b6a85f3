import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  FixPreviewRequest,
  FixPreviewResponse,
} from '@ai-readiness/plugin-ai-readiness-common';

/**
 * POST /fixes/preview: the entity's catalog-info.yaml with remediations
 * written in, read from where the catalog reads it.
 */
export interface FixPreviewService {
  /**
   * NotFoundError when the caller cannot read the entity or it is not a
   * pilot; FixNotPossibleError (422) naming why no patch can be made.
   */
  preview(
    credentials: BackstageCredentials,
    request: FixPreviewRequest,
  ): Promise<FixPreviewResponse>;
}

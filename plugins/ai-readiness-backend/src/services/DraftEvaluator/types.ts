import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { EvaluateResponse } from '@ai-readiness/plugin-ai-readiness-common';

export interface DraftEvaluationOptions {
  credentials: BackstageCredentials;
  /** YYYY-MM-DD; today (UTC) when absent. Already validated. */
  asOf?: string;
}

/**
 * Scores draft entities against the live catalog, read with the caller's
 * credentials. Nothing is stored.
 */
export interface DraftEvaluator {
  /** YAML text of one or more documents. */
  evaluateYaml(
    text: string,
    options: DraftEvaluationOptions,
  ): Promise<EvaluateResponse>;
  /** Entities from a JSON body. */
  evaluateEntities(
    entities: unknown[],
    options: DraftEvaluationOptions,
  ): Promise<EvaluateResponse>;
}

import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { CheckDefinition } from '@ai-readiness/plugin-ai-readiness-common';

/**
 * Lets backend modules add readiness checks to the rubric. The checks run
 * next to the built-in ones, in the dimension they name, and count towards
 * that dimension's score and the levels like any other check.
 *
 * @public
 */
export interface AiReadinessChecksExtensionPoint {
  /** Adds checks; arrays are flattened. Check ids must be unique across the rubric. */
  addChecks(...checks: Array<CheckDefinition | CheckDefinition[]>): void;
}

/**
 * The extension point of the `ai-readiness` backend plugin for extra checks.
 *
 * @example
 * ```ts
 * export default createBackendModule({
 *   pluginId: 'ai-readiness',
 *   moduleId: 'security-review-check',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { checks: aiReadinessChecksExtensionPoint },
 *       async init({ checks }) {
 *         checks.addChecks(securityReviewCheck);
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const aiReadinessChecksExtensionPoint =
  createExtensionPoint<AiReadinessChecksExtensionPoint>({
    id: 'ai-readiness.checks',
  });

/**
 * Extension points of the AI readiness backend, for backend modules.
 *
 * @packageDocumentation
 */
export {
  aiReadinessChecksExtensionPoint,
  type AiReadinessChecksExtensionPoint,
} from './extensions';
export type {
  CheckDefinition,
  CheckContext,
  CheckOutcome,
} from '@ai-readiness/plugin-ai-readiness-common';

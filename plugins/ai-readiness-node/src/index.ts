/**
 * Extension points of the AI readiness backend, for backend modules.
 *
 * @packageDocumentation
 */
export {
  aiReadinessChecksExtensionPoint,
  type AiReadinessChecksExtensionPoint,
} from './extensions';
export {
  aiReadinessEvidenceExtensionPoint,
  collectEach,
  type AiReadinessEvidenceExtensionPoint,
  type EvidenceCollectOptions,
  type EvidenceCollector,
  type EvidenceOutcome,
} from './evidence';
export type {
  CheckDefinition,
  CheckContext,
  CheckOutcome,
  EvidenceCandidate,
  EvidenceState,
} from '@ai-readiness/plugin-ai-readiness-common';

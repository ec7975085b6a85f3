/*
 * The wire format of POST /evaluate (dry runs of draft entities against the
 * live catalog), shared by the backend, the frontend client and the CLI.
 */
import type { ReadinessLevel, Scorecard } from './types';

/** Most documents one POST /evaluate may carry. @public */
export const EVALUATE_MAX_DOCUMENTS = 200;

/** Largest body of one POST /evaluate, in bytes (1 MiB). @public */
export const EVALUATE_MAX_BYTES = 1024 * 1024;

/** The stored scorecard of a draft's ref, for comparison. @public */
export interface CurrentScore {
  level: ReadinessLevel;
  score: number;
  evaluatedAt: string;
}

/** A draft's scorecard with the stored one beside it. @public */
export type DraftScorecard = Scorecard & { current: CurrentScore | null };

/** A draft that could not be read or is not a valid entity. @public */
export interface DraftError {
  /** 0-based index of the document (or of the entity in a JSON body). */
  document: number;
  /** 1-based line in the YAML text; null when unknown (JSON bodies). */
  line: number | null;
  message: string;
}

/** The answer of POST /evaluate. @public */
export interface EvaluateResponse {
  asOf: string;
  scorecards: DraftScorecard[];
  errors: DraftError[];
}

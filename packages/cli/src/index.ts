/*
 * @ai-readiness/cli: the `ai-readiness` command. The binary is bin/ai-readiness;
 * these exports let scripts run it in-process.
 *
 * @packageDocumentation
 */
export {
  run,
  wantsColor,
  EXIT_OK,
  EXIT_BELOW_MIN_LEVEL,
  EXIT_INPUT_ERROR,
} from './run';
export type { RunIO } from './run';
export { parseArgs, USAGE, UsageError } from './args';
export type { CheckOptions, OutputFormat } from './args';
export { loadInputs } from './load';
export type { InputError, EntitySource, LoadResult } from './load';

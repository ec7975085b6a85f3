/*
 * Command-line parsing for `ai-readiness`. Hand-written (no dependency) so
 * that every mistake gets a precise message and exit code 2.
 */

/** The output formats of `check`. */
export const FORMATS = ['table', 'json', 'markdown', 'github'] as const;
export type OutputFormat = (typeof FORMATS)[number];

const LEVELS = ['L0', 'L1', 'L2', 'L3'] as const;
export type Level = (typeof LEVELS)[number];

/** A mistake on the command line: printed with a hint to --help, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CheckOptions {
  paths: string[];
  asOf?: string;
  format: OutputFormat;
  /** A level, or 'target': each pilot at its own target (targets.md). */
  minLevel?: Level | 'target';
  entity?: string;
  config?: string;
}

export type ParsedCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'check'; options: CheckOptions };

export const USAGE = `Usage: ai-readiness check [FILE|DIR ...] [options]

Scores every AI pilot found in Backstage catalog YAML files against the AI
readiness rubric. Files may hold several documents (---); directories are read
recursively for *.yaml and *.yml (skipping node_modules, hidden folders, and
files in which no document has an apiVersion or kind, such as app-config.yaml).
Without a FILE or DIR, the current directory is read.

Options:
  --as-of YYYY-MM-DD     evaluation date (default: today, UTC); review cadences
                         and waivers depend on it
  --format FORMAT        table (default), json, markdown (for a PR comment) or
                         github (GitHub Actions annotations)
  --min-level LEVEL      L0, L1, L2 or L3: exit 1 when a pilot is below it;
                         target: when a pilot is below its own target
  --entity REF           show only this pilot, e.g. component:default/claims-bot
                         (kind defaults to component, namespace to default)
  --config FILE          app-config YAML whose aiReadiness key configures the
                         rubric (weights, types, tags, disabled checks, ...)
  -h, --help             show this help
  -V, --version          show the version

Exit codes:
  0  every input was read and every pilot meets --min-level
  1  a pilot is below --min-level
  2  an input could not be read or parsed, or a usage or configuration error
     (the inputs that could be read are still scored and printed)
`;

const VALUE_OPTIONS = [
  '--as-of',
  '--format',
  '--min-level',
  '--entity',
  '--config',
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** True for a real calendar date written YYYY-MM-DD. */
export function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return (
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day
  );
}

function quote(value: string): string {
  return JSON.stringify(value);
}

/** Parses argv (without node and the script). Throws UsageError. */
export function parseArgs(argv: string[]): ParsedCommand {
  const args = [...argv];
  // Global flags work with or without the command.
  if (args.length === 0) {
    throw new UsageError('missing command; did you mean "ai-readiness check"?');
  }
  let command: string | undefined;
  const paths: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  let onlyPaths = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      if (command === undefined && !onlyPaths) {
        command = arg;
      } else {
        paths.push(arg);
      }
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      if (command === undefined) command = 'check';
      continue;
    }
    if (arg === '-h' || arg === '--help') return { command: 'help' };
    if (arg === '-V' || arg === '--version') return { command: 'version' };

    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown option ${quote(name)}`);
    }
    let value: string | undefined;
    if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      value = args[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) {
        throw new UsageError(`option ${name} needs a value`);
      }
      i++;
    }
    if (values[name as ValueOption] !== undefined) {
      throw new UsageError(`option ${name} was given more than once`);
    }
    values[name as ValueOption] = value;
  }

  if (command === undefined) {
    throw new UsageError('missing command; did you mean "ai-readiness check"?');
  }
  if (command !== 'check') {
    throw new UsageError(
      `unknown command ${quote(command)}; the command is "check"`,
    );
  }

  const options: CheckOptions = { paths, format: 'table' };

  const asOf = values['--as-of'];
  if (asOf !== undefined) {
    if (!isValidDate(asOf)) {
      throw new UsageError(
        `--as-of must be a calendar date written YYYY-MM-DD, found ${quote(
          asOf,
        )}`,
      );
    }
    options.asOf = asOf;
  }

  const format = values['--format'];
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(
        `--format must be one of ${FORMATS.join(', ')}, found ${quote(format)}`,
      );
    }
    options.format = format as OutputFormat;
  }

  const minLevel = values['--min-level'];
  if (minLevel !== undefined) {
    const normalized = minLevel.toUpperCase();
    if (normalized === 'TARGET') {
      options.minLevel = 'target';
    } else if (!(LEVELS as readonly string[]).includes(normalized)) {
      throw new UsageError(
        `--min-level must be one of ${LEVELS.join(
          ', ',
        )} or target, found ${quote(minLevel)}`,
      );
    } else {
      options.minLevel = normalized as Level;
    }
  }

  const entity = values['--entity'];
  if (entity !== undefined) {
    if (entity.trim() === '')
      throw new UsageError('--entity needs a non-empty entity reference');
    options.entity = entity;
  }

  const config = values['--config'];
  if (config !== undefined) {
    if (config === '') throw new UsageError('--config needs a file path');
    options.config = config;
  }

  return { command: 'check', options };
}

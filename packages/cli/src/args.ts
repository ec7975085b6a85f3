/*
 * Command-line parsing for `ai-readiness`, with commander (as Backstage's own
 * CLIs); every mistake gets a precise message and exit code 2.
 */
import { Command, CommanderError } from 'commander';

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
  /** Evaluate through this portal's POST /evaluate. */
  backstageUrl?: string;
  /** Globs of files and directories to leave out (--exclude, repeatable). */
  exclude: string[];
  /** The waiver requests a portal approved (GET /waivers's answer), for offline runs. */
  waivers?: string;
}

export interface FixOptions {
  /** The catalog YAML file to patch. */
  file: string;
  entity: string;
  /** Check ids; every failing check with a remediation when empty. */
  checks: string[];
  /** Write the file instead of printing the diff. */
  write: boolean;
  asOf?: string;
  config?: string;
}

export type ParsedCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'check'; options: CheckOptions }
  | { command: 'fix'; options: FixOptions };

export const USAGE = `Usage: ai-readiness check [FILE|DIR ...] [options]
       ai-readiness fix FILE --entity REF [--check ID ...] [--write]

Scores every AI pilot found in Backstage catalog YAML files against the AI
readiness rubric. Files may hold several documents (---); directories are read
recursively for *.yaml and *.yml (skipping node_modules, hidden folders, and
files in which no document has an apiVersion or kind, such as app-config.yaml).
Without a FILE or DIR, the current directory is read. Scaffolder template
skeletons (files holding \${{, {%, {{ values. or {{ parameters.) are skipped
with a warning; entities whose apiVersion, kind or metadata.name the catalog
would refuse are input errors, left out of the graph.

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
  --exclude GLOB         leave out matching files and directories (repeatable),
                         matched against the path relative to the current
                         directory and to the DIR given, e.g. 'templates/**'
  --waivers FILE         the waiver requests a portal approved (its GET
                         /api/ai-readiness/waivers?state=approved answer, JSON
                         or YAML): they waive checks as in the portal
  --backstage-url URL    score the files with this portal's POST /evaluate, so
                         references resolve against its live catalog and its
                         configuration applies (default: AI_READINESS_BACKSTAGE_URL;
                         token: AI_READINESS_TOKEN); shows the change against
                         the catalog, e.g. L2 → L3
  -h, --help             show this help
  -V, --version          show the version

Warnings (skipped skeletons) go to stderr, or to "warnings" with --format
json; they never change the exit code.

ai-readiness fix FILE --entity REF writes the remediations of the pilot's
failing checks into its document of FILE (comments, key order, quoting and the
other documents kept) and prints the change as a unified diff:
  --check ID             close only this check (repeatable); default: every
                         failing check with a remediation
  --write                write FILE instead of printing the diff
  --as-of and --config as for check. Exit 0 when there is a change, 1 when
  there is nothing to change, 2 when the file cannot be read or patched.

Exit codes:
  0  every input was read and every pilot meets --min-level
  1  a pilot is below --min-level
  2  an input could not be read or parsed, or a usage or configuration error
     (the inputs that could be read are still scored and printed), or the
     portal of --backstage-url could not be reached or refused the request
`;

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

const VALUE_OPTIONS: Record<string, string> = {
  '--as-of': 'date',
  '--format': 'format',
  '--min-level': 'level',
  '--entity': 'ref',
  '--config': 'file',
  '--backstage-url': 'url',
  '--exclude': 'glob',
  '--waivers': 'file',
};

/** Options that may be given more than once; each value is collected. */
const REPEATABLE = new Set(['--exclude']);

/** A repeatable value option: collects every value, rejects an option name given as its value. */
function listParser(name: string) {
  return (value: string, previous: string[] | undefined) => {
    if (value.startsWith('--') && value.length > 2) {
      throw new UsageError(`option ${name} needs a value`);
    }
    return [...(previous ?? []), value];
  };
}

/** A value option: rejects a repeat, and an option name given as its value. */
function valueParser(name: string) {
  return (value: string, previous: string | undefined) => {
    if (previous !== undefined) {
      throw new UsageError(`option ${name} was given more than once`);
    }
    if (value.startsWith('--') && value.length > 2) {
      throw new UsageError(`option ${name} needs a value`);
    }
    return value;
  };
}

/** The commander program: `[command] [paths...]` and the options. */
function program(): Command {
  const cmd = new Command('ai-readiness')
    .helpOption(false)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} })
    .argument('[command]')
    .argument('[paths...]')
    .option('-h, --help')
    .option('-V, --version');
  for (const [name, value] of Object.entries(VALUE_OPTIONS)) {
    if (REPEATABLE.has(name)) {
      cmd.option(`${name} <${value}>`, '', listParser(name));
    } else {
      cmd.option(`${name} <${value}>`, '', valueParser(name));
    }
  }
  // fix only: repeatable --check, and --write
  cmd.option('--check <id>', '', (id: string, previous: string[] = []) => {
    if (id.startsWith('--') && id.length > 2) {
      throw new UsageError('option --check needs a value');
    }
    return [...previous, id];
  });
  cmd.option('--write');
  return cmd;
}

/** Commander's own mistakes, in this CLI's words. */
function usageErrorOf(error: CommanderError): UsageError {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return new UsageError(`unknown option ${quote(quoted)}`);
    case 'commander.optionMissingArgument':
      return new UsageError(`option ${quoted.split(' ')[0]} needs a value`);
    default:
      return new UsageError(error.message.replace(/^error: /, ''));
  }
}

/**
 * Looks ahead as the shell user reads the line: --help or --version before a
 * mistake answers help, and `ai-readiness -- FILE` means `check -- FILE`.
 */
function scan(args: string[]): {
  early?: 'help' | 'version';
  needsCommand: boolean;
} {
  let operand = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return { needsCommand: !operand };
    if (arg === '-h' || arg === '--help')
      return { early: 'help', needsCommand: false };
    if (arg === '-V' || arg === '--version')
      return { early: 'version', needsCommand: false };
    if (arg === '-' || !arg.startsWith('-')) {
      operand = true;
    } else if (arg in VALUE_OPTIONS || arg === '--check') {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        break;
      i++;
    } else if (!(arg.split('=')[0] in VALUE_OPTIONS)) {
      break; // an unknown option: commander names it
    }
  }
  return { needsCommand: false };
}

/** Parses argv (without node and the script) with commander. Throws UsageError. */
export function parseArgs(argv: string[]): ParsedCommand {
  if (argv.length === 0) {
    throw new UsageError('missing command; did you mean "ai-readiness check"?');
  }
  const { early, needsCommand } = scan(argv);
  if (early) return { command: early };
  const args = needsCommand ? ['check', ...argv] : argv;

  const cmd = program();
  try {
    cmd.parse(args, { from: 'user' });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e instanceof CommanderError) throw usageErrorOf(e);
    throw e;
  }
  const [command, paths] = cmd.processedArgs as [string | undefined, string[]];
  const {
    check: checks,
    write,
    exclude,
    ...values
  } = cmd.opts<
    Record<string, string | undefined> & {
      check?: string[];
      write?: boolean;
      exclude?: string[];
    }
  >();

  if (command === undefined) {
    throw new UsageError('missing command; did you mean "ai-readiness check"?');
  }
  if (command === 'fix') {
    return {
      command: 'fix',
      options: fixOptions(paths, values, checks, write),
    };
  }
  if (command !== 'check') {
    throw new UsageError(
      `unknown command ${quote(command)}; the commands are "check" and "fix"`,
    );
  }
  if (checks?.length || write) {
    throw new UsageError(
      `option ${
        checks?.length ? '--check' : '--write'
      } belongs to "ai-readiness fix"`,
    );
  }

  const options: CheckOptions = {
    paths: [...paths],
    format: 'table',
    exclude: [],
  };
  for (const glob of exclude ?? []) {
    if (glob.trim() === '')
      throw new UsageError('--exclude needs a glob, such as "templates/**"');
    options.exclude.push(glob);
  }

  options.asOf = readAsOf(values.asOf);

  const format = values.format;
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(
        `--format must be one of ${FORMATS.join(', ')}, found ${quote(format)}`,
      );
    }
    options.format = format as OutputFormat;
  }

  const minLevel = values.minLevel;
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

  const entity = values.entity;
  if (entity !== undefined) {
    if (entity.trim() === '')
      throw new UsageError('--entity needs a non-empty entity reference');
    options.entity = entity;
  }

  options.config = readConfigPath(values.config);

  const waivers = values.waivers;
  if (waivers !== undefined) {
    if (waivers.trim() === '')
      throw new UsageError('--waivers needs a file, such as waivers.json');
    options.waivers = waivers;
  }

  const backstageUrl = values.backstageUrl;
  if (backstageUrl !== undefined) {
    if (backstageUrl.trim() === '')
      throw new UsageError(
        '--backstage-url needs the URL of a Backstage portal',
      );
    options.backstageUrl = backstageUrl;
  }

  return { command: 'check', options };
}

function readAsOf(asOf: string | undefined): string | undefined {
  if (asOf !== undefined && !isValidDate(asOf)) {
    throw new UsageError(
      `--as-of must be a calendar date written YYYY-MM-DD, found ${quote(
        asOf,
      )}`,
    );
  }
  return asOf;
}

function readConfigPath(config: string | undefined): string | undefined {
  if (config === '') throw new UsageError('--config needs a file path');
  return config;
}

const CHECK_ID = /^[A-Za-z0-9][\w.-]*$/;

/** The options of `fix FILE --entity REF [--check ID ...] [--write]`. */
function fixOptions(
  paths: string[],
  values: Record<string, string | undefined>,
  checks: string[] = [],
  write = false,
): FixOptions {
  if (paths.length !== 1 || paths[0] === '-') {
    throw new UsageError(
      `fix needs one FILE, the catalog YAML file to patch${
        paths.length > 1 ? `, found ${paths.length}` : ''
      }`,
    );
  }
  for (const name of [
    'format',
    'minLevel',
    'backstageUrl',
    'waivers',
  ] as const) {
    if (values[name] !== undefined) {
      const option = `--${name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`;
      throw new UsageError(`option ${option} does not apply to fix`);
    }
  }
  const entity = values.entity?.trim();
  if (!entity) {
    throw new UsageError(
      'fix needs --entity REF, the pilot whose document is patched',
    );
  }
  const bad = checks.find(id => !CHECK_ID.test(id));
  if (bad !== undefined) {
    throw new UsageError(
      `--check must be a check id such as OWN-2, found ${quote(bad)}`,
    );
  }
  return {
    file: paths[0],
    entity,
    checks,
    write,
    asOf: readAsOf(values.asOf),
    config: readConfigPath(values.config),
  };
}

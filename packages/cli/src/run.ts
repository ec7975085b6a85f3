/*
 * `ai-readiness check` (and the dispatch to `fix`): read the inputs, build the engine's graph from all of
 * them, score every AI pilot, print, and choose the exit code.
 */
import fs from 'fs';
import {
  createReadinessEngine,
  ReadinessLevel,
  Scorecard,
  todayUtc,
} from '@ai-readiness/plugin-ai-readiness-common';
import { CheckOptions, parseArgs, USAGE, UsageError } from './args';
import {
  FatalError,
  parseEntityOption,
  pickEntity,
  PROG,
  readConfig,
} from './shared';
import { fix } from './fix';
import { readWaivers } from './waivers';
import { entityKey, InputError, loadInputs } from './load';
import { outsideReferences } from './outsideRefs';
import {
  evaluateRemotely,
  PortalError,
  portalOptions,
  PortalOptions,
} from './remote';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatMarkdown } from './formats/markdown';
import { isBelow, Report } from './formats/report';
import { formatTable } from './formats/table';
import packageJson from '../package.json';

/** Where the CLI talks to, so tests and the binary share one code path. */
export interface RunIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour in the table format). */
  isTTY: boolean;
  /** HTTP for --backstage-url (default: the global fetch). */
  fetch?: typeof fetch;
}

export const EXIT_OK = 0;
export const EXIT_BELOW_MIN_LEVEL = 1;
export const EXIT_INPUT_ERROR = 2;

/** True when colour is wanted: a TTY without NO_COLOR, or FORCE_COLOR. */
export function wantsColor(io: Pick<RunIO, 'env' | 'isTTY'>): boolean {
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '')
    return force !== '0' && force !== 'false';
  return io.isTTY;
}

/**
 * Scores the files with the portal. Its errors name a document by its index
 * in what was sent; they are reported at that entity's file and line.
 */
async function scoreRemotely(
  loaded: ReturnType<typeof loadInputs>,
  asOf: string,
  portal: PortalOptions,
  errors: InputError[],
): Promise<Scorecard[]> {
  const answer = await evaluateRemotely(loaded.entities, asOf, portal);
  for (const e of answer.errors) {
    const entity = loaded.entities[e.document];
    const src = entity
      ? loaded.sources.get(
          entityKey(
            entity.kind,
            entity.metadata.namespace,
            entity.metadata.name,
          ),
        )
      : undefined;
    errors.push({
      file: src?.file ?? portal.url,
      line: src?.line ?? null,
      message: `rejected by the portal: ${e.message}`,
    });
  }
  return answer.scorecards;
}

function render(report: Report, options: CheckOptions, io: RunIO): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'github':
      return formatGithub(report);
    default:
      return formatTable(report, wantsColor(io));
  }
}

async function check(options: CheckOptions, io: RunIO): Promise<number> {
  const portal = portalOptions(
    options.backstageUrl,
    io.env,
    io.fetch ?? globalThis.fetch,
  );
  if (portal && options.config) {
    throw new UsageError(
      "--config applies to offline runs only; with --backstage-url the portal's own configuration applies",
    );
  }
  if (portal && options.waivers) {
    throw new UsageError(
      "--waivers applies to offline runs only; with --backstage-url the portal's own approved requests apply",
    );
  }
  const config = options.config ? readConfig(options.config, io) : undefined;
  const waivers = options.waivers
    ? readWaivers(options.waivers, io.cwd)
    : undefined;
  const entityRef = options.entity;
  if (entityRef !== undefined) parseEntityOption(entityRef); // a usage error before any work

  const asOf = options.asOf ?? todayUtc();
  const loaded = loadInputs(
    options.paths.length ? options.paths : ['.'],
    io.cwd,
    { exclude: options.exclude },
  );

  let scorecards: Scorecard[];
  let outsideRefs: number | undefined;
  const errors: InputError[] = [...loaded.errors];
  if (portal) {
    scorecards = await scoreRemotely(loaded, asOf, portal, errors);
  } else {
    const engine = createReadinessEngine({ config });
    const graph = engine.buildGraph(loaded.entities);
    scorecards = engine.evaluateAll(graph, { asOf, waivers });
    outsideRefs = outsideReferences(engine, graph).length;
  }
  if (entityRef !== undefined) {
    scorecards = [pickEntity(entityRef, scorecards, loaded.sources)];
  }

  const report: Report = {
    asOf,
    scorecards,
    errors,
    warnings: loaded.warnings,
    sources: loaded.sources,
    minLevel: options.minLevel as ReadinessLevel | 'target' | undefined,
    filesRead: loaded.filesRead,
    skippedFiles: loaded.skippedFiles,
    entityCount: loaded.entities.length,
    narrowed: entityRef !== undefined,
    portal: portal?.url,
    outsideRefs,
  };

  for (const e of errors) {
    io.stderr(
      `${PROG}: ${e.line ? `${e.file}:${e.line}` : e.file}: ${e.message}\n`,
    );
  }
  // In JSON, warnings are part of the answer ("warnings"); elsewhere, stderr.
  if (options.format !== 'json') {
    for (const w of loaded.warnings) {
      io.stderr(`${PROG}: warning: ${w.file}: ${w.message}\n`);
    }
  }
  io.stdout(render(report, options, io));

  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (options.format === 'github' && summaryFile) {
    try {
      fs.appendFileSync(summaryFile, formatMarkdown(report));
    } catch (e) {
      io.stderr(
        `${PROG}: warning: cannot write the step summary: ${
          (e as Error).message
        }\n`,
      );
    }
  }

  if (errors.length > 0) return EXIT_INPUT_ERROR;
  if (scorecards.some(c => isBelow(c, report.minLevel)))
    return EXIT_BELOW_MIN_LEVEL;
  return EXIT_OK;
}

/** Runs the CLI with argv (without node and the script); resolves to the exit code. */
export async function run(argv: string[], io: RunIO): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (parsed.command === 'help') {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (parsed.command === 'version') {
      io.stdout(`${packageJson.version}\n`);
      return EXIT_OK;
    }
    if (parsed.command === 'fix') return await fix(parsed.options, io);
    return await check(parsed.options, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${PROG}: ${e.message}\nRun "${PROG} --help" for usage.\n`);
      return EXIT_INPUT_ERROR;
    }
    if (e instanceof FatalError || e instanceof PortalError) {
      io.stderr(`${PROG}: ${e.message}\n`);
      return EXIT_INPUT_ERROR;
    }
    // A bug, not a user mistake: keep the stack for the report.
    io.stderr(`${PROG}: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_INPUT_ERROR;
  }
}

/*
 * `ai-readiness check`: read the inputs, build the engine's graph from all of
 * them, score every AI pilot, print, and choose the exit code.
 */
import { substituteEnv } from './substitute';
import fs from 'fs';
import path from 'path';
import { LineCounter, parseDocument } from 'yaml';
import {
  AiReadinessConfig,
  AiReadinessConfigError,
  createReadinessEngine,
  entityRefKey,
  parseAiReadinessConfig,
  ReadinessLevel,
  Scorecard,
  todayUtc,
} from '@ai-readiness/plugin-ai-readiness-common';
import { CheckOptions, parseArgs, USAGE, UsageError } from './args';
import { displayPath, entityKey, InputError, loadInputs } from './load';
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

/** A mistake that stops the command before scoring (bad config, unknown --entity). */
class FatalError extends Error {}

const PROG = 'ai-readiness';

/** True when colour is wanted: a TTY without NO_COLOR, or FORCE_COLOR. */
export function wantsColor(io: Pick<RunIO, 'env' | 'isTTY'>): boolean {
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '')
    return force !== '0' && force !== 'false';
  return io.isTTY;
}

/** Reads the `aiReadiness` key of an app-config-style YAML file. */
function readConfig(file: string, io: RunIO): AiReadinessConfig {
  const shown = displayPath(file, io.cwd);
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      ENOENT: 'no such file',
      EISDIR: 'is a directory',
    };
    throw new FatalError(
      `cannot read the config file ${shown}: ${
        why[code ?? ''] ?? (e as Error).message
      }`,
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length) {
    const err = doc.errors[0];
    const line = err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
    const gist = err.message
      .split('\n')[0]
      .replace(/ at line \d+, column \d+:?$/, '');
    throw new FatalError(
      `${shown}:${line}: invalid YAML in the config file: ${gist}`,
    );
  }
  const value = doc.toJS() as unknown;
  if (
    value !== null &&
    value !== undefined &&
    (typeof value !== 'object' || Array.isArray(value))
  ) {
    throw new FatalError(
      `${shown}: the config file must be a mapping with an aiReadiness key`,
    );
  }
  // Environment substitution, as the backend's config loader applies it.
  const raw = substituteEnv(
    (value as Record<string, unknown> | null)?.aiReadiness,
    io.env,
  );
  if (raw === undefined) {
    io.stderr(
      `${PROG}: warning: ${shown} has no aiReadiness key; using the default rubric\n`,
    );
  }
  try {
    return parseAiReadinessConfig(raw, 'aiReadiness');
  } catch (e) {
    if (e instanceof AiReadinessConfigError) {
      throw new FatalError(`${shown}: ${e.message}`);
    }
    throw e;
  }
}

const REF_PATTERN = /^(?:([^\s:/]+):)?(?:([^\s:/]+)\/)?([^\s:/]+)$/;

/** Parses --entity: `[kind:][namespace/]name`. */
function parseEntityOption(ref: string): {
  kind?: string;
  namespace: string;
  name: string;
} {
  const m = REF_PATTERN.exec(ref.trim());
  if (!m) {
    throw new UsageError(
      `--entity must be an entity reference such as component:default/claims-bot, found ${JSON.stringify(
        ref,
      )}`,
    );
  }
  return { kind: m[1], namespace: m[2] ?? 'default', name: m[3] };
}

function pickEntity(
  option: string,
  cards: Scorecard[],
  sources: Map<string, unknown>,
): Scorecard {
  const ref = parseEntityOption(option);
  const byKey = new Map(cards.map(c => [entityRefKey(c.entityRef), c]));
  const key = entityKey(ref.kind ?? 'component', ref.namespace, ref.name);
  const hit = byKey.get(key);
  if (hit) return hit;
  if (!ref.kind) {
    // Without a kind, accept a pilot of any kind with that name, if only one.
    const suffix = `:${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US');
    const candidates = cards.filter(c =>
      entityRefKey(c.entityRef).endsWith(suffix),
    );
    if (candidates.length === 1) return candidates[0];
  }
  if (sources.has(key)) {
    throw new FatalError(
      `--entity ${option}: ${key} is in the inputs but is not an AI pilot`,
    );
  }
  throw new FatalError(`--entity ${option}: no entity ${key} in the inputs`);
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
  const config = options.config ? readConfig(options.config, io) : undefined;
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
    scorecards = engine.evaluateAll(graph, { asOf });
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

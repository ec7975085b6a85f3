/*
 * Reads catalog YAML files into entities, remembering where each entity's
 * document starts (for annotations) and collecting every input problem with
 * its file and line instead of throwing.
 */
import fs from 'fs';
import path from 'path';
import { entityRefKey } from '@ai-readiness/plugin-ai-readiness-common';
import { fieldLine, ParsedDoc, parseYamlDocuments } from './yamlDocuments';
import { catalogRuleViolation } from './entityRules';
import { Excluder, makeExcluder } from './exclude';
import {
  findSkeletonMarker,
  mayBeCatalogData,
  mayBeTemplateEntity,
  skeletonWarning,
} from './skeleton';

export {
  parseFast,
  parseWithYamlPackage,
  parseYamlDocuments,
} from './yamlDocuments';

/** An input problem, as printed in `errors` of the JSON output. */
export interface InputError {
  file: string;
  /** 1-based; null when the whole file is concerned (e.g. it cannot be read). */
  line: number | null;
  message: string;
}

/** Something the user should know that is not an input error (never changes the exit code). */
export interface InputWarning {
  file: string;
  message: string;
}

/** Where an entity's document starts. */
export interface EntitySource {
  file: string;
  /** 1-based line of the document's first key. */
  line: number;
}

/** An entity read from YAML: only the shape this loader checked. */
export interface LoadedEntity {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface LoadResult {
  entities: LoadedEntity[];
  /** By lower-cased `kind:namespace/name`. */
  sources: Map<string, EntitySource>;
  errors: InputError[];
  /** Files skipped with a reason (template skeletons). */
  warnings: InputWarning[];
  /** Files read (whether or not they held entities). */
  filesRead: number;
  /** Files found in directories that hold no catalog document at all. */
  skippedFiles: string[];
}

/** Lower-cased `kind:namespace/name`: how the CLI matches entities and scorecards. */
export function entityKey(
  kind: string,
  namespace: string | undefined,
  name: string,
): string {
  return entityRefKey({ kind, namespace: namespace || undefined, name });
}

const SKIPPED_DIRS = new Set(['node_modules']);
const YAML_FILE = /\.ya?ml$/i;

/**
 * How a path is shown: as the user wrote it when relative (normalized, with /
 * separators); an absolute path inside the working directory becomes relative.
 */
export function displayPath(file: string, cwd: string): string {
  if (file === '-') return '<stdin>';
  let shown = path.normalize(file);
  if (path.isAbsolute(shown)) {
    const rel = path.relative(cwd, shown);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) shown = rel;
  }
  return shown.split(path.sep).join('/');
}

function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err?.message ?? String(e);
  }
}

/**
 * Runs one file-system read; when it fails, records `<what>: <why>` against
 * the file (as shown) and returns undefined.
 */
function tryRead<T>(
  read: () => T,
  shown: string,
  what: string,
  errors: InputError[],
): T | undefined {
  try {
    return read();
  } catch (e) {
    errors.push({
      file: shown,
      line: null,
      message: `${what}: ${describeError(e)}`,
    });
    return undefined;
  }
}

interface FileToRead {
  abs: string;
  shown: string;
  /** Found by walking a directory (non-catalog YAML is skipped quietly). */
  fromDirectory: boolean;
}

/** What a directory walk shares: where it started, and what is left out. */
interface WalkContext {
  /** The directory given on the command line (absolute). */
  root: string;
  excluder?: Excluder;
  /** Files and directories left out by --exclude. */
  excluded: number;
  visited: Set<string>;
}

function walk(
  dir: string,
  shownDir: string,
  out: FileToRead[],
  errors: InputError[],
  ctx: WalkContext,
): void {
  const cannot = 'cannot read directory';
  const real = tryRead(() => fs.realpathSync(dir), shownDir, cannot, errors);
  if (real === undefined || ctx.visited.has(real)) return;
  ctx.visited.add(real);
  const entries = tryRead(
    () => fs.readdirSync(dir, { withFileTypes: true }),
    shownDir,
    cannot,
    errors,
  );
  if (!entries) return;
  entries.sort((a, b) => {
    if (a.name === b.name) return 0;
    return a.name < b.name ? -1 : 1;
  });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const shown =
      shownDir === '.'
        ? entry.name
        : `${shownDir.replace(/\/$/, '')}/${entry.name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = fs.statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link is not an input anyone named
      }
    }
    if ((isDir || isFile) && ctx.excluder?.excludes(full, isDir, ctx.root)) {
      ctx.excluded++;
      continue;
    }
    if (isDir) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(full, shown, out, errors, ctx);
    } else if (isFile && YAML_FILE.test(entry.name)) {
      out.push({ abs: full, shown, fromDirectory: true });
    }
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value} (${JSON.stringify(value)?.slice(0, 40)})`;
}

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/** Why a parsed document is not a catalog entity, or undefined when it is one. */
export function notAnEntity(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `the document is not a catalog entity: expected a mapping with apiVersion, kind and metadata.name, found ${typeName(
      value,
    )}`;
  }
  const v = value as Record<string, unknown>;
  const missing: string[] = [];
  if (!isNonEmptyString(v.apiVersion)) missing.push('apiVersion');
  if (!isNonEmptyString(v.kind)) missing.push('kind');
  const metadata = v.metadata;
  if (
    metadata === null ||
    typeof metadata !== 'object' ||
    Array.isArray(metadata)
  ) {
    missing.push('metadata.name');
  } else {
    const m = metadata as Record<string, unknown>;
    if (!isNonEmptyString(m.name)) missing.push('metadata.name');
    if (m.namespace !== undefined && !isNonEmptyString(m.namespace)) {
      return `the document is not a valid catalog entity: metadata.namespace must be a non-empty string, found ${typeName(
        m.namespace,
      )}`;
    }
  }
  if (missing.length === 0) return undefined;
  return `the document is not a catalog entity: ${missing.join(', ')} ${
    missing.length === 1 ? 'is' : 'are'
  } missing or not a string`;
}

function hasCatalogKeys(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    ('apiVersion' in (value as object) || 'kind' in (value as object))
  );
}

function readText(file: FileToRead): string {
  if (file.abs === '-') return fs.readFileSync(0, 'utf8');
  return fs.readFileSync(file.abs, 'utf8');
}

/** True when every document parses into an entity of kind Template. */
function isTemplateEntityFile(docs: ParsedDoc[]): boolean {
  return (
    docs.length > 0 &&
    docs.every(
      d =>
        d.errors.length === 0 &&
        !notAnEntity(d.value) &&
        (d.value as LoadedEntity).kind.toLocaleLowerCase('en-US') ===
          'template',
    )
  );
}

/**
 * A file's documents, or why the file is no catalog data: a template skeleton
 * (with the warning to give) or other YAML found in a directory (skipped
 * quietly: app-config.yaml, CI files).
 */
function readDocuments(
  file: FileToRead,
  text: string,
): { docs: ParsedDoc[] } | { skipped: true; warning?: string } {
  const skeleton = findSkeletonMarker(text);
  if (skeleton) {
    // Template syntax without catalog keys: a CI action's ${{ inputs.x }}.
    if (file.fromDirectory && !mayBeCatalogData(text)) return { skipped: true };
    // Parse only what may be a Template entity (whose steps hold ${{ }}): a
    // skeleton's {{ }} would make the parser warn on the process's stderr.
    const docs = mayBeTemplateEntity(text) ? parseYamlDocuments(text) : [];
    if (isTemplateEntityFile(docs)) return { docs };
    return { skipped: true, warning: skeletonWarning(skeleton) };
  }
  const docs = parseYamlDocuments(text);
  if (
    file.fromDirectory &&
    docs.every(d => d.errors.length === 0 && !hasCatalogKeys(d.value))
  ) {
    return { skipped: true };
  }
  return { docs };
}

export interface LoadOptions {
  /** Globs of files and directories to leave out (--exclude). */
  exclude?: readonly string[];
}

/**
 * Reads every path (files, directories, or - for stdin) into entities.
 * Never throws for a user mistake: problems land in `errors`.
 */
export function loadInputs(
  paths: string[],
  cwd: string = process.cwd(),
  options: LoadOptions = {},
): LoadResult {
  const errors: InputError[] = [];
  const warnings: InputWarning[] = [];
  const files: FileToRead[] = [];
  const visited = new Set<string>();
  const excluder = makeExcluder(options.exclude ?? [], cwd);
  for (const p of paths) {
    if (p === '-') {
      files.push({ abs: '-', shown: '<stdin>', fromDirectory: false });
      continue;
    }
    const abs = path.resolve(cwd, p);
    const shown = displayPath(p, cwd);
    const st = tryRead(() => fs.statSync(abs), shown, 'cannot read', errors);
    if (!st) continue;
    if (st.isDirectory()) {
      const before = files.length;
      const errorsBefore = errors.length;
      const ctx: WalkContext = { root: abs, excluder, excluded: 0, visited };
      walk(abs, shown, files, errors, ctx);
      // A directory whose YAML files were all excluded is what was asked for.
      if (
        files.length === before &&
        errors.length === errorsBefore &&
        ctx.excluded === 0
      ) {
        errors.push({
          file: shown,
          line: null,
          message: 'the directory holds no *.yaml or *.yml file',
        });
      }
    } else if (!excluder?.excludes(abs, false)) {
      files.push({ abs, shown, fromDirectory: false });
    }
  }

  // The same file named twice (directly and through a directory) is read once.
  const seenFiles = new Set<string>();
  const entities: LoadedEntity[] = [];
  const sources = new Map<string, EntitySource>();
  const skippedFiles: string[] = [];
  let filesRead = 0;
  for (const file of files) {
    if (seenFiles.has(file.abs)) continue;
    seenFiles.add(file.abs);
    const text = tryRead(
      () => readText(file),
      file.shown,
      'cannot read',
      errors,
    );
    if (text === undefined) continue;
    filesRead++;
    const read = readDocuments(file, text);
    if ('skipped' in read) {
      if (read.warning)
        warnings.push({ file: file.shown, message: read.warning });
      else skippedFiles.push(file.shown);
      continue;
    }
    const { docs } = read;
    for (const doc of docs) {
      if (doc.errors.length > 0) {
        for (const err of doc.errors) errors.push({ file: file.shown, ...err });
        continue;
      }
      const why = notAnEntity(doc.value);
      if (why) {
        errors.push({ file: file.shown, line: doc.line, message: why });
        continue;
      }
      const broken = catalogRuleViolation(doc.value);
      if (broken) {
        errors.push({
          file: file.shown,
          line: fieldLine(text, doc.line, broken.path) ?? doc.line,
          message: broken.message,
        });
        continue;
      }
      const entity = doc.value as LoadedEntity;
      const key = entityKey(
        entity.kind,
        entity.metadata.namespace,
        entity.metadata.name,
      );
      const first = sources.get(key);
      if (first) {
        errors.push({
          file: file.shown,
          line: doc.line,
          message: `duplicate entity ${key}: already defined at ${first.file}:${first.line}; this one is ignored`,
        });
        continue;
      }
      sources.set(key, { file: file.shown, line: doc.line });
      entities.push(entity);
    }
  }
  return { entities, sources, errors, warnings, filesRead, skippedFiles };
}

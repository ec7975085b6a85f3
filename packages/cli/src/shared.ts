/*
 * What `check` and `fix` share: the config file, the --entity option and the
 * error that stops a command before it scores.
 */
import fs from 'fs';
import path from 'path';
import { LineCounter, parseDocument } from 'yaml';
import {
  AiReadinessConfig,
  AiReadinessConfigError,
  entityRefKey,
  parseAiReadinessConfig,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import { UsageError } from './args';
import { displayPath, entityKey } from './load';
import { substituteEnv } from './substitute';

export const PROG = 'ai-readiness';

/** Where reading the config needs to look and warn. */
interface ConfigIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stderr(text: string): void;
}

/** A mistake that stops the command before scoring (bad config, unknown --entity). */
export class FatalError extends Error {}

/** Reads the `aiReadiness` key of an app-config-style YAML file. */
export function readConfig(file: string, io: ConfigIO): AiReadinessConfig {
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
export function parseEntityOption(ref: string): {
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

export function pickEntity(
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

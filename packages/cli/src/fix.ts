/*
 * `ai-readiness fix FILE --entity REF`: scores the pilot in FILE, writes the
 * remediations of its failing checks (or of --check) into its document with
 * the same patcher as the portal, and prints the unified diff or writes FILE.
 */
import fs from 'fs';
import path from 'path';
import {
  assertNotTemplate,
  CatalogInfoPatchRefusedError,
  createReadinessEngine,
  patchCatalogInfo,
  selectFixes,
  todayUtc,
  unifiedDiff,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { FixOptions } from './args';
import { displayPath, loadInputs } from './load';
import { FatalError, pickEntity, PROG, readConfig } from './shared';

/** Where fix reads, prints and warns. */
export interface FixIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** The patcher's refusal as this command's error, naming the file. */
function refusedAs<T>(shown: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CatalogInfoPatchRefusedError) {
      throw new FatalError(`${shown}: ${e.message}`);
    }
    throw e;
  }
}

/** 0: a change (printed or written); 1: nothing to change; 2 is thrown (FatalError). */
export async function fix(options: FixOptions, io: FixIO): Promise<number> {
  const config = options.config ? readConfig(options.config, io) : undefined;
  const file = path.resolve(io.cwd, options.file);
  const shown = displayPath(options.file, io.cwd);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new FatalError(`cannot read ${shown}: ${(e as Error).message}`);
  }
  refusedAs(shown, () => assertNotTemplate(text));
  const loaded = loadInputs([options.file], io.cwd);
  if (loaded.errors.length) {
    const e = loaded.errors[0];
    throw new FatalError(
      `${e.line ? `${e.file}:${e.line}` : e.file}: ${e.message}`,
    );
  }
  const engine = createReadinessEngine({ config });
  const cards = engine.evaluateAll(engine.buildGraph(loaded.entities), {
    asOf: options.asOf ?? todayUtc(),
  });
  const card = pickEntity(options.entity, cards, loaded.sources);

  const selection = selectFixes(card, options.checks);
  const patch = refusedAs(shown, () =>
    patchCatalogInfo({
      text,
      entityRef: card.entityRef,
      remediations: selection.remediations,
    }),
  );
  for (const note of [...selection.notes, ...patch.notes]) {
    io.stderr(`${PROG}: ${note}\n`);
  }
  if (!patch.checks.length) {
    io.stderr(`${PROG}: nothing to change in ${shown} for ${card.entityRef}\n`);
    return 1;
  }
  if (options.write) {
    fs.writeFileSync(file, patch.text, 'utf8');
    io.stdout(
      `${shown}: wrote ${patch.checks.join(', ')} for ${card.entityRef}\n`,
    );
  } else {
    io.stdout(unifiedDiff(shown, text, patch.text));
  }
  return 0;
}

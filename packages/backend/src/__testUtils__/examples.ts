import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';

/** The repository root (this file is packages/backend/src/__testUtils__). */
export const repoRoot = path.resolve(__dirname, '../../../..');
export const examplesDir = path.join(repoRoot, 'examples');

/** Every entity of examples/*.yaml, in file order. */
export function loadExampleEntities(): Entity[] {
  const entities: Entity[] = [];
  for (const file of fs
    .readdirSync(examplesDir)
    .filter(f => f.endsWith('.yaml'))
    .sort()) {
    const docs = parseAllDocuments(
      fs.readFileSync(path.join(examplesDir, file), 'utf8'),
    );
    for (const doc of docs) {
      if (doc.errors.length) {
        throw new Error(`examples/${file}: ${doc.errors[0].message}`);
      }
      const value = doc.toJS();
      if (value) entities.push(value as Entity);
    }
  }
  return entities;
}

/**
 * The "Expected levels" table of examples/README.md: pilot name → level.
 * The README is the documentation of the examples; the tests keep it true.
 */
export function expectedLevels(): Map<string, string> {
  const text = fs.readFileSync(path.join(examplesDir, 'README.md'), 'utf8');
  const section = text
    .split(/^## /m)
    .find(s => s.startsWith('Expected levels'));
  if (!section)
    throw new Error('examples/README.md has no "## Expected levels" section');
  const levels = new Map<string, string>();
  for (const line of section.split('\n')) {
    const m = line.match(/^\|\s*([a-z0-9-]+)\s*\|\s*(L[0-3])\s*\|/);
    if (m) levels.set(m[1], m[2]);
  }
  return levels;
}

/** The evaluation date of the README table. */
export const EXAMPLES_AS_OF = '2026-11-25';

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';

/** The repository root (two levels above this package). */
export const REPO_ROOT = path.resolve(
  resolvePackagePath('@ai-readiness/plugin-ai-readiness-backend'),
  '..',
  '..',
);

/** The conformance catalog and its expected results, kept in the repository. */
export const CONFORMANCE_DIR = path.join(REPO_ROOT, 'conformance');

/** The conformance catalog as entities (fresh objects on every call). */
export function conformanceEntities(): Entity[] {
  const text = fs.readFileSync(
    path.join(CONFORMANCE_DIR, 'catalog.yaml'),
    'utf8',
  );
  return parseAllDocuments(text)
    .map(doc => doc.toJSON())
    .filter(Boolean)
    .map((entity: Entity) => ({
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
    }));
}

export function conformanceExpected(): {
  asOf: string;
  scorecards: Record<
    string,
    {
      level: string;
      checks: Record<string, string>;
      scope?: string;
      cap?: { level: string; by: string[] };
    }
  >;
  absent: string[];
} {
  return JSON.parse(
    fs.readFileSync(path.join(CONFORMANCE_DIR, 'expected.json'), 'utf8'),
  );
}

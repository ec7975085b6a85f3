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

/** The shared folder beside the repository (tests read the conformance data from there; AI_READINESS_SHARED_DIR overrides it, e.g. in a worktree). */
export const SHARED_DIR =
  process.env.AI_READINESS_SHARED_DIR ??
  path.resolve(REPO_ROOT, '..', 'shared');

/** The conformance catalog as entities (fresh objects on every call). */
export function conformanceEntities(): Entity[] {
  const text = fs.readFileSync(
    path.join(SHARED_DIR, 'conformance', 'catalog.yaml'),
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
  scorecards: Record<string, { level: string; checks: Record<string, string> }>;
  absent: string[];
} {
  return JSON.parse(
    fs.readFileSync(
      path.join(SHARED_DIR, 'conformance', 'expected.json'),
      'utf8',
    ),
  );
}

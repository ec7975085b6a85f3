import fs from 'fs';
import path from 'path';
import { CONFORMANCE_DIR, REPO_ROOT } from './__testUtils__/conformance';

/*
 * The rubric (docs/rubric.md) and the conformance catalog (conformance/) are
 * kept in the repository, so that a clone from anywhere runs its own tests.
 * Where the shared specification folder lies beside the repository
 * (../shared, or AI_READINESS_SHARED_DIR), the copies must be byte-identical
 * to it, so that the two never drift apart.
 */
const COPIES: Array<[inRepo: string, inShared: string]> = [
  [path.join(REPO_ROOT, 'docs', 'rubric.md'), 'rubric.md'],
  [path.join(CONFORMANCE_DIR, 'catalog.yaml'), 'conformance/catalog.yaml'],
  [path.join(CONFORMANCE_DIR, 'expected.json'), 'conformance/expected.json'],
];

const sharedDir = path.resolve(
  process.env.AI_READINESS_SHARED_DIR ?? path.join(REPO_ROOT, '..', 'shared'),
);

describe('the copies of the shared specification', () => {
  it.each(COPIES)('%s is in the repository', inRepo => {
    expect(fs.statSync(inRepo).size).toBeGreaterThan(0);
  });

  it.each(COPIES)(
    '%s is byte-identical to the shared %s when that folder exists',
    (inRepo, inShared) => {
      // A clone without the shared folder: the repository copy is the reference.
      let result = 'no shared folder';
      if (fs.existsSync(sharedDir)) {
        const shared = path.join(sharedDir, inShared);
        result = fs.readFileSync(inRepo).equals(fs.readFileSync(shared))
          ? 'identical'
          : `differs from ${shared}`;
      }
      expect(['no shared folder', 'identical']).toContain(result);
    },
  );
});

import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** The conformance catalog and its expected results, kept in the repository. */
export const CONFORMANCE_DIR = path.join(REPO_ROOT, 'conformance');

export function loadYamlEntities(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJS())
    .filter(Boolean);
}

export function loadConformance() {
  const dir = CONFORMANCE_DIR;
  return {
    entities: loadYamlEntities(path.join(dir, 'catalog.yaml')),
    expected: JSON.parse(
      fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'),
    ) as {
      asOf: string;
      scorecards: Record<
        string,
        {
          level: string;
          checks: Record<string, string>;
          drift: boolean;
          scope?: string;
          cap?: { level: string; by: string[] };
        }
      >;
      absent: string[];
    },
  };
}

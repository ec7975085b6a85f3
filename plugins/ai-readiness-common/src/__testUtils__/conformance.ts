import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';

/** The shared folder beside the repository (CI lays it at ../shared; AI_READINESS_SHARED_DIR overrides). */
export const SHARED_DIR =
  process.env.AI_READINESS_SHARED_DIR ??
  path.resolve(__dirname, '../../../../..', 'shared');

export function loadYamlEntities(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJS())
    .filter(Boolean);
}

export function loadConformance() {
  const dir = path.join(SHARED_DIR, 'conformance');
  return {
    entities: loadYamlEntities(path.join(dir, 'catalog.yaml')),
    expected: JSON.parse(
      fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'),
    ) as {
      asOf: string;
      scorecards: Record<
        string,
        { level: string; checks: Record<string, string>; drift: boolean }
      >;
      absent: string[];
    },
  };
}

/* What the browser tests read from the repository's example catalog (examples/). */
import fs from 'fs';
import path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const examplesDir = path.join(repoRoot, 'examples');

/** The example Component with an annotation, label or link holding a javascript: URL. */
export function unsafeUrlPilot() {
  for (const file of fs
    .readdirSync(examplesDir)
    .filter(f => /\.ya?ml$/.test(f))
    .sort()) {
    const text = fs.readFileSync(path.join(examplesDir, file), 'utf8');
    for (const doc of text.split(/^---\s*$/m)) {
      const lines = doc
        .split('\n')
        .filter(l => !/^\s*#/.test(l))
        .join('\n');
      if (!/^kind:\s*Component\s*$/m.test(lines)) continue;
      const url = lines.match(
        /^\s+(?:- )?[\w./-]+:\s*['"]?(javascript:[^'"\n]*)/im,
      );
      const name = lines.match(/^ {2}name:\s*['"]?([\w.-]+)/m);
      const ns = lines.match(/^ {2}namespace:\s*['"]?([\w.-]+)/m);
      if (name && url) {
        return {
          namespace: ns ? ns[1] : 'default',
          name: name[1],
          url: url[1].trim(),
        };
      }
    }
  }
  throw new Error(
    'no example Component carries a javascript: URL (examples/*.yaml)',
  );
}

/** The pilot in scope only through a model dependency: the first examples/README.md row that says so. */
export function dependencyOnlyPilot(): string {
  const readme = fs.readFileSync(path.join(examplesDir, 'README.md'), 'utf8');
  const row = readme
    .split('\n')
    .find(l =>
      /^\| [\w-]+ \| L\d \|.*a pilot only through its dependency/.test(l),
    );
  if (!row) {
    throw new Error(
      'examples/README.md names no pilot that is one only through a dependency',
    );
  }
  return `component:default/${row.split('|')[1].trim()}`;
}

/** Where the specs save the screenshots the docs show (E2E_KEEP_SCREENSHOTS=0: nowhere). */
export function docsScreenshot(name: string): string | undefined {
  return process.env.E2E_KEEP_SCREENSHOTS === '0'
    ? undefined
    : path.join(repoRoot, 'docs', name);
}

/*
 * --exclude GLOB: which files and directories the CLI leaves out. Globs are
 * matched with minimatch against the path relative to the working directory
 * and relative to the directory given on the command line, so that both
 * `--exclude 'catalog/templates/**'` and `--exclude 'templates/**'` work for
 * `ai-readiness check catalog`.
 */
import path from 'path';
import { minimatch, MinimatchOptions } from 'minimatch';

/** dot: hidden segments match too; matchBase: a glob without / names a file or folder anywhere. */
const OPTIONS: MinimatchOptions = { dot: true, matchBase: true };

/** Decides whether a path is left out. */
export interface Excluder {
  /** `abs`: the file or directory; `root`: the directory given on the command line, if any. */
  excludes(abs: string, isDirectory: boolean, root?: string): boolean;
}

function posix(p: string): string {
  return p.split(path.sep).join('/');
}

function stripDotSlash(p: string): string {
  let out = p;
  while (out.startsWith('./')) out = out.slice(2);
  return out;
}

/** Relative forms of `abs` worth matching (inside the base only, or `../` forms too). */
function relativeForms(abs: string, bases: string[]): string[] {
  const out: string[] = [];
  for (const base of bases) {
    const rel = posix(path.relative(base, abs));
    if (rel && !out.includes(rel)) out.push(rel);
  }
  return out;
}

/** An excluder for the globs, or undefined when there are none. */
export function makeExcluder(
  globs: readonly string[],
  cwd: string,
): Excluder | undefined {
  const patterns = globs
    .map(g => stripDotSlash(posix(g.trim())))
    .filter(Boolean);
  if (patterns.length === 0) return undefined;
  const matchers = patterns.map(p => new minimatch.Minimatch(p, OPTIONS));
  return {
    excludes(abs, isDirectory, root) {
      const bases = root ? [cwd, root] : [cwd];
      for (const rel of relativeForms(abs, bases)) {
        // A directory also matches as "dir/", so that "templates/**" prunes it.
        const forms = isDirectory ? [rel, `${rel}/`] : [rel];
        if (forms.some(f => matchers.some(m => m.match(f)))) return true;
      }
      return false;
    },
  };
}

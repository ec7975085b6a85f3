import path from 'path';
import { makeExcluder } from './exclude';

const cwd = path.resolve('/work/repo');
const abs = (p: string) => path.join(cwd, p);

describe('makeExcluder', () => {
  it('is undefined without globs (nothing to match)', () => {
    expect(makeExcluder([], cwd)).toBeUndefined();
    expect(makeExcluder(['  '], cwd)).toBeUndefined();
  });

  it('matches files relative to the working directory and to the given directory', () => {
    const ex = makeExcluder(['templates/**'], cwd)!;
    const root = abs('catalog');
    expect(ex.excludes(abs('templates/a/b.yaml'), false)).toBe(true);
    expect(ex.excludes(abs('catalog/templates/a/b.yaml'), false, root)).toBe(
      true,
    );
    expect(ex.excludes(abs('catalog/templates/a/b.yaml'), false)).toBe(false);
    expect(ex.excludes(abs('catalog/org.yaml'), false, root)).toBe(false);
  });

  it('matches a directory by its contents glob, so walks prune it', () => {
    const ex = makeExcluder(['**/skeleton/**'], cwd)!;
    expect(ex.excludes(abs('templates/x/skeleton'), true)).toBe(true);
    expect(ex.excludes(abs('templates/x/skeleton'), false)).toBe(false);
  });

  it('matches globs without a slash against the base name, and ignores a leading ./', () => {
    const ex = makeExcluder(['*.template.yaml', './drafts/*.yaml'], cwd)!;
    expect(ex.excludes(abs('a/b/c.template.yaml'), false)).toBe(true);
    expect(ex.excludes(abs('drafts/x.yaml'), false)).toBe(true);
    expect(ex.excludes(abs('a/drafts/x.yaml'), false)).toBe(false);
  });

  it('matches paths outside the working directory by their ../ form', () => {
    const ex = makeExcluder(['../shared/**'], cwd)!;
    expect(ex.excludes(path.resolve(cwd, '../shared/x.yaml'), false)).toBe(
      true,
    );
  });
});

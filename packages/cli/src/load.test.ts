import fs from 'fs';
import path from 'path';
import {
  displayPath,
  notAnEntity,
  parseFast,
  parseWithYamlPackage,
  parseYamlDocuments,
} from './load';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// the conformance catalog kept in the repository (conformance/)
const conformanceDir = path.join(repoRoot, 'conformance');

const TRICKY = [
  '---\n# leading comment\napiVersion: v1\nkind: Component\nmetadata:\n  name: a\n',
  'apiVersion: v1\nkind: Component\nmetadata: {name: b, annotations: {x: "1", y: \'2\'}}\n...\n---\n---\n',
  '--- {apiVersion: v1, kind: Group, metadata: {name: c}}\n--- # trailing comment\nkind: X\n',
  'a: |\n  block\n  text\nb: >-\n  folded\n  text\nc: 0.85\nd: 12\ne: true\nf: ~\ng: 2026-11-01\nh: 0x1F\ni: "\\u00e9"\nj: <<\nk: .inf\n',
  '\n\n   \n# only comments\n',
  '- a\n- b\n---\n"just a string"\n',
  'key: [1, 2, {x: y}]\nlong: "a\n  b"\n',
];

describe('YAML parsing', () => {
  it.each(TRICKY.map((t, i) => [i, t]))(
    'gives the same values and lines on the fast path as with the yaml package (%i)',
    (_i, text) => {
      const fast = parseFast(text as string);
      expect(fast).toBeDefined();
      expect(fast).toEqual(parseWithYamlPackage(text as string));
    },
  );

  it('agrees with the yaml package on the conformance catalog and the repository examples', () => {
    const files = [path.join(conformanceDir, 'catalog.yaml')];
    const examples = path.join(repoRoot, 'examples');
    for (const f of fs.readdirSync(examples)) {
      if (/\.ya?ml$/.test(f)) files.push(path.join(examples, f));
    }
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const fast = parseFast(text);
      expect({ file, fast: fast !== undefined }).toEqual({ file, fast: true });
      expect(fast).toEqual(parseWithYamlPackage(text));
    }
  });

  it('leaves files with aliases or errors to the yaml package', () => {
    expect(parseFast('a: &x {b: 1}\nc: *x\n')).toBeUndefined();
    expect(parseYamlDocuments('a: &x {b: 1}\nc: *x\n')).toEqual([
      { line: 1, value: { a: { b: 1 }, c: { b: 1 } }, errors: [] },
    ]);
    expect(parseFast('a: 1\na: 2\n')).toBeUndefined();
    const [doc] = parseYamlDocuments('x: 1\nkind: A\nkind: B\n');
    expect(doc.errors).toEqual([
      {
        line: 3,
        message: expect.stringMatching(
          /^invalid YAML: Map keys must be unique \(column 1\)$/,
        ),
      },
    ]);
  });

  it('reports one error per bad line, the first the parser gives', () => {
    // A stray list item in a mapping: the yaml package gives three errors on line 5.
    const text =
      'apiVersion: v1\nkind: Component\nmetadata:\n  name: x\n  - bad\nspec:\n  type: x\n';
    expect(parseYamlDocuments(text)).toEqual([
      {
        line: 1,
        errors: [
          {
            line: 5,
            message:
              'invalid YAML: A block sequence may not be used as an implicit map key (column 1)',
          },
        ],
      },
    ]);
    // Mistakes on different lines are each reported.
    const two = parseYamlDocuments('a:\n  b: 1\n  - x\nc:\n  d: 2\n  - y\n');
    expect(two[0].errors.map(e => e.line)).toEqual([3, 6]);
  });

  it('ignores a byte order mark', () => {
    expect(parseYamlDocuments('\ufeffa: 1\n')).toEqual([
      { line: 1, value: { a: 1 }, errors: [] },
    ]);
  });
});

describe('notAnEntity', () => {
  it('names what is missing', () => {
    expect(
      notAnEntity({ apiVersion: 'v1', kind: 'A', metadata: { name: 'x' } }),
    ).toBeUndefined();
    expect(notAnEntity({ kind: 'A', metadata: {} })).toBe(
      'the document is not a catalog entity: apiVersion, metadata.name are missing or not a string',
    );
    expect(notAnEntity('text')).toMatch(/found a string \("text"\)$/);
    expect(
      notAnEntity({
        apiVersion: 'v1',
        kind: 'A',
        metadata: { name: 'x', namespace: 3 },
      }),
    ).toMatch(/metadata\.namespace must be a non-empty string, found a number/);
  });
});

describe('displayPath', () => {
  it('keeps relative paths as written and shortens absolute ones inside the working directory', () => {
    expect(displayPath('./a//b.yaml', '/w')).toBe('a/b.yaml');
    expect(displayPath('../shared/x.yaml', '/w/main')).toBe('../shared/x.yaml');
    expect(displayPath('/w/main/c/d.yaml', '/w/main')).toBe('c/d.yaml');
    expect(displayPath('/etc/e.yaml', '/w/main')).toBe('/etc/e.yaml');
    expect(displayPath('-', '/w')).toBe('<stdin>');
  });
});

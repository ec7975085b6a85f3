/*
 * The repository's front page stays short and its links stay whole: README.md
 * is at most 15 kB, and every relative link in it, in docs/ and in the package
 * READMEs resolves to a file of the repository.
 */
import fs from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');

/** Relative link targets of a Markdown file (code blocks skipped), without anchors. */
function relativeLinks(file: string): string[] {
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  const links = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(
    m => m[1],
  );
  return links
    .filter(l => !/^[a-z][a-z0-9+.-]*:/i.test(l) && !l.startsWith('#'))
    .map(l => decodeURIComponent(l.split('#')[0]));
}

const markdownFiles = [
  'README.md',
  ...fs
    .readdirSync(path.join(root, 'docs'))
    .filter(f => f.endsWith('.md'))
    .map(f => `docs/${f}`),
  ...['plugins', 'packages'].flatMap(top =>
    fs
      .readdirSync(path.join(root, top))
      .map(p => `${top}/${p}/README.md`)
      .filter(f => fs.existsSync(path.join(root, f))),
  ),
];

describe('repository documentation', () => {
  it('keeps README.md at most 15 kB', () => {
    expect(fs.statSync(path.join(root, 'README.md')).size).toBeLessThanOrEqual(
      15 * 1024,
    );
  });

  it.each(markdownFiles)('%s links only to files that exist', file => {
    const missing = relativeLinks(path.join(root, file)).filter(
      target => !fs.existsSync(path.resolve(root, path.dirname(file), target)),
    );
    expect(missing).toEqual([]);
  });

  it('finds the links it checks', () => {
    // the README links its screenshot and the docs pages
    expect(relativeLinks(path.join(root, 'README.md'))).toEqual(
      expect.arrayContaining(['docs/readiness-tab.png', 'docs/rubric.md']),
    );
  });
});

import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of a file before and after a fix, in git's layout
 * (`--- a/path`, `+++ b/path`); '' when nothing changed. The backend, the
 * scaffolder and the CLI all print this one text.
 *
 * @public
 */
export function unifiedDiff(
  path: string,
  before: string,
  after: string,
): string {
  if (before === after) return '';
  const name = path.replace(/^\/+/, '');
  return createTwoFilesPatch(
    `a/${name}`,
    `b/${name}`,
    before,
    after,
    undefined,
    undefined,
    {
      context: 3,
      headerOptions: {
        includeIndex: false,
        includeUnderline: false,
        includeFileHeaders: true,
      },
    },
  );
}

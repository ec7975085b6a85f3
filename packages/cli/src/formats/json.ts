/*
 * `--format json`: exactly { asOf, scorecards, errors } (shared/interfaces.md).
 */
import type { Report } from './report';

export function formatJson(report: Report): string {
  const body = {
    asOf: report.asOf,
    scorecards: report.scorecards,
    errors: report.errors.map(e => ({
      file: e.file,
      line: e.line,
      message: e.message,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

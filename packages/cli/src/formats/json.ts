/*
 * `--format json`: exactly { asOf, scorecards, errors, warnings }
 * (shared/interfaces.md); scorecards as the engine made them.
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
    warnings: report.warnings.map(w => ({ file: w.file, message: w.message })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

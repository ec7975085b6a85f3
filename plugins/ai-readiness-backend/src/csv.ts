import {
  DIMENSION_IDS,
  ScorecardSummary,
} from '@ai-readiness/plugin-ai-readiness-common';

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a text
 * starting with = + - @ (or a tab or carriage return) gets a leading ' so that
 * spreadsheets do not run it as a formula (CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document (RFC 4180, CRLF line ends): a header row, then one row per item. */
export function csvDocument<T>(
  columns: readonly string[],
  items: readonly T[],
  row: (item: T) => Array<string | number | null | undefined>,
): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const item of items) lines.push(row(item).map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export const CSV_COLUMNS = [
  'entityRef',
  'title',
  'owner',
  'system',
  'level',
  'levelName',
  'score',
  ...DIMENSION_IDS.map(id => `dimension.${id}`),
  'failingChecks',
  'nextLevelBlockers',
  'evaluatedAt',
];

/** The CSV export of scorecard summaries (RFC 4180, CRLF line ends, a header row). */
export function toCsv(items: ScorecardSummary[]): string {
  return csvDocument(CSV_COLUMNS, items, item => {
    const dims = new Map(item.dimensions.map(d => [d.id, d.score]));
    return [
      item.entityRef,
      item.title,
      item.owner,
      item.system,
      item.level,
      item.levelName,
      item.score,
      ...DIMENSION_IDS.map(id => dims.get(id) ?? null),
      item.failingChecks.join(' '),
      item.nextLevel?.blockers.join('; ') ?? '',
      item.evaluatedAt,
    ];
  });
}

/*
 * The default, human-readable output: a summary table of the pilots, then for
 * each pilot its dimension scores and the checks short of pass.
 */
import type { Scorecard } from '@ai-readiness/plugin-ai-readiness-common';
import {
  belowCount,
  outsideRefsLine,
  pilotView,
  plural,
  Report,
} from './report';

type Paint = (text: string) => string;

export interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  yellow: Paint;
  green: Paint;
  cyan: Paint;
}

const ansi =
  (open: number, close: number): Paint =>
  text =>
    `\u001b[${open}m${text}\u001b[${close}m`;

export function makePalette(color: boolean): Palette {
  if (!color) {
    const id: Paint = t => t;
    return { bold: id, dim: id, red: id, yellow: id, green: id, cyan: id };
  }
  return {
    bold: ansi(1, 22),
    dim: ansi(2, 22),
    red: ansi(31, 39),
    yellow: ansi(33, 39),
    green: ansi(32, 39),
    cyan: ansi(36, 39),
  };
}

/** Control characters (C0 but tab and newline, DEL, C1), ESC among them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Strips control characters so catalog text cannot drive the terminal. */
export function plain(text: string): string {
  return text.replace(CONTROL, '').replace(/\n/g, ' ');
}

function pad(text: string, width: number, right = false): string {
  const gap = Math.max(0, width - [...text].length);
  return right ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

function levelPaint(p: Palette, card: Scorecard): Paint {
  switch (card.level) {
    case 'L3':
      return p.green;
    case 'L2':
      return p.cyan;
    case 'L1':
      return p.yellow;
    default:
      return p.red;
  }
}

const STATUS_MARK: Record<string, string> = {
  fail: '✗',
  error: '!',
  partial: '~',
  waived: 'w',
};

export function formatTable(report: Report, color: boolean): string {
  const p = makePalette(color);
  const lines: string[] = [];
  const cards = report.scorecards;

  const what = report.narrowed
    ? ''
    : `${plural(cards.length, 'AI pilot')} among ${plural(
        report.entityCount,
        'entity',
        'entities',
      )} in ${plural(report.filesRead, 'file')}`;
  lines.push(
    p.bold(`AI readiness as of ${report.asOf}`) + (what ? ` — ${what}` : ''),
  );

  if (cards.length === 0) {
    lines.push('', 'No AI pilots found.');
  } else {
    const header = ['PILOT', 'LEVEL', 'SCORE', 'BLOCKS THE NEXT LEVEL'];
    const views = cards.map(card => pilotView(report, card));
    const rows = cards.map((card, i) => [
      plain(card.entityRef),
      views[i].level,
      String(card.score),
      views[i].next ? plain(views[i].next!) : '—',
    ]);
    const w0 = Math.max(header[0].length, ...rows.map(r => [...r[0]].length));
    const w1 = Math.max(header[1].length, ...rows.map(r => r[1].length));
    const w2 = Math.max(header[2].length, ...rows.map(r => r[2].length));
    lines.push('');
    lines.push(
      p.bold(
        `${pad(header[0], w0)}  ${pad(header[1], w1)}  ${pad(
          header[2],
          w2,
          true,
        )}  ${header[3]}`,
      ),
    );
    cards.forEach((card, i) => {
      const r = rows[i];
      const below = views[i].below;
      const level = levelPaint(p, card)(pad(r[1], w1));
      const mark = below ? p.red(`  below ${report.minLevel}`) : '';
      lines.push(
        `${pad(r[0], w0)}  ${level}  ${pad(r[2], w2, true)}  ${r[3]}${mark}`,
      );
    });

    cards.forEach((card, i) => {
      const view = views[i];
      lines.push('');
      const src = view.source;
      const where = src ? p.dim(`  (${src.file}:${src.line})`) : '';
      lines.push(
        `${p.bold(plain(card.entityRef))}  ${levelPaint(
          p,
          card,
        )(view.level)}  score ${card.score}${where}`,
      );
      if (view.title) lines.push(`  ${plain(view.title)}`);
      if (view.scope) lines.push(p.dim(`  ${plain(view.scope)}`));
      if (view.cap) lines.push(p.yellow(`  ${plain(view.cap)}`));
      lines.push(`  ${view.dimensions.join('  ')}`);
      const open = view.gaps;
      if (open.length === 0) {
        lines.push(p.green('  every check passes'));
      }
      const idWidth = Math.max(
        0,
        ...open.map(c => c.id.length + (c.gate ? 1 : 0)),
      );
      for (const check of open) {
        const paint = check.status === 'partial' ? p.yellow : p.red;
        const id = pad(`${check.id}${check.gate ? '★' : ''}`, idWidth);
        lines.push(
          `  ${paint(
            `${STATUS_MARK[check.status]} ${id} ${pad(check.status, 7)}`,
          )} ${plain(check.title)}: ${plain(check.message)}`,
        );
      }
      for (const check of view.waived) {
        const w = check.waiver;
        lines.push(
          p.dim(
            `  ${STATUS_MARK.waived} ${pad(check.id, idWidth)} waived  ${plain(
              check.title,
            )}${w ? `: until ${plain(w.expires)}, ${plain(w.reason)}` : ''}`,
          ),
        );
      }
      for (const drift of card.drift) {
        lines.push(p.yellow(`  drift: ${plain(drift.message)}`));
      }
    });

    if (report.minLevel) {
      const below = belowCount(report);
      lines.push('');
      lines.push(
        below > 0
          ? p.red(`${plural(below, 'pilot')} below ${report.minLevel}.`)
          : p.green(`Every pilot is at ${report.minLevel} or above.`),
      );
    }
  }

  if (report.skippedFiles.length > 0) {
    lines.push('');
    lines.push(
      p.dim(
        `Skipped ${plural(
          report.skippedFiles.length,
          'YAML file',
        )} without catalog entities: ${report.skippedFiles
          .slice(0, 5)
          .join(', ')}${report.skippedFiles.length > 5 ? ', ...' : ''}`,
      ),
    );
  }
  if (report.warnings.length > 0) {
    lines.push('');
    lines.push(
      p.yellow(
        `${plural(
          report.warnings.length,
          'file',
        )} skipped with a warning (see stderr).`,
      ),
    );
  }
  if (report.errors.length > 0) {
    lines.push('');
    lines.push(
      p.red(`${plural(report.errors.length, 'input error')} (see stderr).`),
    );
  }
  const outside = outsideRefsLine(report);
  if (outside) lines.push('', p.dim(outside));
  return `${lines.join('\n')}\n`;
}

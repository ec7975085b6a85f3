/*
 * `--format markdown`: a pull-request comment. A table of the pilots (level,
 * score, what blocks the next level), then a collapsed section per pilot with
 * the checks short of pass and the YAML that closes them.
 */
import { mergeRemediations } from '@ai-readiness/plugin-ai-readiness-common';
import type { Scorecard } from '@ai-readiness/plugin-ai-readiness-common';
import {
  belowCount,
  outsideRefsLine,
  PilotView,
  pilotView,
  plural,
  Report,
} from './report';

/** GitHub refuses comments over 65,536 characters; stay well below. */
export const MARKDOWN_BUDGET = 60_000;

/** Escapes text for a Markdown paragraph or table cell (one line, no HTML, no links). */
export function mdText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, ch => `\\${ch}`);
}

/** Escapes text for HTML (inside <summary>). */
export function htmlText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A code span that survives backticks inside (and cannot break a table row). */
export function mdCode(text: string): string {
  const clean = text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
  const runs = clean.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map(r => r.length)) + 1);
  const spaced =
    clean.startsWith('`') || clean.endsWith('`') ? ` ${clean} ` : clean;
  return `${fence}${spaced}${fence}`;
}

/** A fenced code block that survives backtick runs inside. */
export function mdBlock(text: string, lang: string): string {
  const runs = text.match(/`{3,}/g) ?? [];
  const fence = '`'.repeat(Math.max(3, ...runs.map(r => r.length + 1)));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${lang}\n${body}${fence}`;
}

function statusIcon(view: PilotView, report: Report): string {
  if (!report.minLevel) return '';
  return view.below ? '❌ ' : '✅ ';
}

function details(card: Scorecard, view: PilotView): string {
  const out: string[] = [];
  const open = view.gaps;
  out.push('<details>');
  out.push(
    `<summary><code>${htmlText(card.entityRef)}</code>: ${htmlText(
      view.level,
    )}, score ${card.score}, ${plural(open.length, 'gap')}</summary>`,
  );
  out.push('');
  const src = view.source;
  const facts: string[] = [];
  if (view.title) facts.push(mdText(view.title));
  if (src) facts.push(`defined in ${mdCode(src.file)} line ${src.line}`);
  if (card.owner) facts.push(`owner ${mdCode(card.owner)}`);
  if (facts.length) out.push(facts.join(' · '), '');
  if (view.scope) out.push(mdText(view.scope), '');
  if (view.cap) out.push(`**${mdText(view.cap)}**`, '');
  out.push(`Dimensions: ${view.dimensions.join(' · ')}`);
  out.push('');
  if (open.length === 0) {
    out.push('Every check passes.');
  } else {
    out.push('| Check | Status | Finding | How to fix |');
    out.push('|---|---|---|---|');
    for (const check of open) {
      out.push(
        `| ${check.id}${check.gate ? ' ★' : ''} ${mdText(check.title)} | ${
          check.status
        } | ${mdText(check.message)} | ${mdText(
          check.remediation?.text ?? '',
        )} |`,
      );
    }
  }
  const waivers = view.waived;
  if (waivers.length) {
    out.push('');
    out.push(
      `Waived: ${waivers
        .map(
          c =>
            `${c.id}${
              c.waiver
                ? ` until ${mdText(c.waiver.expires)} (${mdText(
                    c.waiver.reason,
                  )})`
                : ''
            }`,
        )
        .join('; ')}`,
    );
  }
  if (card.drift.length) {
    out.push('');
    for (const d of card.drift) out.push(`- **Drift:** ${mdText(d.message)}`);
  }
  const yaml = open.length ? mergeRemediations(card) : '';
  if (yaml && yaml.trim()) {
    out.push('');
    out.push(`Add to ${mdCode('catalog-info.yaml')} to close the gaps:`);
    out.push('');
    out.push(mdBlock(yaml, 'yaml'));
  }
  out.push('');
  out.push('</details>');
  return out.join('\n');
}

export function formatMarkdown(report: Report): string {
  const lines: string[] = [];
  const cards = report.scorecards;
  lines.push('## AI readiness');
  lines.push('');
  let intro = `Evaluated as of **${report.asOf}**: ${plural(
    cards.length,
    'AI pilot',
  )}`;
  if (report.minLevel) {
    const below = belowCount(report);
    intro +=
      below > 0
        ? `, **${below} below ${report.minLevel}**`
        : `, all at ${report.minLevel} or above`;
  }
  lines.push(`${intro}.`);

  if (report.errors.length) {
    lines.push('');
    lines.push(`**${plural(report.errors.length, 'input error')}:**`);
    lines.push('');
    for (const e of report.errors.slice(0, 50)) {
      lines.push(
        `- ${mdCode(e.line ? `${e.file}:${e.line}` : e.file)}: ${mdText(
          e.message,
        )}`,
      );
    }
    if (report.errors.length > 50)
      lines.push(`- … and ${report.errors.length - 50} more`);
  }

  const outside = outsideRefsLine(report);
  if (cards.length === 0) {
    lines.push('');
    lines.push('No AI pilots found.');
    if (outside) lines.push('', `_${mdText(outside)}_`);
    return `${lines.join('\n')}\n`;
  }

  lines.push('');
  lines.push('| Pilot | Level | Score | Blocks the next level |');
  lines.push('|---|---|--:|---|');
  // The table may take most of the budget; the details share what is left.
  let tableSize = lines.join('\n').length;
  let rowsLeft = 0;
  const views = cards.map(card => pilotView(report, card));
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i];
    const view = views[i];
    const next = view.next ? mdText(view.next) : '—';
    const row = `| ${statusIcon(view, report)}${mdCode(
      card.entityRef,
    )} | ${mdText(view.level)} | ${card.score} | ${next} |`;
    if (rowsLeft > 0 || tableSize + row.length + 1 > MARKDOWN_BUDGET * 0.8) {
      rowsLeft++;
      continue;
    }
    lines.push(row);
    tableSize += row.length + 1;
  }
  if (rowsLeft > 0) {
    lines.push('');
    lines.push(
      `_${plural(
        rowsLeft,
        'more pilot',
      )} left out to fit a comment; run \`ai-readiness check --format json\` for all of them._`,
    );
  }
  lines.push('');
  lines.push('### Details');

  let size = lines.join('\n').length;
  let left = 0;
  for (let i = 0; i < cards.length; i++) {
    if (left > 0) {
      left++;
      continue;
    }
    const section = details(cards[i], views[i]);
    if (size + section.length + 2 > MARKDOWN_BUDGET) {
      left++;
      continue;
    }
    lines.push('');
    lines.push(section);
    size += section.length + 2;
  }
  if (left > 0) {
    lines.push('');
    lines.push(
      `_Details of ${plural(
        left,
        'more pilot',
      )} left out to fit a comment; run \`ai-readiness check --format json\` for all of them._`,
    );
  }
  if (outside) lines.push('', `_${mdText(outside)}_`);
  return `${lines.join('\n')}\n`;
}

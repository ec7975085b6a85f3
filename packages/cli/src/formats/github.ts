/*
 * `--format github`: GitHub Actions workflow commands, so that gaps show up as
 * annotations on the line where the pilot's document starts.
 *
 * GitHub shows at most 10 error and 10 warning annotations per step, so the
 * findings of a pilot are grouped: one error when it is below --min-level, one
 * error listing its gate checks short of pass, one warning listing its other
 * gaps and drift. Input errors get one error each.
 */
import type { Scorecard } from '@ai-readiness/plugin-ai-readiness-common';
import {
  capLine,
  gaps,
  isBelow,
  plural,
  Report,
  scopeLine,
  sourceOf,
} from './report';

/** Escapes the message of a workflow command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file, title) of a workflow command. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(
  command: 'error' | 'warning' | 'notice',
  properties: { file?: string; line?: number | null; title?: string },
  message: string,
): string {
  const props: string[] = [];
  // stdin has no file in the repository to annotate.
  if (properties.file && properties.file !== '<stdin>') {
    props.push(`file=${escapeProperty(properties.file)}`);
  }
  if (properties.line) props.push(`line=${properties.line}`);
  if (properties.title) props.push(`title=${escapeProperty(properties.title)}`);
  return `::${command}${
    props.length ? ` ${props.join(',')}` : ''
  }::${escapeData(message)}`;
}

function annotationsFor(card: Scorecard, report: Report): string[] {
  const out: string[] = [];
  const src = sourceOf(report, card);
  const where = { file: src?.file, line: src?.line };
  const ref = card.entityRef;
  // Why it is a pilot and what caps it, closing each of its annotations.
  const scope = scopeLine(card);
  const cap = capLine(card);
  const context = [cap, scope].filter((t): t is string => Boolean(t));
  const withContext = (message: string) =>
    [message, ...context.map(t => `${t}.`)].join('\n');
  if (isBelow(card, report.minLevel)) {
    const blockers = card.nextLevel
      ? ` Blocking ${card.nextLevel.level}: ${card.nextLevel.blockers.join(
          ', ',
        )}.`
      : '';
    out.push(
      workflowCommand(
        'error',
        {
          ...where,
          title: `AI readiness: ${ref} is ${card.level}, below ${report.minLevel}`,
        },
        withContext(
          `${ref} is at ${card.level} ${card.levelName} (score ${card.score}); the required level is ${report.minLevel}.${blockers}`,
        ),
      ),
    );
  }
  const open = gaps(card);
  const gates = open.filter(c => c.gate);
  const others = open.filter(c => !c.gate);
  if (gates.length) {
    out.push(
      workflowCommand(
        'error',
        {
          ...where,
          title: `AI readiness: ${ref}: ${plural(
            gates.length,
            'gate check',
          )} short of pass`,
        },
        withContext(
          gates
            .map(c => `${c.id} ${c.title} (${c.status}): ${c.message}`)
            .join('\n'),
        ),
      ),
    );
  }
  const warnings = [
    ...others.map(c => `${c.id} ${c.title} (${c.status}): ${c.message}`),
    ...card.drift.map(d => `Drift: ${d.message}`),
  ];
  if (warnings.length) {
    out.push(
      workflowCommand(
        'warning',
        {
          ...where,
          title: `AI readiness: ${ref}: ${[
            others.length ? plural(others.length, 'gap') : '',
            card.drift.length ? 'drift' : '',
          ]
            .filter(Boolean)
            .join(' and ')}`,
        },
        withContext(warnings.join('\n')),
      ),
    );
  }
  if (cap && out.length === 0) {
    // Nothing else to say about this pilot: the cap alone explains its level.
    out.push(
      workflowCommand(
        'notice',
        { ...where, title: `AI readiness: ${ref} is capped at ${card.level}` },
        withContext(`${ref} is at ${card.level} ${card.levelName}.`),
      ),
    );
  }
  return out;
}

export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const e of report.errors) {
    lines.push(
      workflowCommand(
        'error',
        { file: e.file, line: e.line, title: 'AI readiness: invalid input' },
        e.message,
      ),
    );
  }
  for (const card of report.scorecards) {
    lines.push(...annotationsFor(card, report));
  }
  const cards = report.scorecards;
  let summary = `AI readiness as of ${report.asOf}: ${plural(
    cards.length,
    'AI pilot',
  )}`;
  const counts = ['L0', 'L1', 'L2', 'L3']
    .map(l => [l, cards.filter(c => c.level === l).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${n} at ${l}`);
  if (counts.length) summary += ` (${counts.join(', ')})`;
  if (report.minLevel) {
    const below = cards.filter(c => isBelow(c, report.minLevel)).length;
    summary += below
      ? `; ${below} below ${report.minLevel}`
      : `; all at ${report.minLevel} or above`;
  }
  if (report.errors.length)
    summary += `; ${plural(report.errors.length, 'input error')}`;
  lines.push(`${summary}.`);
  return `${lines.join('\n')}\n`;
}

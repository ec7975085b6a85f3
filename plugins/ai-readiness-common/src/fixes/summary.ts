/** A pull request's title and body for a fix. @public */
export interface FixDescription {
  title: string;
  body: string;
}

/**
 * The title and body of the pull request (or merge request) of a fix,
 * listing the checks it closes. @public
 */
export function describeFix(input: {
  entityRef: string;
  checks: Array<{ id: string; title?: string }>;
  notes?: string[];
}): FixDescription {
  const ids = input.checks.map(check => check.id);
  const title = `AI readiness: close ${ids.join(', ')} for ${input.entityRef}`;
  const lines = [
    `Closes these AI readiness checks of \`${input.entityRef}\` by writing their remediations into its catalog-info.yaml:`,
    '',
    ...input.checks.map(
      check => `- **${check.id}**${check.title ? ` ${check.title}` : ''}`,
    ),
    '',
    "The values come from the rubric's examples (a placeholder team, person or link may need your real one): review them before merging.",
  ];
  if (input.notes?.length) {
    lines.push('', 'Notes:', '', ...input.notes.map(n => `- ${n}`));
  }
  return { title, body: `${lines.join('\n')}\n` };
}

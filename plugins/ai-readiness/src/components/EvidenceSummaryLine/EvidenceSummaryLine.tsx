import Typography from '@material-ui/core/Typography';
import type { EvidenceCounts } from '@ai-readiness/plugin-ai-readiness-common';

/** "12 of 15 items verified, 1 refuted"; undefined without items. */
export function evidenceSummaryText(
  counts: EvidenceCounts | undefined,
): string | undefined {
  if (!counts) return undefined;
  const total = counts.verified + counts.unverified + counts.refuted;
  if (!total) return undefined;
  const items = total === 1 ? 'item' : 'items';
  return `${counts.verified} of ${total} ${items} verified${
    counts.refuted ? `, ${counts.refuted} refuted` : ''
  }`;
}

/** The scorecard's evidence in one line; nothing when it has no item. */
export function EvidenceSummaryLine(props: {
  counts: EvidenceCounts | undefined;
}) {
  const text = evidenceSummaryText(props.counts);
  if (!text) return null;
  return (
    <Typography
      variant="body2"
      color={props.counts?.refuted ? 'error' : 'textSecondary'}
      data-testid="evidence-summary"
    >
      Evidence: {text}
    </Typography>
  );
}

import Typography from '@material-ui/core/Typography';
import RefutedIcon from '@material-ui/icons/Block';
import type { EvidenceCounts } from '@ai-readiness/plugin-ai-readiness-common';

/** The org table's evidence column: refuted items first, then how many are verified. */
export function EvidenceCell(props: { counts: EvidenceCounts | undefined }) {
  const { counts } = props;
  const total = counts
    ? counts.verified + counts.unverified + counts.refuted
    : 0;
  if (!counts || !total) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        none
      </Typography>
    );
  }
  return (
    <Typography
      variant="body2"
      component="span"
      style={{ whiteSpace: 'nowrap' }}
    >
      {counts.refuted > 0 && (
        <Typography
          component="span"
          variant="body2"
          color="error"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}
        >
          <RefutedIcon fontSize="inherit" aria-hidden="true" />
          {counts.refuted} refuted
          {', '}
        </Typography>
      )}
      {counts.verified}/{total} verified
    </Typography>
  );
}

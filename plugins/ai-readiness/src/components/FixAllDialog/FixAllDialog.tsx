import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import BuildIcon from '@material-ui/icons/Build';
import {
  Scorecard,
  mergeRemediations,
} from '@ai-readiness/plugin-ai-readiness-common';
import { YamlBlock } from '../YamlBlock';
import { SafeLink } from '../SafeLink';

/** How many checks short of pass carry a remediation. */
export function countRemediations(card: Scorecard): number {
  return card.dimensions
    .flatMap(d => d.checks)
    .filter(c => c.remediation && c.status !== 'pass').length;
}

/**
 * "Fix all": every remediation of the scorecard merged into one YAML snippet
 * (by the engine), with a copy button and the edit link.
 */
export function FixAllDialog(props: {
  scorecard: Scorecard;
  editLink?: { url: string; label: string };
}) {
  const { scorecard, editLink } = props;
  const [open, setOpen] = useState(false);
  const count = countRemediations(scorecard);
  if (count === 0) {
    return null;
  }
  const yaml = open ? mergeRemediations(scorecard) : '';
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<BuildIcon />}
        onClick={() => setOpen(true)}
      >
        Fix all ({count})
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        maxWidth="md"
        fullWidth
        aria-labelledby="ai-readiness-fix-all-title"
      >
        <DialogTitle id="ai-readiness-fix-all-title">
          Fix all: one snippet for catalog-info.yaml
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" paragraph>
            Every remediation of {scorecard.title || scorecard.entityRef} merged
            into one YAML snippet. Merge it into the entity's catalog-info.yaml
            and replace the example values with real ones.
          </Typography>
          <YamlBlock
            yaml={yaml}
            label="Merged remediation YAML"
            actions={
              editLink && (
                <SafeLink url={editLink.url}>{editLink.label}</SafeLink>
              )
            }
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

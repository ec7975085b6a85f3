import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import type {
  WaiverDecision,
  WaiverRequest,
} from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';

const LABELS: Record<WaiverDecision, string> = {
  approve: 'Approve',
  deny: 'Deny',
  revoke: 'Revoke',
};

/** Approve, deny or revoke one request, with a comment; the backend's refusal (403, 409) is shown as it says it. */
export function WaiverDecisionDialog(props: {
  request: WaiverRequest;
  decision: WaiverDecision;
  onDecided: (request: WaiverRequest) => void;
}) {
  const { request, decision, onDecided } = props;
  const api = useApi(aiReadinessApiRef);
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  async function submit() {
    setSending(true);
    setError(undefined);
    try {
      const decided = await api.decideWaiver(
        request.id,
        decision,
        comment.trim() || undefined,
      );
      setOpen(false);
      onDecided(decided);
    } catch (e) {
      const body = (e as { body?: { error?: { message?: string } } }).body;
      setError(body?.error?.message ?? String((e as Error).message ?? e));
    } finally {
      setSending(false);
    }
  }

  const id = `waiver-${decision}-${request.id}`;
  return (
    <>
      <Button
        size="small"
        variant={decision === 'approve' ? 'contained' : 'outlined'}
        color={decision === 'approve' ? 'primary' : 'default'}
        onClick={() => setOpen(true)}
        aria-label={`${LABELS[decision]} ${request.checkId} of ${request.entityRef}`}
      >
        {LABELS[decision]}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby={id}
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id={id}>
          {LABELS[decision]} the waiver of {request.checkId} for{' '}
          {request.entityRef}
        </DialogTitle>
        <DialogContent>
          {error && (
            <Alert severity="error" style={{ marginBottom: 8 }}>
              {error}
            </Alert>
          )}
          <Typography variant="body2" paragraph>
            {request.category === 'mitigated'
              ? 'Mitigated by a compensating control'
              : 'Risk accepted'}{' '}
            until {request.expires}, asked by {request.requestedBy}:{' '}
            {request.justification}
          </Typography>
          <TextField
            id={`${id}-comment`}
            label="Comment"
            value={comment}
            onChange={e => setComment(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            margin="dense"
            helperText="Recorded with the decision and sent to the requester and the owners"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={sending}
            onClick={submit}
          >
            {LABELS[decision]}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

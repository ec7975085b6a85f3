import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  isSafeHttpUrl,
  todayUtc,
  WAIVER_JUSTIFICATION_MIN,
  WaiverCategory,
  WaiverRequest,
} from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';

/** The message of a failed request: the backend names the field. */
async function messageOf(error: unknown): Promise<string> {
  const body = (error as { body?: { error?: { message?: string } } })?.body;
  return body?.error?.message ?? String((error as Error)?.message ?? error);
}

/**
 * "Request a waiver" on a check short of pass: category, justification,
 * expiry (bounded by the pilot's tier maximum), the compensating control's URL
 * for `mitigated`, and a ticket. The request goes to the approvers.
 */
export function WaiverRequestDialog(props: {
  entityRef: string;
  checkId: string;
  checkTitle: string;
  /** The latest expiry the tier allows, YYYY-MM-DD. */
  latestExpires: string;
  onCreated: (request: WaiverRequest) => void;
}) {
  const { entityRef, checkId, checkTitle, latestExpires, onCreated } = props;
  const api = useApi(aiReadinessApiRef);
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<WaiverCategory>('waiver');
  const [justification, setJustification] = useState('');
  const [expires, setExpires] = useState(latestExpires);
  const [controlUrl, setControlUrl] = useState('');
  const [ticket, setTicket] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const today = todayUtc();

  const problems = {
    justification:
      justification.trim().length < WAIVER_JUSTIFICATION_MIN
        ? `At least ${WAIVER_JUSTIFICATION_MIN} characters (${
            justification.trim().length
          } so far)`
        : undefined,
    expires:
      !/^\d{4}-\d{2}-\d{2}$/.test(expires) ||
      expires < today ||
      expires > latestExpires
        ? `A day from ${today} to ${latestExpires} (this pilot's risk tier)`
        : undefined,
    controlUrl:
      category === 'mitigated' && !isSafeHttpUrl(controlUrl)
        ? 'The http(s) URL of the compensating control: it is verified as evidence'
        : undefined,
  };
  const valid = !Object.values(problems).some(Boolean);

  async function submit() {
    setSending(true);
    setError(undefined);
    try {
      const created = await api.requestWaiver({
        entityRef,
        checkId,
        category,
        justification: justification.trim(),
        expires,
        ...(category === 'mitigated' ? { controlUrl } : {}),
        ...(ticket.trim() ? { ticket: ticket.trim() } : {}),
      });
      setOpen(false);
      onCreated(created);
    } catch (e) {
      setError(await messageOf(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        Request a waiver
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby={`waiver-request-${checkId}`}
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id={`waiver-request-${checkId}`}>
          Request a waiver of {checkId} {checkTitle}
        </DialogTitle>
        <DialogContent>
          {error && (
            <Alert severity="error" style={{ marginBottom: 8 }}>
              {error}
            </Alert>
          )}
          <FormControl component="fieldset" margin="dense">
            <FormLabel component="legend">Category</FormLabel>
            <RadioGroup
              row
              value={category}
              onChange={e => setCategory(e.target.value as WaiverCategory)}
            >
              <FormControlLabel
                value="waiver"
                control={<Radio />}
                label="Risk accepted"
              />
              <FormControlLabel
                value="mitigated"
                control={<Radio />}
                label="Mitigated by a compensating control"
              />
            </RadioGroup>
          </FormControl>
          <TextField
            id={`waiver-${checkId}-justification`}
            label="Justification"
            value={justification}
            onChange={e => setJustification(e.target.value)}
            multiline
            minRows={3}
            fullWidth
            margin="dense"
            required
            error={!!justification && !!problems.justification}
            helperText={problems.justification ?? ' '}
          />
          <TextField
            id={`waiver-${checkId}-expires`}
            label="Expires"
            type="date"
            value={expires}
            onChange={e => setExpires(e.target.value)}
            inputProps={{ min: today, max: latestExpires }}
            InputLabelProps={{ shrink: true }}
            margin="dense"
            required
            error={!!problems.expires}
            helperText={
              problems.expires ??
              `The last day it applies (${latestExpires} at the latest)`
            }
          />
          {category === 'mitigated' && (
            <TextField
              id={`waiver-${checkId}-control-url`}
              label="Control URL"
              value={controlUrl}
              onChange={e => setControlUrl(e.target.value)}
              fullWidth
              margin="dense"
              required
              error={!!controlUrl && !!problems.controlUrl}
              helperText={problems.controlUrl ?? ' '}
            />
          )}
          <TextField
            id={`waiver-${checkId}-ticket`}
            label="Ticket"
            value={ticket}
            onChange={e => setTicket(e.target.value)}
            fullWidth
            margin="dense"
            helperText="Optional: where the risk is tracked"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={!valid || sending}
            onClick={submit}
          >
            Send for approval
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

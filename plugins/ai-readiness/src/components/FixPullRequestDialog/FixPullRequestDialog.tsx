import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import CallMergeIcon from '@material-ui/icons/CallMerge';
import GetAppIcon from '@material-ui/icons/GetApp';
import { Link as RouterLink } from 'react-router-dom';
import {
  CodeSnippet,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type { FixPreviewResponse } from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';
import { scaffolderRouteRef } from '../../routes';

/** The template that opens the pull request (templates/ai-readiness-fix). */
export const FIX_TEMPLATE_PATH = '/templates/default/ai-readiness-fix';

/** The scaffolder's page for the template, with the entity and checks filled in. */
export function templateLink(
  scaffolderRoot: string,
  entityRef: string,
  checks: string[],
): string {
  const formData = JSON.stringify({ entityRef, checks });
  return `${scaffolderRoot.replace(
    /\/$/,
    '',
  )}${FIX_TEMPLATE_PATH}?formData=${encodeURIComponent(formData)}`;
}

/** The patched file as a download link (no object URL to revoke). */
function downloadHref(text: string): string {
  return `data:application/yaml;charset=utf-8,${encodeURIComponent(text)}`;
}

const baseName = (path: string) => path.split('/').pop() || 'catalog-info.yaml';

function PreviewBody(props: {
  preview: FixPreviewResponse;
  scaffolderRoot?: string;
  entityRef: string;
}) {
  const { preview, scaffolderRoot, entityRef } = props;
  const { file } = preview;
  return (
    <>
      <Typography variant="body2" paragraph>
        The change to <code>{file.path}</code> that closes{' '}
        <strong>{preview.checks.join(', ')}</strong>. The values come from the
        rubric's examples: replace a placeholder team, person or link with the
        real one while reviewing.
      </Typography>
      <div role="region" aria-label={`Diff of ${file.path}`}>
        <CodeSnippet
          text={preview.diff}
          language="diff"
          showCopyCodeButton
          customStyle={{ maxHeight: 360, overflow: 'auto', margin: 0 }}
        />
      </div>
      {preview.notes.length > 0 && (
        <Box component="ul" mt={1} mb={0} pl={2.5} aria-label="Notes">
          {preview.notes.map(note => (
            <li key={note}>
              <Typography variant="body2">{note}</Typography>
            </li>
          ))}
        </Box>
      )}
      <Box mt={2}>
        {file.type === 'file' && (
          <Alert severity="info">
            {entityRef} comes from a local file that the portal reads (
            <code>{file.path}</code>), not from a repository: there is no pull
            request to open. Download the patched file and put it in place of{' '}
            <code>{file.path}</code>.
          </Alert>
        )}
        {file.type === 'url' && !scaffolderRoot && (
          <Alert severity="info">
            This portal has no scaffolder to open the pull request: download the
            patched file and commit it to <code>{file.path}</code>.
          </Alert>
        )}
        {file.type === 'url' && scaffolderRoot && (
          <Typography variant="body2">
            The template <code>ai-readiness-fix</code> opens the pull request
            with the entity and the checks filled in; its page links the pull
            request when it is open.
          </Typography>
        )}
      </Box>
    </>
  );
}

/**
 * "Open a pull request": shows the diff of the fix first (POST
 * /fixes/preview), then opens the scaffolder template ai-readiness-fix with
 * the entity and the checks filled in. For an entity from a local file, or
 * without a scaffolder, it offers the patched file to download instead.
 *
 * @public
 */
export function FixPullRequestDialog(props: {
  entityRef: string;
  /** The checks to close; every failing check with a remediation when omitted. */
  checks?: string[];
  /** A smaller button, for one check. */
  size?: 'small' | 'medium';
}) {
  const { entityRef, checks, size } = props;
  const [open, setOpen] = useState(false);
  const scaffolderRoute = useRouteRef(scaffolderRouteRef);
  const scaffolderRoot = scaffolderRoute?.();
  const label = checks?.length === 1 ? `${checks[0]}` : 'all failing checks';
  return (
    <>
      <Button
        variant="outlined"
        size={size}
        startIcon={<CallMergeIcon />}
        onClick={() => setOpen(true)}
        aria-label={`Open a pull request for ${label}`}
      >
        Open a pull request
      </Button>
      {open && (
        <FixDialog
          entityRef={entityRef}
          checks={checks}
          scaffolderRoot={scaffolderRoot}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

function FixDialog(props: {
  entityRef: string;
  checks?: string[];
  scaffolderRoot?: string;
  onClose: () => void;
}) {
  const { entityRef, checks, scaffolderRoot, onClose } = props;
  const api = useApi(aiReadinessApiRef);
  const preview = useAsync(
    () => api.previewFix({ entityRef, checks }),
    [api, entityRef, checks?.join(',')],
  );
  const value = preview.value;
  const canOpenTemplate = value?.file.type === 'url' && scaffolderRoot;
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="ai-readiness-fix-pr-title"
    >
      <DialogTitle id="ai-readiness-fix-pr-title">
        Open a pull request for{' '}
        {checks?.length ? checks.join(', ') : 'every failing check'}
      </DialogTitle>
      <DialogContent>
        {preview.loading && <Progress />}
        {preview.error && (
          <ResponseErrorPanel
            error={preview.error}
            title="No change can be made to the entity's file"
          />
        )}
        {value && (
          <PreviewBody
            preview={value}
            scaffolderRoot={scaffolderRoot}
            entityRef={entityRef}
          />
        )}
      </DialogContent>
      <DialogActions>
        {value && !canOpenTemplate && (
          <Button
            component="a"
            href={downloadHref(value.patched)}
            download={baseName(value.file.path)}
            startIcon={<GetAppIcon />}
          >
            Download {baseName(value.file.path)}
          </Button>
        )}
        {value && canOpenTemplate && (
          <Button
            component={RouterLink}
            to={templateLink(scaffolderRoot!, entityRef, value.checks)}
            color="primary"
            variant="contained"
            startIcon={<CallMergeIcon />}
          >
            Open the pull request template
          </Button>
        )}
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

import { useState } from 'react';
import Button from '@material-ui/core/Button';
import RefreshIcon from '@material-ui/icons/Refresh';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { aiReadinessScorecardRefreshPermission } from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';

/**
 * "Re-evaluate": shown only to users allowed `ai-readiness.scorecard.refresh`;
 * POSTs /refresh for the entity, then calls `onRefreshed`.
 */
export function RefreshButton(props: {
  entityRef: string;
  onRefreshed?: () => void | Promise<void>;
}) {
  const { entityRef, onRefreshed } = props;
  const api = useApi(aiReadinessApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed, loading } = usePermission({
    permission: aiReadinessScorecardRefreshPermission,
  });
  const [busy, setBusy] = useState(false);

  if (loading || !allowed) {
    return null;
  }

  const onClick = async () => {
    setBusy(true);
    try {
      await api.refresh(entityRef);
      await onRefreshed?.();
      alertApi.post({
        message: 'Re-evaluation done',
        severity: 'success',
        display: 'transient',
      });
    } catch (e) {
      alertApi.post({
        message: `Re-evaluation failed: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      variant="outlined"
      color="primary"
      startIcon={<RefreshIcon />}
      disabled={busy}
      onClick={onClick}
    >
      {busy ? 'Re-evaluating…' : 'Re-evaluate'}
    </Button>
  );
}

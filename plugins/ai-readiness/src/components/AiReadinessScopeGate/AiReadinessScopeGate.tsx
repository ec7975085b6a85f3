import { ReactNode, useEffect, useRef } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { useAsyncEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { aiReadinessApiRef } from '../../api';
import {
  askAiReadinessScope,
  isAiReadinessAvailable,
} from '../../scope/aiReadinessScope';

/**
 * Renders its children only on entities the backend scores (see
 * isAiReadinessScored). Where the entity page decided its tabs before the
 * answer was known (the new frontend system's filters are synchronous), it
 * asks the entity page to refresh once the answer differs, so that the
 * readiness tab appears (or goes) with it.
 *
 * @public
 */
export function AiReadinessScopeGate(props: { children: ReactNode }) {
  const { entity, refresh } = useAsyncEntity();
  const api = useApi(aiReadinessApiRef);
  const shown = useRef<boolean | undefined>(undefined);
  if (entity && shown.current === undefined) {
    shown.current = isAiReadinessAvailable(entity);
  }
  const answer = useAsync(
    async () => (entity ? askAiReadinessScope(api, entity) : false),
    [api, entity],
  );
  const scored = answer.value;
  useEffect(() => {
    if (scored === undefined || scored === shown.current) return;
    shown.current = scored;
    refresh?.();
  }, [scored, refresh]);
  return scored ? <>{props.children}</> : null;
}

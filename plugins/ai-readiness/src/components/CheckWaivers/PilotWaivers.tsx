import { createContext, ReactNode, useContext, useMemo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  WaiverPolicyResponse,
  WaiverRequest,
} from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';

/** A pilot's waiver requests and policy, for every check on its tab. */
export interface PilotWaiversValue {
  entityRef: string;
  requests: WaiverRequest[];
  policy?: WaiverPolicyResponse;
  reload: () => void;
}

const PilotWaiversContext = createContext<PilotWaiversValue | undefined>(
  undefined,
);

/** Loads a pilot's requests (newest first) and policy once for its tab. */
export function PilotWaivers(props: {
  entityRef: string;
  children: ReactNode;
}) {
  const { entityRef } = props;
  const api = useApi(aiReadinessApiRef);
  const requests = useAsyncRetry(
    () => api.listWaivers({ entityRef, limit: 1000 }),
    [api, entityRef],
  );
  const policy = useAsyncRetry(
    () => api.getWaiverPolicy(entityRef),
    [api, entityRef],
  );
  const { retry } = requests;
  const value = useMemo(
    () => ({
      entityRef,
      requests: requests.value?.items ?? [],
      policy: policy.value,
      reload: retry,
    }),
    [entityRef, requests.value, policy.value, retry],
  );
  return (
    <PilotWaiversContext.Provider value={value}>
      {props.children}
    </PilotWaiversContext.Provider>
  );
}

/** The pilot's waivers, or undefined outside a PilotWaivers. */
export const usePilotWaivers = () => useContext(PilotWaiversContext);

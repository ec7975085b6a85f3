import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AI_READINESS_TAB_PATH } from '../../routes';

/** A function from entity ref to the pilot's readiness tab (undefined for a malformed ref). */
export function useReadinessTabLink(): (ref: string) => string | undefined {
  const entityRoute = useRouteRef(entityRouteRef);
  return (ref: string) => {
    try {
      return `${entityRoute(entityRouteParams(ref))}/${AI_READINESS_TAB_PATH}`;
    } catch {
      return undefined;
    }
  };
}

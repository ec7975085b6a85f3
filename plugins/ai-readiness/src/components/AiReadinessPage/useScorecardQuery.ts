import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  DIMENSION_IDS,
  DimensionId,
  READINESS_LEVELS,
  ReadinessLevel,
  SCORECARD_EVIDENCE_FILTERS,
  SCORECARD_ORDER_BY,
  ScopeRule,
  ScorecardEvidenceFilter,
} from '@ai-readiness/plugin-ai-readiness-common';
import { isScopeRule } from '../PilotScopeNote';
import type { ScorecardOrderBy, ScorecardQuery } from '../../api';

export const PAGE_SIZES = [25, 50, 100];
const ORDER_BYS: readonly ScorecardOrderBy[] = SCORECARD_ORDER_BY;

export interface PageState {
  owner: string;
  system: string;
  level: ReadinessLevel | '';
  dimension: DimensionId | '';
  /** 'refuted': only pilots with refuted evidence. */
  evidence: ScorecardEvidenceFilter | '';
  q: string;
  page: number;
  pageSize: number;
  orderBy: ScorecardOrderBy;
  order: 'asc' | 'desc';
  /** 'true': only pilots below their target; 'false': only those at or above it. */
  offTarget: '' | 'true' | 'false';
  /** Only pilots in scope by this rule. */
  scope: ScopeRule | '';
}

/**
 * The org page's filters, sort and page, kept in the URL's query string so a
 * filtered view can be shared and survives a reload.
 */
export function usePageState(): [
  PageState,
  (patch: Partial<PageState>) => void,
] {
  const [params, setParams] = useSearchParams();

  const state = useMemo<PageState>(() => {
    const level = params.get('level') ?? '';
    const dimension = params.get('dimension') ?? '';
    const evidence = params.get('evidence') ?? '';
    const orderBy = params.get('orderBy') as ScorecardOrderBy;
    const pageSize = Number(params.get('pageSize'));
    const scope = params.get('scope');
    return {
      owner: params.get('owner') ?? '',
      system: params.get('system') ?? '',
      level: (READINESS_LEVELS as readonly string[]).includes(level)
        ? (level as ReadinessLevel)
        : '',
      dimension: (DIMENSION_IDS as readonly string[]).includes(dimension)
        ? (dimension as DimensionId)
        : '',
      evidence: (SCORECARD_EVIDENCE_FILTERS as readonly string[]).includes(
        evidence,
      )
        ? (evidence as ScorecardEvidenceFilter)
        : '',
      q: params.get('q') ?? '',
      page: Math.max(0, Math.floor(Number(params.get('page')) || 0)),
      pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : PAGE_SIZES[0],
      orderBy: ORDER_BYS.includes(orderBy) ? orderBy : 'score',
      order: params.get('order') === 'desc' ? 'desc' : 'asc',
      offTarget:
        (['true', 'false'] as const).find(v => v === params.get('offTarget')) ??
        '',
      scope: isScopeRule(scope) ? scope : '',
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<PageState>) => {
      setParams(
        prev => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === '' || value === undefined || value === null) {
              next.delete(key);
            } else {
              next.set(key, String(value));
            }
          }
          // Any change other than paging starts again from the first page.
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return [state, update];
}

/** The backend query for a page state (filters, sort, page). */
export function toQuery(state: PageState): ScorecardQuery {
  return {
    owner: state.owner || undefined,
    system: state.system || undefined,
    level: state.level || undefined,
    dimension: state.dimension || undefined,
    evidence: state.evidence || undefined,
    q: state.q || undefined,
    limit: state.pageSize,
    offset: state.page * state.pageSize,
    orderBy: state.orderBy,
    order: state.order,
    offTarget: state.offTarget ? state.offTarget === 'true' : undefined,
    scope: state.scope || undefined,
  };
}

/*
 * The built-in claimers (shared/evidence.md, "Collectors"): which candidates
 * each built-in collector looks up, and under which target. The engine uses
 * them to list a check's items; the backend's collectors use the same ones,
 * so that an item is named one way only.
 */
import { isSafeHttpUrl } from '../util/urls';
import type { EvidenceCandidate, EvidenceClaimer } from './types';

/** The annotation that names a PagerDuty service. @public */
export const PAGERDUTY_SERVICE_ANNOTATION = 'pagerduty.com/service-id';
/** The Grafana annotations the `grafana` collector looks up. @public */
export const GRAFANA_SELECTOR_ANNOTATION = 'grafana/dashboard-selector';
/** @public */
export const GRAFANA_OVERVIEW_ANNOTATION = 'grafana/overview-dashboard';

/**
 * `links`: every http(s) URL a check reads: a `metadata.links` item of a
 * declared type, or a declared URL-valued key or annotation holding one.
 * Anything that is not an http(s) URL is never a link, and never claimed.
 * The target is the URL as written. @public
 */
export const linksEvidenceClaimer: EvidenceClaimer = {
  id: 'links',
  claim(candidate) {
    if (candidate.type === 'link')
      return isSafeHttpUrl(candidate.url) ? candidate.url : undefined;
    if (candidate.isUrl && isSafeHttpUrl(candidate.value))
      return candidate.value;
    return undefined;
  },
};

/**
 * `pagerduty`: the value of `pagerduty.com/service-id`, on the pilot or on
 * its owner Group (the candidates of the on-call reads). The target is the
 * service id. @public
 */
export const pagerdutyEvidenceClaimer: EvidenceClaimer = {
  id: 'pagerduty',
  claim(candidate) {
    if (candidate.type !== 'value') return undefined;
    if (candidate.name !== PAGERDUTY_SERVICE_ANNOTATION) return undefined;
    const id = candidate.value.trim();
    return id ? id : undefined;
  },
};

/** What a `grafana` target asks for. @public */
export type GrafanaTarget =
  | { kind: 'tag'; tag: string }
  | { kind: 'uid'; uid: string }
  /** A selector or URL the collector cannot look up: it answers `unverified: selector form not supported`. */
  | { kind: 'unsupported'; value: string };

/** The detail of a Grafana item whose selector form is not supported. @public */
export const GRAFANA_UNSUPPORTED_DETAIL = 'selector form not supported';

const TAG_SELECTOR = /^tags\s*@>\s*'([^'\s][^']*)'$/;
const DASHBOARD_UID = /\/d\/([^/?#]+)/;

/**
 * The target of a Grafana annotation value, or undefined for an empty value:
 * `tags @> 'TAG'` gives `tag:TAG`; an http(s) URL whose path holds
 * `/d/<uid>` gives `uid:UID`; any other form gives `unsupported:<value>`, so
 * that it is still an item (listed on the check, counted as unverified) that
 * the collector answers with `unverified: selector form not supported`
 * without contacting Grafana. @public
 */
export function grafanaTargetOf(
  name: string,
  value: string,
): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  if (name === GRAFANA_SELECTOR_ANNOTATION) {
    const m = TAG_SELECTOR.exec(text);
    if (m) return `tag:${m[1].trim()}`;
  } else if (name === GRAFANA_OVERVIEW_ANNOTATION) {
    if (isSafeHttpUrl(text)) {
      let path: string | undefined;
      try {
        path = new URL(text).pathname;
      } catch {
        path = undefined;
      }
      const m = path ? DASHBOARD_UID.exec(path) : null;
      if (m) return `uid:${decodeURIComponent(m[1])}`;
    }
  } else {
    return undefined;
  }
  return `unsupported:${text}`;
}

/** Reads a `grafana` target back (for the collector). @public */
export function parseGrafanaTarget(target: string): GrafanaTarget {
  if (target.startsWith('tag:')) return { kind: 'tag', tag: target.slice(4) };
  if (target.startsWith('uid:')) return { kind: 'uid', uid: target.slice(4) };
  return {
    kind: 'unsupported',
    value: target.startsWith('unsupported:') ? target.slice(12) : target,
  };
}

/**
 * `grafana`: `grafana/dashboard-selector` and `grafana/overview-dashboard`
 * (see grafanaTargetOf for the targets). @public
 */
export const grafanaEvidenceClaimer: EvidenceClaimer = {
  id: 'grafana',
  claim(candidate: EvidenceCandidate) {
    if (candidate.type !== 'value') return undefined;
    return grafanaTargetOf(candidate.name, candidate.value);
  },
};

/** The built-in claimers by collector id. @public */
export const builtinEvidenceClaimers: Readonly<
  Record<'links' | 'pagerduty' | 'grafana', EvidenceClaimer>
> = Object.freeze({
  links: linksEvidenceClaimer,
  pagerduty: pagerdutyEvidenceClaimer,
  grafana: grafanaEvidenceClaimer,
});

import type { Entity } from '@backstage/catalog-model';
import { isSafeHttpUrl } from '@ai-readiness/plugin-ai-readiness-common';

const EDIT_URL = 'backstage.io/edit-url';
const SOURCE_LOCATION = 'backstage.io/source-location';

/**
 * Where an owner edits the entity's catalog-info.yaml: `backstage.io/edit-url`,
 * else the `backstage.io/source-location` folder. Only http(s) URLs qualify.
 */
export function editLinkFor(
  entity: Entity,
): { url: string; label: string } | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const edit = annotations[EDIT_URL];
  if (edit && isSafeHttpUrl(edit)) {
    return { url: edit, label: 'Edit catalog-info.yaml' };
  }
  const source = annotations[SOURCE_LOCATION]?.replace(/^url:/, '');
  if (source && isSafeHttpUrl(source)) {
    return { url: source, label: 'Open the source location' };
  }
  return undefined;
}

/** A URL found in the entity's metadata, shown on the readiness tab. */
export interface EvidenceLink {
  /** Where it was found: `links[raci]` or the annotation key. */
  source: string;
  title: string;
  url: string;
}

// A value with a scheme and "//" (https://x) or a scheme that never has one
// but runs code or reads files (javascript:, data:, vbscript:, file:).
// Entity references (group:default/x) have neither.
const URL_LIKE = /^([a-z][a-z0-9+.-]*:\/\/|(javascript|data|vbscript|file):)/i;

/**
 * Every URL the entity's metadata carries: its `metadata.links` and the
 * annotations and labels whose value looks like a URL. Untrusted: render
 * them through SafeLink.
 */
export function evidenceLinksOf(entity: Entity): EvidenceLink[] {
  const out: EvidenceLink[] = [];
  for (const link of entity.metadata.links ?? []) {
    if (typeof link?.url !== 'string') continue;
    out.push({
      source: link.type ? `links[${link.type}]` : 'links',
      title: link.title || link.type || link.url,
      url: link.url,
    });
  }
  const kv = {
    ...(entity.metadata.annotations ?? {}),
    ...(entity.metadata.labels ?? {}),
  };
  for (const [key, raw] of Object.entries(kv)) {
    if (typeof raw !== 'string') continue;
    const value =
      key === SOURCE_LOCATION ? raw.replace(/^url:/, '') : raw.trim();
    if (!URL_LIKE.test(value) && !/url$/i.test(key)) continue;
    if (!value) continue;
    out.push({ source: key, title: key, url: value });
  }
  return out;
}

/** True for a ResponseError (or anything shaped like one) with status 404. */
export function isNotFoundError(error: unknown): boolean {
  const e = error as
    | { statusCode?: number; response?: { status?: number }; name?: string }
    | undefined;
  return (
    e?.statusCode === 404 ||
    e?.response?.status === 404 ||
    e?.name === 'NotFoundError'
  );
}

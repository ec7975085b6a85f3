/*
 * Draft entities for POST /evaluate: read from YAML text (with the line of
 * every document and field) or taken from a JSON body, then validated as the
 * catalog does, with catalog-model's policies and kind validators. Invalid
 * drafts become errors naming the document, the line and the field; the
 * others go on to be scored.
 */
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  KindValidator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import type { DraftError } from '@ai-readiness/plugin-ai-readiness-common';
import { Document, isNode, LineCounter, parseAllDocuments } from 'yaml';

/** The catalog's own envelope and field checks. */
const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/** The built-in kinds' schemas (other kinds pass on the envelope alone). */
const kindValidators: KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
];

/** One document: its value, or why it could not be read. */
export interface RawDraft {
  document: number;
  value?: unknown;
  /** 1-based line where the document starts (YAML only). */
  line: number | null;
  /** The parsed document, to find the line of a field (YAML only). */
  locate?: (path: string[]) => number | undefined;
  error?: string;
}

export interface Draft {
  document: number;
  entity: Entity;
}

function gist(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/:$/, '')
    .trim();
}

/**
 * Splits YAML text into documents (an empty document is skipped but keeps
 * its index). A document with a syntax error carries the error's line.
 */
export function splitYaml(text: string): RawDraft[] {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  const out: RawDraft[] = [];
  docs.forEach((doc: Document.Parsed, document) => {
    const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const at = err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
      out.push({
        document,
        line: at,
        error: `invalid YAML: ${gist(err.message)}`,
      });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      out.push({ document, line, error: `invalid YAML: ${gist(String(e))}` });
      return;
    }
    if (value === null || value === undefined) return;
    const locate = (path: string[]) => {
      for (let n = path.length; n > 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) {
          return lineCounter.linePos(node.range[0]).line;
        }
        const key =
          n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
        // A key whose value is empty: the line of the key itself.
        if (key && typeof key === 'object' && 'items' in key) {
          const pair = (key as any).items.find(
            (p: any) => p?.key?.value === path[n - 1],
          );
          if (pair?.key?.range)
            return lineCounter.linePos(pair.key.range[0]).line;
        }
      }
      return undefined;
    };
    out.push({ document, value, line, locate });
  });
  return out;
}

/** The field a catalog-model validation message is about, as a path. */
export function fieldOf(message: string): string[] | undefined {
  const pointer = /(?:^|\s)(\/[^\s]+)/.exec(message);
  if (pointer) {
    const path = pointer[1].split('/').filter(Boolean);
    const missing = /required property '([^']+)'/.exec(message);
    return missing ? [...path, missing[1]] : path;
  }
  const missingRoot = /must have required property '([^']+)'/.exec(message);
  if (missingRoot) return [missingRoot[1]];
  const quoted = /^"([^"]+)" is not valid/.exec(message);
  if (quoted) {
    const path = quoted[1].split('.');
    return ['metadata', 'spec', 'apiVersion', 'kind'].includes(path[0])
      ? path
      : ['metadata', ...path];
  }
  const unknown = /^Unknown field (\S+)/.exec(message);
  if (unknown) return [unknown[1]];
  const bare = /^(apiVersion|kind|metadata|spec)\b/.exec(message);
  if (bare) return [bare[1]];
  return undefined;
}

function cleanMessage(message: string): string {
  return message
    .replace(/\s*To learn more about catalog file format.*$/s, '')
    .replace(/ - \w+: .*$/, '')
    .trim();
}

/** Validates one draft as the catalog would; resolves to the error or the entity. */
export async function validateDraft(
  raw: RawDraft,
): Promise<{ draft: Draft } | { error: DraftError }> {
  if (raw.error) {
    return {
      error: { document: raw.document, line: raw.line, message: raw.error },
    };
  }
  const fail = (message: string) => {
    const field = fieldOf(message);
    const line = (field && raw.locate?.(field)) ?? raw.line;
    const where = field ? `${field.join('.')}: ` : '';
    return {
      error: {
        document: raw.document,
        line,
        message: `${where}${cleanMessage(message)}`,
      },
    };
  };
  const value = raw.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(
      'the document is not a catalog entity: expected a mapping with apiVersion, kind and metadata',
    );
  }
  let entity: Entity;
  try {
    // The policies may rewrite (e.g. fill in the default namespace): work on a copy.
    const copy = JSON.parse(JSON.stringify(value));
    const result = await policy.enforce(copy);
    if (!result) return fail('the entity was rejected by the catalog policy');
    entity = result;
  } catch (e) {
    return fail(String((e as Error).message ?? e));
  }
  try {
    // A kind the built-in validators do not know passes on the envelope alone.
    for (const validator of kindValidators) {
      if (await validator.check(entity)) break;
    }
  } catch (e) {
    return fail(String((e as Error).message ?? e));
  }
  return { draft: { document: raw.document, entity } };
}

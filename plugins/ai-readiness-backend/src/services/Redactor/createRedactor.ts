import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { tryEntityRefKey } from '@ai-readiness/plugin-ai-readiness-common';
import type { CatalogVisibility } from '../CatalogVisibility/types';
import { HIDDEN_ENTITY, HIDDEN_VALUE, ScorecardRedactor } from './types';

/** kind:namespace/name, as scorecards write refs (displayRef). */
const REF_PATTERN =
  /\b[a-z][a-z0-9-]*:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*/gi;

/**
 * Keys whose values the plugin writes itself (ids, states, dates), never read
 * from another entity: kept when a sibling names a hidden entity.
 */
const OWN_KEYS = new Set([
  'id',
  'checkId',
  'title',
  'status',
  'gate',
  'collector',
  'state',
  'checkedAt',
  'rule',
  'level',
  'levelName',
  'entityRef',
  'asOf',
  'evaluatedAt',
  'score',
]);

function refsIn(text: string): string[] {
  return text.match(REF_PATTERN) ?? [];
}

function keyOf(ref: string): string | undefined {
  return tryEntityRefKey(ref);
}

/** Every ref-like string anywhere in a JSON value. */
function collectRefs(value: unknown, into: Set<string>) {
  if (typeof value === 'string') {
    for (const ref of refsIn(value)) {
      const key = keyOf(ref);
      if (key) into.add(key);
    }
  } else if (Array.isArray(value)) {
    value.forEach(v => collectRefs(v, into));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach(v => collectRefs(v, into));
  }
}

export function createScorecardRedactor(options: {
  visibility: Pick<CatalogVisibility, 'canRead'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
}): ScorecardRedactor {
  const { visibility, auth } = options;

  // The queries hand out the same cached answer to many callers: its refs
  // are collected once (measured: collecting them on every request halved
  // the throughput of GET /scorecards in the backend bench).
  const collected = new WeakMap<object, string[]>();
  function refsOf(value: unknown): string[] {
    if (!value || typeof value !== 'object') {
      const refs = new Set<string>();
      collectRefs(value, refs);
      return [...refs];
    }
    let refs = collected.get(value);
    if (!refs) {
      const found = new Set<string>();
      collectRefs(value, found);
      refs = [...found];
      collected.set(value, refs);
    }
    return refs;
  }

  /** Refs the plugin reads but the caller may not: those are hidden (others do not exist). */
  async function hiddenOf(
    credentials: BackstageCredentials,
    refs: readonly string[],
  ): Promise<Set<string>> {
    const hidden = new Set<string>();
    if (!refs.length) return hidden;
    const forCaller = await visibility.canRead(credentials, refs);
    const unseen = refs.filter((_, i) => !forCaller[i]);
    if (!unseen.length) return hidden;
    const own = await auth.getOwnServiceCredentials();
    const exist = await visibility.canRead(own, unseen);
    unseen.forEach((ref, i) => exist[i] && hidden.add(ref));
    return hidden;
  }

  function names(text: string, hidden: Set<string>) {
    return refsIn(text).some(ref => hidden.has(keyOf(ref) ?? ''));
  }

  function redactString(text: string, hidden: Set<string>): string {
    if (!names(text, hidden)) return text;
    // The whole string is the ref: the ref goes; any other text with it was read from it.
    return refsIn(text).length === 1 && refsIn(text)[0] === text.trim()
      ? HIDDEN_ENTITY
      : HIDDEN_VALUE;
  }

  function redactValue(value: unknown, hidden: Set<string>): unknown {
    if (typeof value === 'string') return redactString(value, hidden);
    if (Array.isArray(value)) {
      // Several hidden refs in a list (cap.by) read as one.
      const out = value.map(v => redactValue(v, hidden));
      return out.filter(
        (v, i) => v !== HIDDEN_ENTITY || out.indexOf(HIDDEN_ENTITY) === i,
      );
    }
    if (!value || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    // Text naming a hidden entity beside values (an evidence item's source
    // and its target): the values were read from it too.
    const tainted = entries.some(
      ([key, v]) =>
        !OWN_KEYS.has(key) &&
        typeof v === 'string' &&
        names(v, hidden) &&
        redactString(v, hidden) === HIDDEN_VALUE,
    );
    const out: Record<string, unknown> = {};
    for (const [key, v] of entries) {
      // Beside such text, a string is a hidden ref or a value read from one.
      const beside = tainted && typeof v === 'string' && !OWN_KEYS.has(key);
      const redacted = redactValue(v, hidden);
      out[key] = beside && redacted === v ? HIDDEN_VALUE : redacted;
    }
    return out;
  }

  return {
    hidden: hiddenOf,

    async redact(credentials, value, given = []) {
      const refs = new Set(refsOf(value));
      for (const ref of given) refs.delete(ref);
      const hidden = await hiddenOf(credentials, [...refs]);
      return hidden.size ? (redactValue(value, hidden) as typeof value) : value;
    },
  };
}

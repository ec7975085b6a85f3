/*
 * A catalog over a list of entities (or a generator of them) that answers
 * queryEntities and getEntitiesByRefs as the catalog backend does: `filter`
 * (an array is OR, keys of an object AND, a list of values any of them,
 * values compared case-insensitively, `relations.<type>` and
 * `metadata.annotations.<key>` keys), `fields`, and cursor pages. The entities
 * are generated when read, so a catalog of any size costs no memory here.
 * Used by the tests and the backend bench.
 */
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** Where the entities come from. */
export interface EntitySource {
  size: number;
  at(index: number): Entity;
  /** The index of an entity by its lower-cased ref. */
  indexOf(refKey: string): number | undefined;
  /** The lower-cased kind at an index, without building the entity (an index on kind). */
  kindAt?(index: number): string;
}

type Filter = Record<string, unknown>;

export function arraySource(entities: Entity[]): EntitySource {
  const keyOf = (e: Entity) =>
    `${e.kind}:${e.metadata.namespace ?? 'default'}/${
      e.metadata.name
    }`.toLocaleLowerCase('en-US');
  let index: Map<string, number> | undefined;
  return {
    get size() {
      return entities.length;
    },
    at: i => entities[i],
    indexOf(key) {
      // Built on first use and rebuilt when the list changes length.
      if (!index || index.size !== entities.length) {
        index = new Map(entities.map((e, i) => [keyOf(e), i]));
      }
      return index.get(key);
    },
  };
}

const MAP_KEYS = ['metadata.annotations.', 'metadata.labels.'];

/** The values an entity has for a filter key, lower-cased. */
function valuesOf(entity: Entity, key: string): string[] | undefined {
  const lower = key.toLowerCase();
  if (lower.startsWith('relations.')) {
    const type = lower.slice('relations.'.length);
    const out = (entity.relations ?? [])
      .filter(r => r.type.toLowerCase() === type)
      .map(r => r.targetRef.toLowerCase());
    return out.length ? out : undefined;
  }
  let value: unknown;
  const mapKey = MAP_KEYS.find(prefix => lower.startsWith(prefix));
  if (mapKey) {
    const map = (entity.metadata as any)[mapKey.split('.')[1]] ?? {};
    const wanted = key.slice(mapKey.length).toLowerCase();
    const found = Object.keys(map).find(k => k.toLowerCase() === wanted);
    value = found === undefined ? undefined : map[found];
  } else {
    value = entity;
    for (const part of key.split('.')) {
      value = (value as any)?.[part];
    }
  }
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const out = list
    .filter(v => ['string', 'number', 'boolean'].includes(typeof v))
    .map(v => String(v).toLowerCase());
  return out.length ? out : undefined;
}

/** A filter alternative, compiled once per request: each key with the values it accepts (undefined: exists). */
type CompiledFilter = [key: string, accepted: Set<string> | undefined][];

function compileFilter(filter: Filter): CompiledFilter {
  return Object.entries(filter).map(([key, expected]) => [
    key,
    expected === CATALOG_FILTER_EXISTS
      ? undefined
      : new Set(
          (Array.isArray(expected) ? expected : [expected]).map(v =>
            String(v).toLocaleLowerCase('en-US'),
          ),
        ),
  ]);
}

function matchesOne(entity: Entity, filter: CompiledFilter): boolean {
  for (const [key, accepted] of filter) {
    const values = valuesOf(entity, key);
    if (!values) return false;
    if (accepted && !values.some(v => accepted.has(v))) return false;
  }
  return true;
}

function project(entity: Entity, fields?: string[]): Entity {
  if (!fields?.length) return entity;
  const out: any = {};
  for (const field of fields) {
    const parts = field.split('.');
    let src: any = entity;
    for (const part of parts) src = src?.[part];
    if (src === undefined) continue;
    let dst = out;
    for (const part of parts.slice(0, -1)) {
      dst[part] ??= {};
      dst = dst[part];
    }
    dst[parts[parts.length - 1]] = src;
  }
  return out;
}

/** What a filteringCatalog was asked (for assertions). */
export interface CatalogRequestLog {
  method: 'queryEntities' | 'getEntitiesByRefs';
  filter?: unknown;
  fields?: string[];
  cursor?: boolean;
  returned: number;
  principal: string;
  /** Bytes of the answer's items as JSON (only with `measureBytes`). */
  bytes?: number;
}

export function filteringCatalog(
  source: EntitySource | Entity[],
  counting: { measureBytes?: boolean } = {},
): CatalogService & { requests: CatalogRequestLog[] } {
  const bytesOf = (items: unknown[]) =>
    counting.measureBytes
      ? { bytes: Buffer.byteLength(JSON.stringify(items)) }
      : {};
  const src = Array.isArray(source) ? arraySource(source) : source;
  const requests: CatalogRequestLog[] = [];
  const principalOf = (options: any) => {
    const p = options?.credentials?.principal;
    return p?.type === 'user' ? p.userEntityRef : `${p?.type}:${p?.subject}`;
  };
  const kindsOf = (filters: Filter[]) =>
    filters.every(f => f.kind !== undefined)
      ? new Set(
          filters.flatMap(f =>
            [f.kind].flat().map(k => String(k).toLocaleLowerCase('en-US')),
          ),
        )
      : undefined;

  return {
    requests,
    async queryEntities(request: any, options: any) {
      const state: { filter?: Filter[]; fields?: string[]; pos: number } =
        request?.cursor
          ? JSON.parse(Buffer.from(request.cursor, 'base64').toString())
          : {
              filter: request?.filter ? [request.filter].flat() : undefined,
              fields: request?.fields,
              pos: 0,
            };
      const fields: string[] | undefined = request?.fields ?? state.fields;
      const limit: number = request?.limit ?? 1000;
      const filters = state.filter;
      const compiled = filters?.map(compileFilter);
      const kinds = filters && src.kindAt ? kindsOf(filters) : undefined;
      const items: Entity[] = [];
      let pos = state.pos;
      for (; pos < src.size && items.length < limit; pos++) {
        if (kinds && !kinds.has(src.kindAt!(pos))) continue;
        const entity = src.at(pos);
        if (compiled && !compiled.some(f => matchesOne(entity, f))) continue;
        items.push(project(entity, fields));
      }
      requests.push({
        method: 'queryEntities',
        filter: filters,
        fields,
        cursor: !!request?.cursor,
        returned: items.length,
        principal: principalOf(options),
        ...bytesOf(items),
      });
      return {
        items,
        totalItems: items.length,
        pageInfo:
          pos < src.size
            ? {
                nextCursor: Buffer.from(
                  JSON.stringify({ filter: filters, fields, pos }),
                ).toString('base64'),
              }
            : {},
      };
    },
    async getEntitiesByRefs(request: any, options: any) {
      const items = request.entityRefs.map((ref: string) => {
        const i = src.indexOf(ref.toLocaleLowerCase('en-US'));
        return i === undefined ? undefined : project(src.at(i), request.fields);
      });
      requests.push({
        method: 'getEntitiesByRefs',
        fields: request.fields,
        returned: items.filter(Boolean).length,
        principal: principalOf(options),
        ...bytesOf(items),
      });
      return { items };
    },
    async getEntityByRef(ref: any) {
      const i = src.indexOf(String(ref).toLocaleLowerCase('en-US'));
      return i === undefined ? undefined : src.at(i);
    },
  } as unknown as CatalogService & { requests: CatalogRequestLog[] };
}

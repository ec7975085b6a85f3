/*
 * A catalog over an array for benchmarks: pages by offset like the real one,
 * honours `fields`, answers refs from a map; reads are cheap so the figures
 * are the plugin's.
 */
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** A catalog over an array, paging by offset like the real one; reads are cheap so the figures are the plugin's. */
export function arrayCatalog(entities: Entity[]): CatalogService {
  const refOf = (e: Entity) =>
    `${e.kind}:${e.metadata.namespace ?? 'default'}/${
      e.metadata.name
    }`.toLocaleLowerCase('en-US');
  const byRef = new Map(entities.map(e => [refOf(e), e]));
  const project = (e: Entity, fields?: string[]) => {
    if (!fields?.length) return e;
    const out: any = {};
    for (const f of fields) {
      const parts = f.split('.');
      let src: any = e;
      for (const p of parts) src = src?.[p];
      if (src === undefined) continue;
      let dst = out;
      for (const part of parts.slice(0, -1)) {
        dst[part] ??= {};
        dst = dst[part];
      }
      dst[parts[parts.length - 1]] = src;
    }
    return out;
  };
  return {
    async queryEntities(request: any) {
      const state = request?.cursor
        ? JSON.parse(Buffer.from(request.cursor, 'base64').toString())
        : { offset: 0, kinds: request?.filter?.kind };
      const kinds: string[] | undefined = state.kinds?.map((k: string) =>
        k.toLowerCase(),
      );
      const matching = kinds
        ? entities.filter(e => kinds.includes(e.kind.toLowerCase()))
        : entities;
      const limit = request?.limit ?? 1000;
      const items = matching
        .slice(state.offset, state.offset + limit)
        .map(e => project(e, request?.fields));
      const next = state.offset + limit;
      return {
        items,
        totalItems: matching.length,
        pageInfo:
          next < matching.length
            ? {
                nextCursor: Buffer.from(
                  JSON.stringify({ ...state, offset: next }),
                ).toString('base64'),
              }
            : {},
      };
    },
    async getEntitiesByRefs(request: any) {
      return {
        items: request.entityRefs.map((r: string) =>
          byRef.get(r.toLocaleLowerCase('en-US')),
        ),
      };
    },
    async getEntityByRef(ref: any) {
      return byRef.get(String(ref).toLocaleLowerCase('en-US'));
    },
  } as unknown as CatalogService;
}

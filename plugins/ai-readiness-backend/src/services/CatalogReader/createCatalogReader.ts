import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  EntityGraph,
  ReadinessEngine,
  tryEntityRefKey,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { CatalogQuery, CatalogReader, PilotGraph } from './types';

/** Entities per catalog page. */
export const PAGE_SIZE = 1000;
/** References per getEntitiesByRefs call, and model dependencies per relation filter. */
const REFS_PER_CALL = 500;
/**
 * Rounds of fetching referenced entities (the owner, then its parent, ...):
 * the deepest declared path is three references long.
 */
const MAX_FETCH_ROUNDS = 4;
/**
 * Rounds for one entity: the weakest link follows chains of pilots, each a
 * round deeper (a bound, so that a long chain costs a known number of reads).
 */
export const MAX_FETCH_ROUNDS_AROUND = 12;

const IDENTITY = ['kind', 'metadata.name', 'metadata.namespace'];
/** The etag: what the change check compares (a few bytes an entity). */
const ETAG = 'metadata.etag';

export function createCatalogReader(options: {
  engine: ReadinessEngine;
  catalog: CatalogService;
}): CatalogReader {
  const { engine, catalog } = options;
  const declared = engine.catalogFields();
  // The full refresh reads the etags too, so the change check starts from them.
  const plan = {
    ...declared,
    pilotFields: [...declared.pilotFields, ETAG],
    referencedFields: [...declared.referencedFields, ETAG],
  };

  /** The etag of each entity of a page, by lower-cased ref. */
  function collectEtags(
    items: (Entity | undefined | null)[],
    into: Map<string, string>,
  ) {
    for (const item of items) {
      const key = item && tryEntityRefKey(item);
      if (key) into.set(key, String(item!.metadata.etag ?? ''));
    }
  }

  async function forEachPage(
    { filter, fields }: CatalogQuery,
    credentials: BackstageCredentials,
    onPage: (items: Entity[]) => void,
  ): Promise<number> {
    if (!filter.length) return 0;
    let read = 0;
    let cursor: string | undefined;
    do {
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, fields, limit: PAGE_SIZE }
          : { filter, fields, limit: PAGE_SIZE },
        { credentials },
      );
      read += page.items.length;
      onPage(page.items);
      cursor = page.pageInfo?.nextCursor;
    } while (cursor);
    return read;
  }

  /**
   * Adds what `pilots` reference to `entities` (keyed), round after round, as
   * the engine's missingRefs asks; returns the graph and how many were read.
   * Every missing ref of a round is asked for in one batch, so an entity the
   * caller may not read costs exactly what a missing one costs.
   */
  async function addReferenced(
    pilots: Entity[],
    entities: Map<string, Entity>,
    credentials: BackstageCredentials,
    fields: string[] | undefined,
    rounds = MAX_FETCH_ROUNDS,
  ): Promise<{ graph: EntityGraph; read: number }> {
    let graph = engine.buildGraph(entities.values());
    let read = 0;
    const asked = new Set<string>();
    for (let round = 0; round < rounds; round++) {
      const missing = engine
        .missingRefs(pilots, graph)
        .filter(ref => !asked.has(entityRefKey(ref)));
      if (!missing.length) break;
      let found = 0;
      for (let i = 0; i < missing.length; i += REFS_PER_CALL) {
        const entityRefs = missing.slice(i, i + REFS_PER_CALL);
        entityRefs.forEach(ref => asked.add(entityRefKey(ref)));
        const { items } = await catalog.getEntitiesByRefs(
          fields ? { entityRefs, fields } : { entityRefs },
          { credentials },
        );
        for (const item of items) {
          const key = item && tryEntityRefKey(item);
          if (!key || entities.has(key)) continue;
          entities.set(key, item!);
          found += 1;
        }
      }
      read += found;
      if (!found) break;
      graph = engine.buildGraph(entities.values());
    }
    return { graph, read };
  }

  /** Entities whose spec.handoffs name one of these (as a name or a full ref). */
  async function handingOffTo(
    targets: readonly Entity[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const names = new Set<string>();
    for (const entity of targets) {
      const key = tryEntityRefKey(entity);
      if (!key) continue;
      const { namespace, name } = entity.metadata;
      names.add(name);
      names.add(key);
      names.add(`${entity.kind}:${namespace ?? 'default'}/${name}`);
      if (!namespace || namespace === 'default')
        names.add(`${entity.kind}:${name}`);
    }
    const values = [...names];
    const found: Entity[] = [];
    for (let i = 0; i < values.length; i += REFS_PER_CALL) {
      await forEachPage(
        {
          filter: [{ 'spec.handoffs': values.slice(i, i + REFS_PER_CALL) }],
          fields: plan.pilotFields,
        },
        credentials,
        items => found.push(...items),
      );
    }
    return found;
  }

  return {
    async readDependents(entities, credentials) {
      const refs = new Set<string>();
      for (const entity of entities) {
        for (const rel of entity.relations ?? []) {
          if (rel.type === 'dependencyOf')
            refs.add(entityRefKey(rel.targetRef));
        }
      }
      for (const item of await handingOffTo(entities, credentials)) {
        const key = tryEntityRefKey(item);
        if (key) refs.add(key);
      }
      return [...refs];
    },
    forEachPage,

    async readPilots(credentials): Promise<PilotGraph> {
      let entitiesRead = 0;
      // 1. The model dependencies and tool servers (a Component that uses one
      // is a pilot): their identity and type only.
      const modelDeps = new Map<string, Entity>();
      entitiesRead += await forEachPage(
        {
          filter: plan.modelDependencyFilter,
          fields: [...IDENTITY, 'spec.type'],
        },
        credentials,
        items => {
          for (const item of items) {
            const key = tryEntityRefKey(item);
            if (key) modelDeps.set(key, item);
          }
        },
      );

      // 2. The candidates: what the quick scope rules select, and the
      // Components that depend on a model dependency. Each page is scoped
      // against the model dependencies and only the pilots are kept.
      const pilots = new Map<string, Entity>();
      const keepPilots = (items: Entity[]) => {
        const graph = engine.buildGraph([...modelDeps.values(), ...items]);
        for (const item of items) {
          const key = tryEntityRefKey(item);
          if (key && !pilots.has(key) && engine.isPilot(item, graph))
            pilots.set(key, item);
        }
      };
      entitiesRead += await forEachPage(
        { filter: plan.pilotFilter, fields: plan.pilotFields },
        credentials,
        keepPilots,
      );
      // A Component uses what it depends on (the catalog also relates a
      // model's spec.dependencyOf this way) or the APIs it consumes.
      const depRefs = [...modelDeps.keys()];
      const apiRefs = depRefs.filter(ref => ref.startsWith('api:'));
      for (const [relation, refs] of [
        ['relations.dependsOn', depRefs],
        ['relations.consumesApi', apiRefs],
      ] as const) {
        for (let i = 0; i < refs.length; i += REFS_PER_CALL) {
          entitiesRead += await forEachPage(
            {
              filter: [
                {
                  kind: ['component'],
                  [relation]: refs.slice(i, i + REFS_PER_CALL),
                },
              ],
              fields: plan.pilotFields,
            },
            credentials,
            keepPilots,
          );
        }
      }

      // 3. What the pilots' checks read on other entities, by reference.
      const entities = new Map(pilots);
      const pilotList = [...pilots.values()];
      const { graph, read } = await addReferenced(
        pilotList,
        entities,
        credentials,
        plan.referencedFields,
      );
      entitiesRead += read;
      return { pilots: pilotList, graph, entitiesRead };
    },

    async readAround(given, credentials) {
      const entities = new Map<string, Entity>();
      const keyed: Entity[] = [];
      const unkeyed: Entity[] = [];
      for (const entity of given) {
        const key = tryEntityRefKey(entity);
        if (!key) unkeyed.push(entity);
        else if (!entities.has(key)) {
          entities.set(key, entity);
          keyed.push(entity);
        }
      }
      let { graph } = await addReferenced(
        keyed,
        entities,
        credentials,
        undefined,
        MAX_FETCH_ROUNDS_AROUND,
      );
      // The agents that hand work off to the pilots among them (INT-1): no
      // relation says so, and only the sources' presence is read.
      const pilots = keyed.filter(entity => engine.isPilot(entity, graph));
      let added = false;
      for (const item of await handingOffTo(pilots, credentials)) {
        const itemKey = tryEntityRefKey(item);
        if (itemKey && !entities.has(itemKey)) {
          entities.set(itemKey, item);
          added = true;
        }
      }
      if (added) graph = engine.buildGraph(entities.values());
      // An entity that is no valid ref still gets a (placeholder) scorecard.
      return unkeyed.length
        ? engine.buildGraph([...entities.values(), ...unkeyed])
        : graph;
    },

    async readEtags(entityRefs, credentials) {
      const etags = new Map<string, string>();
      for (let i = 0; i < entityRefs.length; i += REFS_PER_CALL) {
        const { items } = await catalog.getEntitiesByRefs(
          {
            entityRefs: entityRefs.slice(i, i + REFS_PER_CALL),
            fields: [...IDENTITY, ETAG],
          },
          { credentials },
        );
        collectEtags(items, etags);
      }
      return etags;
    },

    async readCandidateEtags(credentials) {
      const etags = new Map<string, string>();
      await forEachPage(
        { filter: plan.pilotFilter, fields: [...IDENTITY, ETAG] },
        credentials,
        items => collectEtags(items, etags),
      );
      return etags;
    },

    async getEntities(entityRefs, credentials) {
      const out: (Entity | undefined)[] = [];
      for (let i = 0; i < entityRefs.length; i += REFS_PER_CALL) {
        const { items } = await catalog.getEntitiesByRefs(
          { entityRefs: entityRefs.slice(i, i + REFS_PER_CALL) },
          { credentials },
        );
        out.push(...items.map(item => item ?? undefined));
      }
      return out;
    },

    async getEntity(entityRef, credentials) {
      return catalog.getEntityByRef(entityRef, { credentials });
    },

    async canRead(entityRefs, credentials) {
      if (!entityRefs.length) return [];
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: [...entityRefs], fields: IDENTITY },
        { credentials },
      );
      return entityRefs.map((_, i) => !!items[i]);
    },
  };
}

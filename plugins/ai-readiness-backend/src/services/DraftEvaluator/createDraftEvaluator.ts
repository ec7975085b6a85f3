import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DraftError,
  DraftScorecard,
  EVALUATE_MAX_DOCUMENTS,
  EvaluateResponse,
  ReadinessEngine,
  todayUtc,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardStore } from '../../database/ScorecardStore';
import { RawDraft, splitYaml, validateDraft } from './readDrafts';
import type { DraftEvaluationOptions, DraftEvaluator } from './types';
import { MAX_FETCH_ROUNDS_AROUND } from '../CatalogReader/createCatalogReader';

/**
 * Rounds of fetching references (a pilot's owner, then that group's parent,
 * ..., and the pilots reached for the weakest link, each a round deeper): as
 * many as the catalog reader allows for one entity, so that a draft and the
 * stored scorecard are capped alike. Every missing ref of a round is asked
 * for in one batch, so an entity the caller may not read costs exactly what
 * a missing one costs.
 */
export const MAX_FETCH_ROUNDS = MAX_FETCH_ROUNDS_AROUND;

function keyOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

export function createDraftEvaluator(options: {
  engine: ReadinessEngine;
  catalog: CatalogService;
  store: Pick<ScorecardStore, 'getScorecard'>;
  /** The clock; tests pin it. */
  now?: () => Date;
}): DraftEvaluator {
  const { engine, catalog, store } = options;
  const now = options.now ?? (() => new Date());

  function checkCount(n: number) {
    if (n > EVALUATE_MAX_DOCUMENTS) {
      throw new InputError(
        `Too many documents: at most ${EVALUATE_MAX_DOCUMENTS} per request, found ${n}`,
      );
    }
  }

  /** The stored card of each draft whose catalog entity the caller may read. */
  async function currentCards(
    refs: string[],
    credentials: BackstageCredentials,
  ) {
    if (!refs.length) return new Map<string, DraftScorecard['current']>();
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    const out = new Map<string, DraftScorecard['current']>();
    await Promise.all(
      refs.map(async (ref, i) => {
        if (!items[i]) return;
        const card = await store.getScorecard(ref);
        if (card) {
          out.set(ref, {
            level: card.level,
            score: card.score,
            evaluatedAt: card.evaluatedAt,
          });
        }
      }),
    );
    return out;
  }

  async function evaluate(
    raws: RawDraft[],
    { credentials, asOf }: DraftEvaluationOptions,
  ): Promise<EvaluateResponse> {
    const errors: DraftError[] = [];
    const drafts: Entity[] = [];
    const seen = new Map<string, number>();
    const results = await Promise.all(raws.map(raw => validateDraft(raw)));
    for (const result of results) {
      if ('error' in result) {
        errors.push(result.error);
        continue;
      }
      const { document, entity } = result.draft;
      const key = keyOf(entity);
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({
          document,
          line: raws.find(r => r.document === document)?.line ?? null,
          message: `duplicate entity ${key}: already given as document ${first}; this one is ignored`,
        });
        continue;
      }
      seen.set(key, document);
      drafts.push(entity);
    }

    // The drafts come first and stay: a fetched entity never replaces one.
    const entities: Entity[] = [...drafts];
    const asked = new Set(seen.keys());
    let graph = engine.buildGraph(entities);
    for (let round = 0; round < MAX_FETCH_ROUNDS; round++) {
      // All drafts, not only the pilots so far: a component becomes a pilot
      // through what it references (a dependency on a model resource).
      const missing = engine
        .missingRefs(drafts, graph)
        .filter(ref => !asked.has(ref.toLocaleLowerCase('en-US')));
      if (!missing.length) break;
      missing.forEach(ref => asked.add(ref.toLocaleLowerCase('en-US')));
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: missing },
        { credentials },
      );
      const found = items.filter((e): e is Entity => !!e);
      if (!found.length) break;
      entities.push(...found);
      graph = engine.buildGraph(entities);
    }

    const pilots = drafts.filter(d => engine.isPilot(d, graph));
    const day = asOf ?? todayUtc(now());
    const current = await currentCards(pilots.map(keyOf), credentials);
    // One batch: drafts that depend on each other cap each other (the weakest link).
    const scorecards = engine
      .evaluatePilots(pilots, graph, { asOf: day, now: now() })
      .map((card, i) => ({
        ...card,
        current: current.get(keyOf(pilots[i])) ?? null,
      }));
    errors.sort((a, b) => a.document - b.document);
    return { asOf: day, scorecards, errors };
  }

  return {
    async evaluateYaml(text, opts) {
      const raws = splitYaml(text);
      checkCount(raws.length);
      return evaluate(raws, opts);
    },
    async evaluateEntities(list, opts) {
      checkCount(list.length);
      return evaluate(
        list.map((value, document) => ({ document, value, line: null })),
        opts,
      );
    },
  };
}

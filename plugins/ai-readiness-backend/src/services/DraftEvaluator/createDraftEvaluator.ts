import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DraftError,
  DraftScorecard,
  EVALUATE_MAX_DOCUMENTS,
  entityRefKey,
  EvaluateResponse,
  EvidenceView,
  WaiverRequestsView,
  todayUtc,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardStore } from '../../database/ScorecardStore';
import type { CatalogReader } from '../CatalogReader/types';
import type { ReadinessEvaluator } from '../ReadinessEvaluator/types';
import { RawDraft, splitYaml, validateDraft } from './readDrafts';
import type { DraftEvaluationOptions, DraftEvaluator } from './types';

function keyOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

export function createDraftEvaluator(options: {
  evaluator: ReadinessEvaluator;
  reader: Pick<CatalogReader, 'canRead'>;
  store: Pick<ScorecardStore, 'getScorecard'>;
  /** The stored evidence drafts are scored with (none when absent). */
  evidence?: () => EvidenceView | undefined;
  /** The waiver requests drafts are scored with, as their stored pilots are (none when absent). */
  waivers?: () => WaiverRequestsView | undefined;
  /** The clock; tests pin it. */
  now?: () => Date;
}): DraftEvaluator {
  const { evaluator, reader, store } = options;
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
    const readable = await reader.canRead(refs, credentials);
    const out = new Map<string, DraftScorecard['current']>();
    await Promise.all(
      refs.map(async (ref, i) => {
        if (!readable[i]) return;
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

    // The drafts come first and stay: a catalog copy never replaces one.
    const day = asOf ?? todayUtc(now());
    const cards = await evaluator.evaluate(drafts, {
      credentials,
      asOf: day,
      evidence: options.evidence?.(),
      waivers: options.waivers?.(),
    });
    const current = await currentCards(
      cards.map(card => entityRefKey(card.entityRef)),
      credentials,
    );
    const scorecards = cards.map(card => ({
      ...card,
      current: current.get(entityRefKey(card.entityRef)) ?? null,
    }));
    errors.sort((a, b) => a.document - b.document);
    // Nothing to redact: drafts are scored on what the caller's credentials
    // read (a hidden entity reads as a missing one), and `current` holds no ref.
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

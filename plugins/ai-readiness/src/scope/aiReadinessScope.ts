import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { ApiHolder } from '@backstage/core-plugin-api';
import {
  isAiPilotEntity,
  entityRefKey,
  RubricDescription,
} from '@ai-readiness/plugin-ai-readiness-common';
import { AiReadinessApi, aiReadinessApiRef } from '../api';
import { isNotFoundError } from '../lib/entityLinks';

/*
 * Which entities get the readiness tab and card: exactly those the backend
 * scores. The quick rule (the enabled flag, pilot types and tags, read with
 * the annotation prefix and scope that GET /rubric returns) answers without a
 * request; anything else (a pilot only through its dependency on a model,
 * which needs the catalog graph) is asked of the backend once per entity and
 * remembered for a minute.
 */

/** How long the backend's answer for one entity is reused. */
const ANSWER_TTL_MS = 60_000;

type QuickConfig = {
  annotationPrefix: string;
  scope?: RubricDescription['scope'];
};

interface Answer {
  at: number;
  promise: Promise<boolean>;
  /** Set once the promise resolved. */
  value?: boolean;
}

const answers = new Map<string, Answer>();
let rubricConfig: Promise<QuickConfig | undefined> | undefined;
let loadedConfig: QuickConfig | undefined;

/** The configured prefix and scope from GET /rubric (loaded once; retried after a failure). */
function quickConfig(api: AiReadinessApi): Promise<QuickConfig | undefined> {
  if (!rubricConfig) {
    rubricConfig = api.getRubric().then(
      rubric => {
        loadedConfig = {
          annotationPrefix: rubric.annotationPrefix,
          ...(rubric.scope ? { scope: rubric.scope } : {}),
        };
        return loadedConfig;
      },
      () => {
        rubricConfig = undefined;
        return undefined;
      },
    );
  }
  return rubricConfig;
}

function quickRule(entity: Entity, config: QuickConfig | undefined): boolean {
  try {
    return isAiPilotEntity(entity, config);
  } catch {
    // a configuration this version does not know: fall back to the defaults
    return isAiPilotEntity(entity);
  }
}

/**
 * Whether the backend scores this entity: true at once for the quick rule,
 * otherwise the answer of GET /scorecards/:namespace/:kind/:name (404: not
 * scored). Rejects when the backend cannot answer.
 */
export function askAiReadinessScope(
  api: AiReadinessApi,
  entity: Entity,
): Promise<boolean> {
  const ref = entityRefKey(entity);
  const now = Date.now();
  const hit = answers.get(ref);
  if (hit && now - hit.at < ANSWER_TTL_MS) return hit.promise;
  const answer: Answer = { at: now, promise: Promise.resolve(false) };
  answer.promise = (async () => {
    if (quickRule(entity, await quickConfig(api))) return true;
    try {
      await api.getScorecard(stringifyEntityRef(entity));
      return true;
    } catch (error) {
      if (isNotFoundError(error)) return false;
      throw error;
    }
  })().then(
    value => {
      answer.value = value;
      return value;
    },
    error => {
      if (answers.get(ref) === answer) answers.delete(ref);
      throw error;
    },
  );
  answers.set(ref, answer);
  return answer.promise;
}

/**
 * Asynchronous `if` of the legacy `EntitySwitch.Case` (which awaits it): true
 * for every entity the backend scores, including pilots that are in scope
 * only through their dependency on a model.
 *
 * @public
 */
export async function isAiReadinessScored(
  entity: Entity,
  context?: { apis: ApiHolder },
): Promise<boolean> {
  const api = context?.apis.get(aiReadinessApiRef);
  if (!api) return quickRule(entity, loadedConfig);
  return askAiReadinessScope(api, entity);
}

/**
 * Synchronous `if`/`filter` of the readiness tab (`EntityLayout.Route` and
 * the new frontend system's `filter`, which cannot wait): the backend's
 * answer when it is known, else the quick rule. Make the answer known before
 * the entity page renders with {@link loadAiReadinessScope} (legacy pages);
 * in the new frontend system the overview card asks and re-renders the page.
 *
 * @public
 */
export function isAiReadinessAvailable(entity: Entity): boolean {
  const known = answers.get(entityRefKey(entity))?.value;
  if (known !== undefined) return known;
  return quickRule(entity, loadedConfig);
}

/**
 * An `EntitySwitch.Case` condition for the top of a legacy entity page that
 * never matches: it asks the backend about the entity, so that the switch
 * (which awaits every asynchronous case) renders the page once
 * {@link isAiReadinessAvailable} knows the answer.
 *
 * @public
 */
export async function loadAiReadinessScope(
  entity: Entity,
  context?: { apis: ApiHolder },
): Promise<boolean> {
  try {
    await isAiReadinessScored(entity, context);
  } catch {
    // the backend is unreachable: the quick rule decides
  }
  return false;
}

/** Forgets every answer (tests). @internal */
export function resetAiReadinessScope() {
  answers.clear();
  rubricConfig = undefined;
  loadedConfig = undefined;
}

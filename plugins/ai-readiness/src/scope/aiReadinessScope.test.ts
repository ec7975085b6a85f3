import type { Entity } from '@backstage/catalog-model';
import type { ApiHolder } from '@backstage/core-plugin-api';
import { aiReadinessApiRef, AiReadinessApi } from '../api';
import {
  makeScorecard,
  mockAiReadinessApi,
  plainEntity,
  responseError,
  rubric,
} from '../testUtils/fixtures';
import {
  isAiReadinessAvailable,
  isAiReadinessScored,
  loadAiReadinessScope,
  resetAiReadinessScope,
} from './aiReadinessScope';

function holder(api: AiReadinessApi): { apis: ApiHolder } {
  return {
    apis: {
      get: ref => (ref.id === aiReadinessApiRef.id ? api : undefined) as any,
    },
  };
}

/** A service that is a pilot only through its dependency on a model. */
const dependencyOnly: Entity = {
  ...plainEntity,
  metadata: { name: 'claims-severity-router' },
  spec: { ...plainEntity.spec, dependsOn: ['resource:claims-severity-model'] },
};

const tagged: Entity = {
  ...plainEntity,
  metadata: { name: 'chat', tags: ['genai'] },
};

describe('AI readiness scope in the frontend', () => {
  beforeEach(() => resetAiReadinessScope());

  it('asks the backend about an entity the quick rule does not cover, once', async () => {
    const api = mockAiReadinessApi({
      getScorecard: jest.fn().mockResolvedValue(makeScorecard()),
    });
    expect(isAiReadinessAvailable(dependencyOnly)).toBe(false);
    expect(await isAiReadinessScored(dependencyOnly, holder(api))).toBe(true);
    expect(await isAiReadinessScored(dependencyOnly, holder(api))).toBe(true);
    expect(api.getScorecard).toHaveBeenCalledTimes(1);
    expect(api.getScorecard).toHaveBeenCalledWith(
      'component:default/claims-severity-router',
    );
    // Known now: the synchronous tab condition agrees with the backend.
    expect(isAiReadinessAvailable(dependencyOnly)).toBe(true);
  });

  it('answers false for an entity the backend does not score (404)', async () => {
    const api = mockAiReadinessApi({
      getScorecard: jest.fn().mockRejectedValue(await responseError(404)),
    });
    expect(await isAiReadinessScored(plainEntity, holder(api))).toBe(false);
    expect(isAiReadinessAvailable(plainEntity)).toBe(false);
  });

  it('rejects when the backend fails, and asks again next time', async () => {
    const getScorecard = jest
      .fn()
      .mockRejectedValueOnce(await responseError(500))
      .mockResolvedValueOnce(makeScorecard());
    const api = mockAiReadinessApi({ getScorecard });
    await expect(isAiReadinessScored(plainEntity, holder(api))).rejects.toThrow(
      /500/,
    );
    expect(await isAiReadinessScored(plainEntity, holder(api))).toBe(true);
  });

  it('needs no request for the quick rule, read with the prefix and scope of GET /rubric', async () => {
    const api = mockAiReadinessApi({
      getRubric: jest.fn().mockResolvedValue({
        ...rubric,
        annotationPrefix: 'acme.io/',
        scope: {
          types: ['ml-app'],
          tags: ['ai'],
          dataResourceTypes: ['database'],
          modelResourceTypes: ['ai-model'],
          modelGatewayTypes: ['llm-gateway'],
        },
      }),
      getScorecard: jest.fn().mockRejectedValue(await responseError(404)),
    });
    const optedIn: Entity = {
      ...plainEntity,
      metadata: { name: 'x', annotations: { 'acme.io/enabled': 'true' } },
    };
    const mlApp: Entity = {
      ...plainEntity,
      metadata: { name: 'y' },
      spec: { ...plainEntity.spec, type: 'ml-app' },
    };
    expect(await isAiReadinessScored(optedIn, holder(api))).toBe(true);
    expect(await isAiReadinessScored(mlApp, holder(api))).toBe(true);
    expect(api.getScorecard).not.toHaveBeenCalled();
    // The default tag "genai" is not in this portal's scope: the backend decides.
    expect(await isAiReadinessScored(tagged, holder(api))).toBe(false);
    expect(api.getScorecard).toHaveBeenCalledTimes(1);
    // And the synchronous rule uses the loaded prefix and scope too.
    const other: Entity = {
      ...plainEntity,
      metadata: { name: 'z', annotations: { 'acme.io/enabled': 'true' } },
    };
    expect(isAiReadinessAvailable(other)).toBe(true);
  });

  it('loadAiReadinessScope never matches, and learns the answer', async () => {
    const api = mockAiReadinessApi();
    expect(await loadAiReadinessScope(dependencyOnly, holder(api))).toBe(false);
    expect(isAiReadinessAvailable(dependencyOnly)).toBe(true);
    const failing = mockAiReadinessApi({
      getScorecard: jest.fn().mockRejectedValue(new Error('offline')),
    });
    expect(await loadAiReadinessScope(plainEntity, holder(failing))).toBe(
      false,
    );
  });
});

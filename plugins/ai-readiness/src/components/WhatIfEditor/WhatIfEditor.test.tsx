import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  EvaluateResponse,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import { parse } from 'yaml';
import { aiReadinessApiRef } from '../../api';
import {
  makeScorecard,
  mockAiReadinessApi,
  pilotEntity,
} from '../../testUtils/fixtures';
import { applyRemediations, draftYamlOf } from './draftYaml';
import { changedChecks, DEBOUNCE_MS, WhatIfEditor } from './WhatIfEditor';

// The logic is tested through a plain textarea; the CodeMirror wrapper has
// its own smoke test below (jsdom cannot type into CodeMirror).
jest.mock('./YamlEditor', () => ({
  YamlEditor: (props: {
    value: string;
    onChange: (v: string) => void;
    label: string;
  }) => (
    <textarea
      aria-label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
    />
  ),
}));

jest.setTimeout(60_000);

const catalogEntity: Entity = {
  ...pilotEntity,
  metadata: {
    ...pilotEntity.metadata,
    uid: 'abc-123',
    etag: 'etag-1',
    annotations: {
      ...pilotEntity.metadata.annotations,
      'backstage.io/managed-by-location': 'url:https://git.example.com/x',
      'backstage.io/managed-by-origin-location':
        'url:https://git.example.com/x',
    },
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/ml' }],
  status: { items: [] },
} as Entity;

function withStatus(card: Scorecard, id: string, status: any): Scorecard {
  return {
    ...card,
    dimensions: card.dimensions.map(d => ({
      ...d,
      checks: d.checks.map(c => (c.id === id ? { ...c, status } : c)),
    })),
  };
}

function answer(card: Scorecard, extra: Partial<EvaluateResponse> = {}) {
  return {
    asOf: '2026-11-25',
    scorecards: [{ ...card, current: null }],
    errors: [],
    ...extra,
  };
}

describe('draftYamlOf', () => {
  it('gives the entity as its owner wrote it', () => {
    // As the catalog API sends it: metadata first.
    const text = draftYamlOf({
      metadata: catalogEntity.metadata,
      ...(catalogEntity as Partial<Entity>),
    } as Entity);
    expect(text).toMatch(/^apiVersion: .*\nkind: Component\nmetadata:\n/);
    const draft = parse(text);
    expect(draft.relations).toBeUndefined();
    expect(draft.status).toBeUndefined();
    expect(draft.metadata.uid).toBeUndefined();
    expect(draft.metadata.etag).toBeUndefined();
    expect(Object.keys(draft.metadata.annotations)).not.toContain(
      'backstage.io/managed-by-location',
    );
    expect(Object.keys(draft.metadata.annotations)).not.toContain(
      'backstage.io/managed-by-origin-location',
    );
    expect(draft.metadata.annotations['ai-readiness/human-review']).toBe(
      'group:default/reviewers',
    );
    expect(draft.spec).toEqual(pilotEntity.spec);
  });
});

describe('applyRemediations', () => {
  it("adds what is missing, keeps the owner's values and comments, appends whole entities", () => {
    const text =
      'kind: Component\nmetadata:\n  name: x # mine\n  annotations:\n    a: keep\nspec:\n  dependsOn: [resource:a]\n';
    const snippet =
      'metadata:\n  annotations:\n    a: other\n    b: added\nspec:\n  dependsOn: [resource:a, resource:b]\n---\n# OWN-3\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\n';
    const out = applyRemediations(text, snippet);
    expect(out).toContain('# mine');
    const [first, second] = out.split('---\n').map(d => parse(d));
    expect(first.metadata.annotations).toEqual({ a: 'keep', b: 'added' });
    expect(first.spec.dependsOn).toEqual(['resource:a', 'resource:b']);
    expect(second).toMatchObject({ kind: 'Group', metadata: { name: 'g' } });
  });
});

describe('changedChecks', () => {
  it('lists only the checks whose status changes', () => {
    const current = makeScorecard();
    const draft = withStatus(current, 'FB-2', 'pass');
    expect(changedChecks(current, draft)).toEqual([
      {
        id: 'FB-2',
        title: expect.any(String),
        before: 'error',
        after: 'pass',
      },
    ]);
  });
});

describe('WhatIfEditor', () => {
  beforeEach(() => jest.useFakeTimers({ advanceTimers: true }));
  afterEach(() => jest.useRealTimers());

  async function open(api = mockAiReadinessApi()) {
    const user = userEvent.setup({
      advanceTimers: jest.advanceTimersByTime,
    });
    await renderInTestApp(
      <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
        <WhatIfEditor
          entity={catalogEntity}
          scorecard={makeScorecard()}
          editLink={{
            url: 'https://git.example.com/edit',
            label: 'Edit catalog-info.yaml',
          }}
        />
      </TestApiProvider>,
    );
    expect(api.evaluate).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Preview a change' }));
    return { user, editor: screen.getByLabelText('Draft catalog-info.yaml') };
  }

  it('evaluates the prefilled draft, then shows level, score and the checks that change', async () => {
    const better = {
      ...withStatus(makeScorecard(), 'FB-2', 'pass'),
      level: 'L2' as const,
      levelName: 'Limited rollout',
      score: 80,
    };
    const api = mockAiReadinessApi({
      evaluate: jest.fn().mockResolvedValue(answer(better)),
    });
    const { editor } = await open(api);
    expect((editor as HTMLTextAreaElement).value).toBe(
      draftYamlOf(catalogEntity),
    );
    await act(async () => {
      jest.advanceTimersByTime(DEBOUNCE_MS);
    });
    await waitFor(() =>
      expect(screen.getByTestId('whatif-level')).toHaveTextContent(
        'L1 → L2, score 64 → 80',
      ),
    );
    expect(api.evaluate).toHaveBeenCalledWith(
      { yaml: draftYamlOf(catalogEntity) },
      expect.anything(),
    );
    expect(screen.getByTestId('whatif-changes')).toHaveTextContent('FB-2');
    expect(screen.getByTestId('whatif-changes')).not.toHaveTextContent('OWN-1');
    // what still blocks the next level, in words
    const blocking = screen.getByText(/^Still blocking/);
    expect(blocking).toHaveTextContent(
      'FB-3 Kill switch and rollback conditions',
    );
    expect(blocking).toHaveTextContent('Fallback paths 50%, needs 50%');
    expect(blocking).not.toHaveTextContent('dimension fallback');
    expect(
      screen.getByRole('link', { name: /Edit catalog-info.yaml/ }),
    ).toHaveAttribute('href', 'https://git.example.com/edit');
    expect(screen.getByRole('button', { name: /Copy YAML/ })).toBeEnabled();
  });

  it('waits for the owner to stop typing, and drops the answer to an older draft', async () => {
    const resolvers: Array<(a: EvaluateResponse) => void> = [];
    const api = mockAiReadinessApi({
      evaluate: jest.fn(
        (_request: { yaml: string }, _options?: { signal?: AbortSignal }) =>
          new Promise<EvaluateResponse>(r => resolvers.push(r)),
      ),
    });
    const { editor } = await open(api);
    await act(async () => {
      jest.advanceTimersByTime(DEBOUNCE_MS);
    });
    expect(api.evaluate).toHaveBeenCalledTimes(1);

    // Three quick edits: one request, for the last of them.
    for (const suffix of ['a', 'b', 'c']) {
      fireEvent.change(editor, {
        target: { value: `${draftYamlOf(catalogEntity)}# ${suffix}\n` },
      });
      await act(async () => {
        jest.advanceTimersByTime(DEBOUNCE_MS / 5);
      });
    }
    await act(async () => {
      jest.advanceTimersByTime(DEBOUNCE_MS);
    });
    expect(api.evaluate).toHaveBeenCalledTimes(2);
    expect((api.evaluate as jest.Mock).mock.calls[1][0].yaml).toMatch(/# c\n$/);

    // The newer answer arrives first; the older one, late, is ignored.
    const newer = { ...makeScorecard(), level: 'L3' as const, score: 95 };
    const older = { ...makeScorecard(), level: 'L0' as const, score: 5 };
    await act(async () => {
      resolvers[1](answer(newer));
    });
    await act(async () => {
      resolvers[0](answer(older));
    });
    expect(screen.getByTestId('whatif-level')).toHaveTextContent(
      'L1 → L3, score 64 → 95',
    );
  });

  it('shows YAML errors at their line', async () => {
    const api = mockAiReadinessApi({
      evaluate: jest.fn().mockResolvedValue({
        asOf: '2026-11-25',
        scorecards: [],
        errors: [
          {
            document: 0,
            line: 7,
            message:
              'invalid YAML: Implicit map keys need to be on a single line',
          },
        ],
      }),
    });
    await open(api);
    await act(async () => {
      jest.advanceTimersByTime(DEBOUNCE_MS);
    });
    await waitFor(() =>
      expect(screen.getByTestId('whatif-errors')).toHaveTextContent(
        'Line 7: invalid YAML: Implicit map keys',
      ),
    );
  });

  it('"Fix all" inserts the remediations into the draft', async () => {
    const { user, editor } = await open();
    await user.click(screen.getByRole('button', { name: 'Fix all' }));
    const value = (editor as HTMLTextAreaElement).value;
    expect(parse(value.split('---\n')[0]).metadata.annotations).toMatchObject({
      'ai-readiness/kill-switch': 'flags/x',
    });
  });
});

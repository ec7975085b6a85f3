import { mockCredentials } from '@backstage/backend-test-utils';
import {
  createReadinessEngine,
  waiverRequestsView,
} from '@ai-readiness/plugin-ai-readiness-common';
import { permissionAwareCatalog } from '../../__testUtils__/catalog';
import { createTestPipeline } from '../../__testUtils__/pipeline';
import { entities, WAIVER_CONFIG } from '../../__testUtils__/waiverApp';
import { createDraftEvaluator } from './createDraftEvaluator';

describe('drafts and waivers', () => {
  it("scores a draft with its pilot's approved waiver requests, as the stored scorecard is", async () => {
    const engine = createReadinessEngine({ config: WAIVER_CONFIG });
    const pipeline = createTestPipeline({
      engine,
      catalog: permissionAwareCatalog(entities),
    });
    const approved = waiverRequestsView([
      {
        id: 'w-1',
        entityRef: 'component:default/alpha',
        checkId: 'SEC-2',
        category: 'waiver',
        justification: 'the vendor review is booked for January',
        expires: '2027-01-31',
        requestedBy: 'user:default/owner',
        requestedAt: '2026-11-20T10:00:00Z',
        state: 'approved',
        decidedBy: 'user:default/risk-lead',
      },
    ]);
    const draftsWith = (waivers?: typeof approved) =>
      createDraftEvaluator({
        ...pipeline,
        store: { getScorecard: async () => undefined },
        waivers: waivers && (() => waivers),
      });
    // A draft as written, without the relations the catalog adds.
    const { relations, ...alpha } = entities.find(
      e => e.metadata.name === 'alpha',
    )!;
    const statusOf = async (waivers?: typeof approved) => {
      const { scorecards, errors } = await draftsWith(waivers).evaluateEntities(
        [alpha],
        { credentials: mockCredentials.user(), asOf: '2026-11-25' },
      );
      expect(errors).toEqual([]);
      return scorecards[0].dimensions
        .flatMap(d => d.checks)
        .find(c => c.id === 'SEC-2')!.status;
    };
    expect(await statusOf()).toBe('fail');
    expect(await statusOf(approved)).toBe('waived');
  });
});

import { withCatalogRelations } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createReadinessEngine } from '@ai-readiness/plugin-ai-readiness-common';
import { stringify } from 'yaml';
import { permissionAwareCatalog } from '../../__testUtils__/catalog';
import {
  conformanceEntities,
  conformanceExpected,
} from '../../__testUtils__/conformance';
import { createTestPipeline } from '../../__testUtils__/pipeline';
import { createDraftEvaluator } from '../DraftEvaluator/createDraftEvaluator';
import { registerEvaluateDraftAction } from './evaluateDraftAction';

const expected = conformanceExpected();
const refOf = (e: Entity) => stringifyEntityRef(e).toLocaleLowerCase('en-US');

function setup(allow = true) {
  const all = conformanceEntities();
  const organisation = all.filter(e => !(refOf(e) in expected.scorecards));
  const actions = actionsRegistryServiceMock({
    logger: mockServices.logger.mock(),
  });
  registerEvaluateDraftAction({
    actionsRegistry: actions,
    permissions: mockServices.permissions.mock({
      authorize: jest.fn(async (reqs: any[]) =>
        reqs.map(() => ({
          result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        })),
      ) as any,
    }),
    drafts: createDraftEvaluator({
      ...createTestPipeline({
        engine: createReadinessEngine(),
        catalog: permissionAwareCatalog(withCatalogRelations(organisation)),
      }),
      store: { getScorecard: async () => undefined },
    }),
  });
  const triage = all.find(e => e.metadata.name === 'claims-triage')!;
  return { actions, triage };
}

describe('evaluate-ai-pilot-draft', () => {
  it('answers like POST /evaluate for YAML drafts, and is read-only', async () => {
    const { actions, triage } = setup();
    const listed = await actions.list();
    const action = listed.actions.find(
      a => a.name === 'evaluate-ai-pilot-draft',
    )!;
    expect(action.attributes).toEqual({
      readOnly: true,
      idempotent: true,
      destructive: false,
    });
    const got = await actions.invoke({
      id: 'test:evaluate-ai-pilot-draft',
      input: {
        yaml: `${stringify(triage)}---\nkind: Component\nmetadata: {}\n`,
        asOf: expected.asOf,
      },
      credentials: mockCredentials.user(),
    });
    const output = got.output as any;
    expect(output.asOf).toBe(expected.asOf);
    expect(output.scorecards.map((c: any) => [c.entityRef, c.level])).toEqual([
      [
        'component:default/claims-triage',
        expected.scorecards['component:default/claims-triage'].level,
      ],
    ]);
    expect(output.scorecards[0].current).toBeNull();
    expect(output.errors).toHaveLength(1);
    expect(output.errors[0]).toMatchObject({ document: 1 });
  });

  it('needs the read permission', async () => {
    const { actions, triage } = setup(false);
    await expect(
      actions.invoke({
        id: 'test:evaluate-ai-pilot-draft',
        input: { yaml: stringify(triage) },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(/ai-readiness.scorecard.read/);
  });
});

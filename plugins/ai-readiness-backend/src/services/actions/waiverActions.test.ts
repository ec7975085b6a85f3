import { mockCredentials } from '@backstage/backend-test-utils';
import {
  OWNER,
  RESTRICTED_USER,
  setupWaivers,
} from '../../__testUtils__/waiverApp';

jest.setTimeout(60_000);

const input = (patch: object = {}) => ({
  entityRef: 'component:default/alpha',
  checkId: 'SEC-2',
  category: 'waiver',
  justification: 'the vendor review is booked for January',
  expires: '2027-01-31',
  ...patch,
});

describe('waiver actions', () => {
  it('request and list, and no action decides', async () => {
    const { actions } = await setupWaivers();
    const names = (await actions.list()).actions.map(a => a.name);
    expect(names.sort()).toEqual([
      'list-ai-readiness-waivers',
      'request-ai-readiness-waiver',
    ]);
    const made = await actions.invoke({
      id: 'test:request-ai-readiness-waiver',
      input: input(),
      credentials: mockCredentials.user(OWNER),
    });
    expect(made.output).toMatchObject({
      request: { state: 'pending', checkId: 'SEC-2', requestedBy: OWNER },
    });
    const listed = await actions.invoke({
      id: 'test:list-ai-readiness-waivers',
      input: { state: 'pending' },
      credentials: mockCredentials.user(OWNER),
    });
    expect(listed.output).toMatchObject({ totalCount: 1 });
  });

  it('rejects bad input naming the field', async () => {
    const { actions } = await setupWaivers();
    await expect(
      actions.invoke({
        id: 'test:request-ai-readiness-waiver',
        input: input({ expires: '2030-01-01' }),
        credentials: mockCredentials.user(OWNER),
      }),
    ).rejects.toThrow(/"expires"/);
  });

  it("never shows a hidden pilot's requests", async () => {
    const { actions } = await setupWaivers();
    await actions.invoke({
      id: 'test:request-ai-readiness-waiver',
      input: input({
        entityRef: 'component:default/secret',
        checkId: 'FB-2',
        expires: '2026-12-20',
      }),
      credentials: mockCredentials.user(OWNER),
    });
    const listed = await actions.invoke({
      id: 'test:list-ai-readiness-waivers',
      input: {},
      credentials: mockCredentials.user(RESTRICTED_USER),
    });
    expect(listed.output).toEqual({ items: [], totalCount: 0 });
    await expect(
      actions.invoke({
        id: 'test:request-ai-readiness-waiver',
        input: input({
          entityRef: 'component:default/secret',
          checkId: 'FB-2',
          expires: '2026-12-20',
        }),
        credentials: mockCredentials.user(RESTRICTED_USER),
      }),
    ).rejects.toThrow(/secret|not found/i);
  });
});

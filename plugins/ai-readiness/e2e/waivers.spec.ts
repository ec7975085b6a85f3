/*
 * Waivers with approval, as an owner and an approver meet them: the example's
 * approved `mitigated` request shows its check waived with the approver and
 * the expiry; the guest asks for a waiver on a pilot's tab and sees it
 * pending there and on the Waivers page.
 */
import { test, expect } from './support/fixtures';
import { entityPath } from './support/api';
import { problemsOnPage } from './support/panels';

const SECURITY = ['SEC-2', 'SEC-3', 'SEC-4', 'SEC-5', 'SEC-6'];

test("the example's approved mitigated request waives its check, naming the approver and the expiry", async ({
  page,
  api,
}) => {
  const approved = await api.get(
    '/api/ai-readiness/waivers?state=approved&limit=100',
  );
  const mitigated = approved.items.find((r: any) => r.category === 'mitigated');
  expect(
    mitigated,
    'an approved mitigated request in the example',
  ).toBeTruthy();
  await page.goto(`${entityPath(mitigated.entityRef)}/ai-readiness`);
  const waiver = page.getByTestId(`waiver-${mitigated.checkId}`);
  await expect(waiver).toContainText(
    `Mitigated until ${mitigated.expires}, approved by ${mitigated.decidedBy}`,
  );
  expect(await problemsOnPage(page)).toEqual([]);
});

test('the guest requests a waiver on the tab and sees it pending there and on the Waivers page', async ({
  page,
  api,
}) => {
  // A pilot with a security check short of pass (the example's policy asks
  // for approval there) and no open request for it.
  const list = await api.get('/api/ai-readiness/scorecards?limit=500');
  const open = await api.get('/api/ai-readiness/waivers?limit=500');
  const isOpen = (ref: string, id: string) =>
    open.items.some(
      (r: any) =>
        r.entityRef === ref &&
        r.checkId === id &&
        ['pending', 'approved'].includes(r.state),
    );
  let target: { ref: string; check: string } | undefined;
  for (const summary of list.items) {
    const [, kind, namespace, name] = /^([^:]+):([^/]+)\/(.+)$/.exec(
      summary.entityRef,
    )!;
    const card = await api.get(
      `/api/ai-readiness/scorecards/${namespace}/${kind}/${encodeURIComponent(
        name,
      )}`,
    );
    const check = card.dimensions
      .flatMap((d: any) => d.checks)
      .find(
        (c: any) =>
          SECURITY.includes(c.id) &&
          (c.status === 'fail' || c.status === 'partial') &&
          !isOpen(card.entityRef, c.id),
      );
    if (check) {
      target = { ref: card.entityRef, check: check.id };
      break;
    }
  }
  expect(target, 'a pilot with a security check short of pass').toBeTruthy();
  const { ref, check } = target!;

  await page.goto(`${entityPath(ref)}/ai-readiness`);
  const item = page.getByTestId(`check-${check}`);
  await item.getByRole('button', { name: 'Request a waiver' }).click();
  const dialog = page.getByRole('dialog', {
    name: new RegExp(`^Request a waiver of ${check} `),
  });
  await expect(dialog).toBeVisible();
  await dialog
    .getByLabel('Justification')
    .fill('Accepted until the vendor ships its data processing addendum.');
  await dialog.getByRole('button', { name: 'Send for approval' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(item.getByText('Waiver pending')).toBeVisible();

  const mine = (
    await api.get(
      `/api/ai-readiness/waivers?entityRef=${encodeURIComponent(
        ref,
      )}&state=pending`,
    )
  ).items.find((r: any) => r.checkId === check);
  expect(mine, 'the request, pending, in GET /waivers').toBeTruthy();

  await page.goto('/ai-readiness/waivers');
  const row = page.getByTestId(`waiver-row-${mine.id}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(check);
  await expect(row).toContainText('pending');
  expect(await problemsOnPage(page)).toEqual([]);
});

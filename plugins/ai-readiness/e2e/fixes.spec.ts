/*
 * Fixes as pull requests on a pilot's readiness tab: a check's "Open a pull
 * request" dialog shows the diff that POST /fixes/preview gives, the change
 * adds what the check asks for, and the changed file can be downloaded.
 */
import { test, expect } from './support/fixtures';

const PILOT = 'innovation-lab-chatbot';
const CHECK = 'FB-2';

test(`a check's "Open a pull request" shows the same diff as POST /fixes/preview, and offers the local file`, async ({
  page,
  api,
}) => {
  await page.goto(`/catalog/default/component/${PILOT}/ai-readiness`);
  await expect(
    page.getByRole('button', {
      name: 'Open a pull request for all failing checks',
    }),
  ).toBeVisible();
  await page
    .getByTestId(`check-${CHECK}`)
    .getByRole('button', { name: `Open a pull request for ${CHECK}` })
    .click();
  const dialog = page.getByRole('dialog', {
    name: `Open a pull request for ${CHECK}`,
  });
  await expect(dialog).toBeVisible();
  const diff = dialog
    .getByRole('region', { name: /^Diff of / })
    .locator('pre')
    .first();
  await expect(diff).toBeVisible();

  const preview = await api.post('/api/ai-readiness/fixes/preview', {
    entityRef: `component:default/${PILOT}`,
    checks: [CHECK],
  });
  expect(preview.status, 'POST /fixes/preview').toBe(200);
  expect(preview.json.diff).toContain('ai-readiness/confidence-threshold');
  expect(await diff.textContent()).toBe(preview.json.diff);

  await expect(dialog.getByRole('link', { name: /^Download / })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

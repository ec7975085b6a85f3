/*
 * A pilot's readiness tab and overview card, and the org page, in the
 * example portal: what they show matches the API, catalog data never becomes
 * a `javascript:` link, and the docs' screenshots readiness-tab.png and
 * org-page.png are taken here.
 */
import fs from 'fs';
import { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { docsScreenshot, unsafeUrlPilot } from './support/examples';
import { entityTab } from './support/panels';

const probe = unsafeUrlPilot();
const pilotRef = `component:${probe.namespace}/${probe.name}`;
const tabPath = `/catalog/${probe.namespace}/component/${probe.name}/ai-readiness`;
const cardPath = `/api/ai-readiness/scorecards/${probe.namespace}/component/${probe.name}`;

async function expectNoUnsafeLinks(page: Page) {
  const hrefs = await page.$$eval('a[href]', as =>
    as.map(a => a.getAttribute('href') || ''),
  );
  expect(hrefs.filter(h => /^\s*(javascript|data|vbscript):/i.test(h))).toEqual(
    [],
  );
}

test("a pilot's readiness tab shows its level, score and a remediation", async ({
  page,
  api,
}) => {
  const expected = await api.get(cardPath);
  await page.goto(tabPath);
  await expect(page.getByTestId('level-badge').first()).toHaveText(
    `${expected.level} · ${expected.levelName}`,
  );
  await expect(page.getByTestId('score').first()).toContainText(
    String(expected.score),
  );
  const remediation = page
    .locator('pre[aria-label^="Remediation YAML for"]')
    .first();
  await expect(remediation).toHaveText(/^(metadata|spec):/m);
  await expect(
    page.getByRole('button', { name: 'Copy YAML' }).first(),
  ).toBeVisible();
  await expect(entityTab(page, 'AI readiness')).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Score and level over time/ }),
  ).toBeVisible();

  // the javascript: URL from an annotation is shown as text, never as a link
  await expect(page.getByText(probe.url).first()).toBeVisible();
  await expectNoUnsafeLinks(page);

  const screenshot = docsScreenshot('readiness-tab.png');
  if (screenshot) {
    // the app scrolls inside its own container: a tall viewport shows more
    await page.setViewportSize({ width: 1440, height: 2200 });
    await expect(
      page.getByRole('img', { name: /Score and level over time/ }),
    ).toBeVisible();
    await page.screenshot({ path: screenshot });
  }
});

test('"Re-evaluate" (allowed by the allow-all policy) re-scores the pilot', async ({
  page,
}) => {
  await page.goto(tabPath);
  const evaluated = page.getByText(/^Evaluated /).first();
  const before = await evaluated.textContent();
  await page.getByRole('button', { name: 'Re-evaluate' }).click();
  await expect(evaluated).not.toHaveText(before!);
});

test('"Fix all" merges the remediations into one snippet', async ({ page }) => {
  await page.goto(tabPath);
  await page.getByRole('button', { name: /^Fix all \(\d+\)$/ }).click();
  const merged = page.getByLabel('Merged remediation YAML');
  await expect(merged).toBeVisible();
  const yaml = (await merged.textContent()) ?? '';
  expect(yaml.match(/^metadata:/gm) ?? []).toHaveLength(1);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(merged).toHaveCount(0);
});

test('the overview card shows the level and links to the tab', async ({
  page,
  api,
}) => {
  const expected = await api.get(cardPath);
  await page.goto(`/catalog/${probe.namespace}/component/${probe.name}`);
  const link = page.getByRole('link', { name: /View readiness details/ });
  await expect(link).toBeVisible();
  await expect(page.getByTestId('level-badge').first()).toHaveText(
    `${expected.level} · ${expected.levelName}`,
  );
  await expectNoUnsafeLinks(page);
  await link.click();
  await expect(page).toHaveURL(tabPath);
});

test('the org page lists the pilots with summary panels', async ({
  page,
  api,
}) => {
  const { totalCount } = await api.get('/api/ai-readiness/scorecards?limit=1');
  await page.goto('/ai-readiness');
  await expect(page.getByTestId('pilot-row').first()).toBeVisible();
  await expect(page.getByTestId('level-distribution')).toBeVisible();
  await expect(page.getByTestId('heatmap')).toBeVisible();
  await expect(
    page.getByText(new RegExp(`^1-\\d+ of ${totalCount}$`)),
  ).toBeVisible();
  await expectNoUnsafeLinks(page);

  const screenshot = docsScreenshot('org-page.png');
  if (screenshot) {
    await page.setViewportSize({ width: 1440, height: 2000 });
    await expect(page.getByTestId('level-distribution')).toBeVisible();
    await page.screenshot({ path: screenshot });
  }
});

test('the org page filters by a team and by text on the server', async ({
  page,
  api,
}) => {
  const { owner } = await api.get(cardPath);
  expect(owner, `${pilotRef} has an owner`).toBeTruthy();
  const short = owner.replace(/^(group|user):(default\/)?/, '');
  const want = await api.get(
    `/api/ai-readiness/scorecards?limit=100&owner=${encodeURIComponent(owner)}`,
  );
  expect(want.totalCount).toBeGreaterThan(0);

  await page.goto('/ai-readiness');
  await page.getByLabel('Owner').click();
  await page
    .getByRole('listbox')
    .getByRole('option', { name: short, exact: true })
    .click();
  await expect(page).toHaveURL(/owner=/);
  const rows = page.getByTestId('pilot-row');
  await expect(rows).toHaveCount(Math.min(want.totalCount, 25));
  for (const text of await rows.allTextContents())
    expect(text).toContain(short);
  await expect(rows.filter({ hasText: pilotRef })).toHaveCount(1);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Search pilots').fill(probe.name);
  await expect(page).toHaveURL(
    new RegExp(`q=${encodeURIComponent(probe.name)}`),
  );
  await expect(rows).toHaveCount(1);
});

test('CSV export downloads the listed pilots', async ({ page }, testInfo) => {
  await page.goto('/ai-readiness');
  await expect(page.getByTestId('pilot-row').first()).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export CSV/ }).click(),
  ]);
  const file = testInfo.outputPath('export.csv');
  await download.saveAs(file);
  expect(fs.readFileSync(file, 'utf8')).toContain(pilotRef);
});

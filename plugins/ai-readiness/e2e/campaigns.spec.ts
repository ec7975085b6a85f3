/*
 * Targets and campaigns in the example portal (the example campaigns of
 * app-config.yaml): the campaign list, a campaign page with its burn-up chart
 * and the pilots short of the goal, the Group page card, and the catalog
 * list's readiness column and level filter. Saves docs/campaign-page.png.
 */
import { test, expect } from './support/fixtures';
import { docsScreenshot } from './support/examples';

test('the campaign list and an active campaign page show progress as the API does', async ({
  page,
  api,
}) => {
  const list = await api.get('/api/ai-readiness/campaigns');
  const states = list.items.map((c: any) => `${c.id}:${c.state}`).join(', ');
  expect(
    list.items.some((c: any) => c.state === 'done'),
    `a done campaign among ${states}`,
  ).toBe(true);
  const active = list.items.find((c: any) => c.state === 'active');
  expect(active, `an active campaign among ${states}`).toBeTruthy();
  expect(active.met).toBeLessThan(active.total);
  const short = active.total - active.met;

  await page.goto('/ai-readiness/campaigns');
  const row = page.getByTestId(`campaign-${active.id}`);
  await expect(row).toContainText('active');
  await expect(row).toContainText(/\d+ of \d+ \(\d+%\)/);
  await expect(row).toContainText(/days? left/);

  await page.getByRole('link', { name: active.title }).click();
  const chart = page.getByTestId('burn-up-chart');
  await expect(chart.locator('.recharts-line')).toHaveCount(2);
  // the text alternative ends where the API stands today, against the straight line
  const caption = chart.locator('figcaption');
  await expect(caption).toContainText(`${active.met} of ${active.total}`);
  await expect(caption).toContainText('straight line to the deadline');
  await expect(page.getByTestId('short-pilot')).toHaveCount(short);
  // the table is paged by the backend and its title carries the total
  await expect(page.getByText(`Not meeting the goal (${short})`)).toBeVisible();
  const paged = await api.get(
    `/api/ai-readiness/campaigns/${active.id}?met=false&limit=1`,
  );
  expect([paged.pilots.length, paged.pilotsTotal]).toEqual([1, short]);

  const screenshot = docsScreenshot('campaign-page.png');
  if (screenshot) {
    // the app scrolls inside its own container: a tall viewport shows more
    await page.setViewportSize({ width: 1440, height: 1500 });
    await expect(chart).toBeVisible();
    await page.screenshot({ path: screenshot });
  }
});

test('the Group page card counts the team and its sub-groups', async ({
  page,
  api,
}) => {
  const { totalCount } = await api.get(
    '/api/ai-readiness/scorecards?owner=group:default/claims-division&limit=1',
  );
  expect(totalCount).toBeGreaterThan(0);
  await page.goto('/catalog/default/group/claims-division');
  await expect(page.getByTestId('team-total')).toHaveText(
    new RegExp(`^${totalCount}\\b`),
  );
});

test('the catalog list has a readiness column and a level filter', async ({
  page,
  api,
}) => {
  const l3 = (await api.get('/api/ai-readiness/scorecards?level=L3&limit=100'))
    .items;
  expect(l3.length).toBeGreaterThan(0);
  await page.goto('/catalog?filters[kind]=component');
  const badges = page.getByTestId('catalog-readiness');
  await expect(badges.first()).toBeVisible();
  await page.getByLabel('L3 · Production').check();
  await expect(badges).toHaveCount(l3.length);
  for (const text of await badges.allInnerTexts()) expect(text).toContain('L3');
});

/*
 * AI agents (upstream Backstage's `kind: AiResource`) in the example portal:
 * the router agent's readiness tab says why it is a pilot and which agent
 * caps its level, with no panel but the drift it is meant to show, and the
 * catalog list shows agents with their level.
 */
import { test, expect } from './support/fixtures';
import { panelsOnPage, waitUntilSettled } from './support/panels';

const AGENT = 'claims-intake-router';

test("an agent's readiness tab says why it is a pilot and what caps it, with no error panel", async ({
  page,
  api,
}) => {
  const agent = await api.get(
    `/api/ai-readiness/scorecards/default/airesource/${AGENT}`,
  );
  expect(agent.cap, 'the router agent is capped').toBeTruthy();
  expect(agent.cap.by.length).toBeGreaterThan(0);
  await page.goto(`/catalog/default/airesource/${AGENT}/ai-readiness`);
  await expect(page.getByTestId('level-badge').first()).toHaveText(
    `${agent.level} · ${agent.levelName}`,
  );
  await expect(page.getByTestId('scope-reason').first()).toContainText(
    `AI pilot because ${agent.scope.message}`,
  );
  // the capping agent by its name or its title ("Payment specialist agent")
  const capper = agent.cap.by[0].split('/').pop() as string;
  const cap = page.getByTestId('level-cap').first();
  await expect(cap).toContainText(`Capped at ${agent.level}`);
  await expect(cap).toContainText(
    new RegExp(capper.replace(/-/g, '[- ]'), 'i'),
  );
  await expect(cap).toContainText(agent.cap.level);

  // cards load their data after the page: their panels come late
  await waitUntilSettled(page);
  const alerts = await panelsOnPage(page);
  // drift is a finding the tab shows on purpose (the router claims production at L1)
  expect(
    alerts.some(a => a.startsWith('Drift:')),
    'the capped router shows its drift',
  ).toBe(true);
  expect(alerts.filter(a => !a.startsWith('Drift:'))).toEqual([]);
});

test('the catalog list shows agents with their level', async ({
  page,
  api,
}) => {
  const agent = await api.get(
    `/api/ai-readiness/scorecards/default/airesource/${AGENT}`,
  );
  await page.goto(
    '/catalog?filters%5Bkind%5D=airesource&filters%5Buser%5D=all',
  );
  const row = page
    .getByRole('row')
    .filter({ hasText: /claims-intake-router|Claims intake router/ })
    .first();
  await expect(row).toBeVisible();
  await expect(row).toContainText(agent.level);
});

#!/usr/bin/env node
/* eslint-disable no-console */ // a CLI script
/*
 * Browser test of targets and campaigns against the real portal.
 *
 *   node plugins/ai-readiness/e2e/campaigns.e2e.js
 *
 * Builds the app (unless SKIP_APP_BUILD=1) and starts the backend from source
 * on port 7401 (AI_READINESS_E2E_PORT) with the repository's example catalog
 * and the example campaigns of app-config.yaml; waits for a full refresh;
 * then, in headless Chromium, checks the campaign list and a campaign page
 * (burn-up chart with its text alternative, pilots short of the goal), the
 * Group page card, and the catalog list's readiness column and level filter.
 * Prints "N passed, M failed"; exits 1 on any failure.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
  startExamplePortal,
  launchChromium,
  signInAsGuest,
} = require('./lib/portal');
const { createHarness } = require('./lib/harness');

const port = Number(process.env.AI_READINESS_E2E_PORT || 7401);
const { log, test, assert, runMain } = createHarness('e2e');
let portal = null;
let browserContext = null;
// E2E_KEEP_SCREENSHOTS=0: leave docs/campaign-page.png as it is.
const writeScreenshots = process.env.E2E_KEEP_SCREENSHOTS !== '0';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-e2e-c-'));

async function main() {
  portal = await startExamplePortal({ port, tmpDir: tmp, log });
  const { base, http } = portal;
  let token;
  const started = await test('the portal starts', async () => {
    await portal.waitReady();
    token = await portal.guestToken();
  });
  if (!started) return;

  let active;
  await test('the API lists the example campaigns: one done, one active', async () => {
    await portal.waitForCatalog(token);
    await portal.refreshAll(token);
    const list = await http('/api/ai-readiness/campaigns', { token });
    assert(list.status === 200, `GET /campaigns answered ${list.status}`);
    const states = list.json.items.map(c => `${c.id}:${c.state}`);
    assert(
      list.json.items.some(c => c.state === 'done'),
      `no done campaign: ${states}`,
    );
    active = list.json.items.find(c => c.state === 'active');
    assert(active, `no active campaign: ${states}`);
    assert(active.met < active.total, 'the active campaign is already met');
  });
  if (!active) return;

  browserContext = await launchChromium(path.join(tmp, 'profile'));
  const page = browserContext.pages()[0] || (await browserContext.newPage());
  page.setDefaultTimeout(30_000);
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(e.message));

  await test('guest sign-in', async () => {
    await signInAsGuest(page, base);
  });

  await test('the campaign list shows state, progress and days left', async () => {
    await page.goto(`${base}/ai-readiness/campaigns`);
    const row = page.getByTestId(`campaign-${active.id}`);
    await row.waitFor();
    const text = await row.innerText();
    assert(text.includes('active'), `row: ${text}`);
    assert(/\d+ of \d+ \(\d+%\)/.test(text), `no progress in: ${text}`);
    assert(/days? left/.test(text), `no days left in: ${text}`);
  });

  await test('the campaign page draws the burn-up chart and lists pilots short of it', async () => {
    await page.getByRole('link', { name: active.title }).click();
    const chart = page.getByTestId('burn-up-chart');
    await chart.waitFor();
    await page.locator('.recharts-line').first().waitFor();
    const lines = await page.locator('.recharts-line').count();
    assert(lines === 2, `${lines} chart lines`);
    const caption = await chart.locator('figcaption').innerText();
    // The text alternative ends where the API stands today, against the straight line.
    assert(
      caption.includes(`${active.met} of ${active.total}`) &&
        /straight line to the deadline/.test(caption),
      caption,
    );
    const short = await page.getByTestId('short-pilot').count();
    assert(
      short === active.total - active.met,
      `${short} pilots listed, expected ${active.total - active.met}`,
    );
    // The table is paged by the backend and its title carries the total.
    await page
      .getByText(`Not meeting the goal (${active.total - active.met})`)
      .waitFor();
    const paged = await http(
      `/api/ai-readiness/campaigns/${active.id}?met=false&limit=1`,
      { token },
    );
    assert(
      paged.json.pilots.length === 1 &&
        paged.json.pilotsTotal === active.total - active.met,
      `GET /campaigns/${active.id}?met=false&limit=1: ${paged.json.pilots.length} pilots of ${paged.json.pilotsTotal}`,
    );
    await page.screenshot({ path: path.join(tmp, 'campaign.png') });
  });

  if (writeScreenshots) {
    await test('screenshot docs/campaign-page.png', async () => {
      // The app scrolls inside its own container: a tall viewport shows more.
      await page.setViewportSize({ width: 1440, height: 1500 });
      await page.getByTestId('burn-up-chart').waitFor();
      await page.screenshot({
        path: path.join(
          __dirname,
          '..',
          '..',
          '..',
          'docs',
          'campaign-page.png',
        ),
      });
      await page.setViewportSize({ width: 1440, height: 1000 });
    });
  }

  await test('the Group page card counts the team and its sub-groups', async () => {
    await page.goto(`${base}/catalog/default/group/claims-division`);
    const total = page.getByTestId('team-total');
    await total.waitFor();
    const text = await total.innerText();
    const n = Number(/^(\d+)/.exec(text)?.[1]);
    const api = await http(
      '/api/ai-readiness/scorecards?owner=group:default/claims-division&limit=1',
      { token },
    );
    assert(
      n === api.json.totalCount && n > 0,
      `card says "${text}", API ${api.json.totalCount}`,
    );
  });

  await test('the catalog list has a readiness column and a level filter', async () => {
    await page.goto(`${base}/catalog?filters[kind]=component`);
    await page.getByTestId('catalog-readiness').first().waitFor();
    const badges = await page.getByTestId('catalog-readiness').count();
    assert(badges > 0, 'no readiness badges');
    const l3 = (
      await http('/api/ai-readiness/scorecards?level=L3&limit=100', { token })
    ).json.items.map(i => i.title);
    await page.getByLabel('L3 · Production').check();
    await page.waitForFunction(
      n =>
        document.querySelectorAll('[data-testid="catalog-readiness"]')
          .length === n,
      l3.length,
    );
    const shown = await page.getByTestId('catalog-readiness').allInnerTexts();
    assert(
      shown.every(t => t.includes('L3')),
      `non-L3 rows: ${shown}`,
    );
  });

  await test('the app raised no error', async () => {
    assert(pageErrors.length === 0, pageErrors.join('; '));
  });
}

async function cleanup() {
  if (browserContext) await browserContext.close().catch(() => {});
  if (portal) await portal.stop();
}

runMain(main, {
  cleanup,
  tmp,
  onFailure: () => {
    if (portal) log(`portal log: ${portal.logFile}`);
  },
});

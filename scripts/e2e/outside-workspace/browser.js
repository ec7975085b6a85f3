/*
 * The outside project's new-frontend-system app in Chromium, for
 * scripts/e2e/outside-workspace.js: sign in as guest, open the pilot's
 * readiness tab (its level as the API gives it, no error or warning panel)
 * and the org page (the pilot in its table). Screenshots go to `outDir`.
 */
const fs = require('fs');
const path = require('path');
const { assert } = require('../lib/process');

/** Error and warning panels: role="alert", and Backstage UI alerts. */
const PROBLEMS = [
  '[role="alert"]:visible',
  '.bui-Alert[data-status="warning"]:visible',
  '.bui-Alert[data-status="danger"]:visible',
].join(', ');

async function checkInBrowser({ base, pilot, scorecard, outDir, log }) {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  assert(fs.existsSync(executablePath), `${executablePath} is missing`);
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(
    fs.mkdtempSync(path.join(outDir, 'profile-')),
    {
      executablePath,
      headless: true,
      viewport: { width: 1440, height: 1000 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  );
  const pageErrors = [];
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(60_000);
    page.on('pageerror', e => pageErrors.push(e.message));
    const problems = async () =>
      (await page.locator(PROBLEMS).allTextContents()).map(t =>
        t.slice(0, 200),
      );

    // create-app's sign-in page (guest, not automatic) comes back on every
    // page load: sign in whenever it shows, until `target` is there
    const open = async (url, target) => {
      await page.goto(url);
      const enter = page.getByRole('button', { name: 'Enter' });
      try {
        await Promise.race([enter.waitFor(), target.waitFor()]);
        if (await enter.isVisible()) await enter.click();
        await target.waitFor();
      } catch (e) {
        // what the page showed instead, for the log
        const file = path.join(outDir, 'failure.png');
        await page.screenshot({ path: file }).catch(() => {});
        const shown = (await page.locator('body').innerText()).slice(0, 500);
        throw new Error(`${url}: ${e.message}\npage (${file}): ${shown}`);
      }
    };

    const badge = page.getByTestId('level-badge').first();
    await open(
      `${base}/catalog/default/component/${pilot}/ai-readiness`,
      badge,
    );
    const text = (await badge.textContent()).trim();
    assert(
      text === `${scorecard.level} · ${scorecard.levelName}`,
      `the readiness tab says "${text}", the API ${scorecard.level} · ${scorecard.levelName}`,
    );
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(outDir, 'readiness-tab.png') });
    const onTab = await problems();
    assert(onTab.length === 0, `panels on the tab: ${onTab.join(' | ')}`);
    log(`readiness tab of ${pilot}: ${text}`);

    await open(`${base}/ai-readiness`, page.getByTestId('pilot-row').first());
    const rows = await page.getByTestId('pilot-row').allTextContents();
    assert(
      rows.some(r => r.includes(pilot)),
      `the org page does not list ${pilot}: ${rows.join(' | ')}`,
    );
    await page.screenshot({ path: path.join(outDir, 'org-page.png') });
    const onPage = await problems();
    assert(
      onPage.length === 0,
      `panels on the org page: ${onPage.join(' | ')}`,
    );
    log(`org page: ${rows.length} pilot row(s)`);
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  } finally {
    await context.close();
  }
}

module.exports = { checkInBrowser };

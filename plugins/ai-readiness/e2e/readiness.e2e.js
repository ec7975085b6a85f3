#!/usr/bin/env node
/* eslint-disable no-console, no-script-url */ // a CLI script that checks unsafe URLs
/*
 * Browser test of the AI readiness frontend against the real portal.
 *
 *   node plugins/ai-readiness/e2e/readiness.e2e.js
 *
 * Builds the app and starts the backend from source (no file watcher) on
 * port 7400 (AI_READINESS_E2E_PORT), SQLite in memory, the repository's
 * example catalog; waits for the catalog and a full readiness refresh; then,
 * in headless Chromium (/usr/bin/chromium, CHROMIUM_PATH), signs in as guest,
 * opens a pilot's readiness tab and its overview card, opens the org page and
 * filters it by a team, and checks that no `javascript:` URL from an
 * annotation is ever rendered as a link. Saves docs/readiness-tab.png and
 * docs/org-page.png. Prints "N passed, M failed"; exits 1 on any failure.
 *
 * Environment: AI_READINESS_E2E_PORT (7400), SKIP_APP_BUILD=1 (reuse
 * packages/app/dist), E2E_KEEP_SCREENSHOTS=0 (do not write docs/*.png).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const {
  root,
  until,
  startExamplePortal,
  launchChromium,
  signInAsGuest,
  entityTab,
} = require('./lib/portal');
const { createHarness } = require('./lib/harness');

const port = Number(process.env.AI_READINESS_E2E_PORT || 7400);
const writeScreenshots = process.env.E2E_KEEP_SCREENSHOTS !== '0';

const { log, test, assert, runMain } = createHarness('e2e');
let portal = null;
let browserContext = null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-e2e-'));

// ---- the example pilot whose annotation carries a javascript: URL ---------

/**
 * Finds, in examples/*.yaml, a Component with an annotation, label or link
 * whose value is a javascript: URL (comments are skipped).
 */
function findUnsafeUrlPilot() {
  const dir = path.join(root, 'examples');
  for (const file of fs
    .readdirSync(dir)
    .filter(f => /\.ya?ml$/.test(f))
    .sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const doc of text.split(/^---\s*$/m)) {
      const lines = doc
        .split('\n')
        .filter(l => !/^\s*#/.test(l))
        .join('\n');
      if (!/^kind:\s*Component\s*$/m.test(lines)) continue;
      const url = lines.match(
        /^\s+(?:- )?[\w./-]+:\s*['"]?(javascript:[^'"\n]*)/im,
      );
      const name = lines.match(/^ {2}name:\s*['"]?([\w.-]+)/m);
      const ns = lines.match(/^ {2}namespace:\s*['"]?([\w.-]+)/m);
      if (name && url) {
        return {
          namespace: ns ? ns[1] : 'default',
          name: name[1],
          url: url[1].trim(),
          file,
        };
      }
    }
  }
  return undefined;
}

// ---- main ------------------------------------------------------------------

async function main() {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `${chromiumPath} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  let probe = findUnsafeUrlPilot();
  let catalogOverlay = '';
  if (!probe) {
    // The examples carry no javascript: URL: add one pilot that does.
    const extra = path.join(tmp, 'unsafe-url-pilot.yaml');
    fs.writeFileSync(
      extra,
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: unsafe-url-probe',
        '  title: Unsafe URL probe',
        '  tags: [genai]',
        '  annotations:',
        '    datadoghq.com/dashboard-url: "javascript:alert(document.cookie)"',
        'spec:',
        '  type: service',
        '  lifecycle: experimental',
        '  owner: group:default/unknown-team',
        '',
      ].join('\n'),
    );
    probe = {
      namespace: 'default',
      name: 'unsafe-url-probe',
      url: 'javascript:alert(document.cookie)',
      file: extra,
    };
    catalogOverlay = [
      'catalog:',
      '  locations:',
      '    - type: file',
      '      target: ../../catalog-info.yaml',
      '    - type: file',
      '      target: ../../examples/*.yaml',
      '    - type: file',
      `      target: ${extra}`,
      '',
    ].join('\n');
  }
  const pilotRef = `component:${probe.namespace}/${probe.name}`;
  log(`pilot under test: ${pilotRef} (${probe.url} in ${probe.file})`);

  log(`starting the portal on port ${port} ...`);
  portal = await startExamplePortal({
    port,
    tmpDir: tmp,
    log,
    extraConfig: catalogOverlay,
  });
  const { base, http } = portal;
  log(`portal log: ${portal.logFile}`);

  let token;
  const started =
    await test('the portal starts and serves the app', async () => {
      await portal.waitReady();
      token = await portal.guestToken();
    });
  if (!started) return;

  await test('the catalog is ingested and every pilot is scored', async () => {
    const entities = await portal.waitForCatalog(token);
    const pilot = await http(
      `/api/catalog/entities/by-name/component/${probe.namespace}/${probe.name}`,
      { token },
    );
    assert(
      pilot.status === 200,
      `${pilotRef} is not in the catalog (${pilot.status})`,
    );
    const stored = await portal.refreshAll(token);
    const one = await http(
      `/api/ai-readiness/scorecards?limit=100&q=${encodeURIComponent(
        probe.name,
      )}`,
      { token },
    );
    assert(
      one.json.items.some(i => i.entityRef === pilotRef),
      `${pilotRef} is not among the stored scorecards`,
    );
    log(`${stored} scorecards stored, ${entities} catalog entities`);
  });

  const expected = (
    await http(
      `/api/ai-readiness/scorecards/${probe.namespace}/component/${probe.name}`,
      { token },
    )
  ).json;
  assert(expected && expected.level, `no scorecard for ${pilotRef}`);

  browserContext = await launchChromium(path.join(tmp, 'profile'));
  const page = browserContext.pages()[0] || (await browserContext.newPage());
  page.setDefaultTimeout(30_000);
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(e.message));
  let dialogs = 0;
  page.on('dialog', d => {
    dialogs += 1;
    d.dismiss().catch(() => {});
  });

  const noJavascriptLinks = async where => {
    const n = await page.locator('a[href^="javascript:" i]').count();
    assert(n === 0, `${n} javascript: link(s) on ${where}`);
    const hrefs = await page.$$eval('a[href]', as =>
      as.map(a => a.getAttribute('href') || ''),
    );
    const bad = hrefs.filter(h => /^\s*(javascript|data|vbscript):/i.test(h));
    assert(bad.length === 0, `unsafe link(s) on ${where}: ${bad.join(', ')}`);
  };

  await test('guest sign-in', async () => {
    await signInAsGuest(page, base);
  });

  const tabUrl = `${base}/catalog/${probe.namespace}/component/${probe.name}/ai-readiness`;
  await test("a pilot's readiness tab shows its level and a remediation", async () => {
    await page.goto(tabUrl);
    const badge = page.getByTestId('level-badge').first();
    await badge.waitFor();
    const text = (await badge.textContent()).trim();
    assert(
      text === `${expected.level} · ${expected.levelName}`,
      `level badge says "${text}", the API says ${expected.level} · ${expected.levelName}`,
    );
    assert(
      (await page.getByTestId('score').first().textContent()).includes(
        String(expected.score),
      ),
      'the score differs from the API',
    );
    const remediation = page
      .locator('pre[aria-label^="Remediation YAML for"]')
      .first();
    await remediation.waitFor();
    const yaml = await remediation.textContent();
    assert(
      /^(metadata|spec):/m.test(yaml),
      `the remediation is not catalog YAML: ${yaml}`,
    );
    assert(
      await page.getByRole('button', { name: 'Copy YAML' }).first().isVisible(),
      'no copy button',
    );
    await entityTab(page, 'AI readiness').waitFor();
    await page
      .getByRole('img', { name: /Score and level over time/ })
      .waitFor();
  });

  await test('the javascript: URL from an annotation is text, not a link (tab)', async () => {
    await page.getByText(probe.url, { exact: false }).first().waitFor();
    await noJavascriptLinks('the readiness tab');
  });

  await test('"Re-evaluate" (allowed by the portal\'s allow-all policy) re-scores the pilot', async () => {
    const evaluated = page.getByText(/^Evaluated /).first();
    const before = await evaluated.textContent();
    await page.getByRole('button', { name: 'Re-evaluate' }).click();
    await until(
      'a new evaluation time',
      async () => (await evaluated.textContent()) !== before,
      30_000,
      250,
    );
  });

  await test('"Fix all" merges the remediations into one snippet', async () => {
    await page.getByRole('button', { name: /^Fix all \(\d+\)$/ }).click();
    const merged = page.getByLabel('Merged remediation YAML');
    await merged.waitFor();
    const yaml = await merged.textContent();
    assert(
      (yaml.match(/^metadata:/gm) || []).length === 1,
      `merged YAML has not one metadata: key:\n${yaml}`,
    );
    await page.getByRole('button', { name: 'Close' }).click();
    await merged.waitFor({ state: 'detached' });
  });

  if (writeScreenshots) {
    await test('screenshot docs/readiness-tab.png', async () => {
      // The app scrolls inside its own container: a tall viewport shows more.
      await page.setViewportSize({ width: 1440, height: 2200 });
      await page
        .getByRole('img', { name: /Score and level over time/ })
        .waitFor();
      await page.screenshot({
        path: path.join(root, 'docs', 'readiness-tab.png'),
      });
      await page.setViewportSize({ width: 1440, height: 1000 });
    });
  }

  await test('the overview card shows level, score and gaps with a link to the tab', async () => {
    await page.goto(
      `${base}/catalog/${probe.namespace}/component/${probe.name}`,
    );
    const link = page.getByRole('link', { name: /View readiness details/ });
    await link.waitFor();
    const card = page.locator('[data-testid="level-badge"]').first();
    assert(
      (await card.textContent()).trim() ===
        `${expected.level} · ${expected.levelName}`,
      'the card level differs from the API',
    );
    await noJavascriptLinks('the overview page');
    await link.click();
    await page.waitForURL(tabUrl);
  });

  await test("an agent's readiness tab says why it is a pilot and what caps it, with no error panel", async () => {
    const agent = (
      await http(
        '/api/ai-readiness/scorecards/default/airesource/claims-intake-router',
        { token },
      )
    ).json;
    assert(
      agent && agent.cap,
      'the API has no capped scorecard for the router agent',
    );
    await page.goto(
      `${base}/catalog/default/airesource/claims-intake-router/ai-readiness`,
    );
    const badge = page.getByTestId('level-badge').first();
    await badge.waitFor();
    assert(
      (await badge.textContent()).trim() ===
        `${agent.level} · ${agent.levelName}`,
      'the agent level differs from the API',
    );
    const reason = page.getByTestId('scope-reason').first();
    await reason.waitFor();
    const reasonText = await reason.textContent();
    assert(
      reasonText.includes(`AI pilot because ${agent.scope.message}`),
      `scope reason reads "${reasonText}"`,
    );
    const cap = page.getByTestId('level-cap').first();
    await cap.waitFor();
    const capText = await cap.textContent();
    assert(
      capText.includes(`Capped at ${agent.level}`) &&
        /payment specialist agent|payment-specialist-agent/i.test(capText) &&
        capText.includes(agent.cap.level),
      `cap reads "${capText}"`,
    );
    await page.waitForTimeout(1000); // late panels (cards load their data after the page)
    const alerts = await page
      .locator(
        '[role="alert"]:visible, .bui-Alert[data-status="warning"]:visible, .bui-Alert[data-status="danger"]:visible',
      )
      .allTextContents();
    // Drift is a finding the tab shows on purpose (the router claims production at L1).
    const panels = alerts.filter(a => !a.startsWith('Drift:'));
    assert(
      alerts.some(a => a.startsWith('Drift:')),
      'the capped router shows no drift',
    );
    assert(
      panels.length === 0,
      `panels on the agent tab: ${panels.join(' | ')}`,
    );
  });

  await test('the catalog list shows agents with their level', async () => {
    await page.goto(
      `${base}/catalog?filters%5Bkind%5D=airesource&filters%5Buser%5D=all`,
    );
    const row = page
      .getByRole('row')
      .filter({ hasText: /claims-intake-router|Claims intake router/ });
    await row.first().waitFor();
    const text = await row.first().textContent();
    assert(/L1/.test(text), `the agent's catalog row shows no level: ${text}`);
  });

  await test('a check\'s "Open a pull request" shows the same diff as POST /fixes/preview, and offers the local file', async () => {
    await page.goto(
      `${base}/catalog/default/component/innovation-lab-chatbot/ai-readiness`,
    );
    await page
      .getByRole('button', {
        name: 'Open a pull request for all failing checks',
      })
      .waitFor();
    await page
      .getByTestId('check-FB-2')
      .getByRole('button', { name: 'Open a pull request for FB-2' })
      .click();
    const dialog = page.getByRole('dialog', {
      name: 'Open a pull request for FB-2',
    });
    await dialog.waitFor();
    const diffRegion = dialog.getByRole('region', { name: /^Diff of / });
    await diffRegion.waitFor();
    const shown = await diffRegion.locator('pre').first().textContent();
    const preview = await http('/api/ai-readiness/fixes/preview', {
      token,
      method: 'POST',
      body: {
        entityRef: 'component:default/innovation-lab-chatbot',
        checks: ['FB-2'],
      },
    });
    assert(
      preview.status === 200,
      `POST /fixes/preview answered ${preview.status}`,
    );
    assert(
      shown === preview.json.diff,
      'the diff on the tab differs from POST /fixes/preview',
    );
    assert(
      preview.json.diff.includes('ai-readiness/confidence-threshold'),
      `the diff does not add the threshold:\n${preview.json.diff}`,
    );
    await dialog.getByRole('link', { name: /^Download / }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  const owner = expected.owner;
  await test('the org page lists the pilots with summary panels', async () => {
    await page.goto(`${base}/ai-readiness`);
    await page.getByTestId('pilot-row').first().waitFor();
    await page.getByTestId('level-distribution').waitFor();
    await page.getByTestId('heatmap').waitFor();
    const total = (
      await http('/api/ai-readiness/scorecards?limit=1', { token })
    ).json.totalCount;
    await page.getByText(new RegExp(`^1-\\d+ of ${total}$`)).waitFor();
    await noJavascriptLinks('the org page');
  });

  await test('the org page filters by a team on the server', async () => {
    assert(owner, `${pilotRef} has no owner`);
    const short = owner
      .replace(/^group:(default\/)?/, '')
      .replace(/^user:(default\/)?/, '');
    await page.getByLabel('Owner').click();
    await page
      .getByRole('listbox')
      .getByRole('option', { name: short, exact: true })
      .click();
    await page.waitForURL(/owner=/);
    const want = (
      await http(
        `/api/ai-readiness/scorecards?limit=100&owner=${encodeURIComponent(
          owner,
        )}`,
        { token },
      )
    ).json;
    assert(want.totalCount > 0, `the API lists no pilot for ${owner}`);
    await until(
      `the table to show the ${want.totalCount} pilot(s) of ${short}`,
      async () =>
        (await page.getByTestId('pilot-row').count()) ===
        Math.min(want.totalCount, 25),
      20_000,
      250,
    );
    const rows = await page.getByTestId('pilot-row').allTextContents();
    for (const r of rows)
      assert(r.includes(short), `a row of another owner: ${r}`);
    assert(
      rows.some(r => r.includes(pilotRef)),
      `${pilotRef} is missing from the ${short} filter`,
    );
  });

  await test('the org page text filter is applied on the server', async () => {
    await page.getByLabel('Search pilots').fill(probe.name);
    await until(
      'the URL to carry the text filter',
      async () => page.url().includes(`q=${encodeURIComponent(probe.name)}`),
      10_000,
      200,
    );
    await until(
      'one row',
      async () => (await page.getByTestId('pilot-row').count()) === 1,
      10_000,
      200,
    );
    await page.getByLabel('Search pilots').fill('');
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  await test('CSV export downloads the filtered list', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Export CSV/ }).click(),
    ]);
    const file = path.join(tmp, 'export.csv');
    await download.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8');
    assert(csv.includes(pilotRef), `the CSV lacks ${pilotRef}`);
  });

  if (writeScreenshots) {
    await test('screenshot docs/org-page.png', async () => {
      await page.goto(`${base}/ai-readiness`);
      await page.getByTestId('pilot-row').first().waitFor();
      await page.getByTestId('heatmap').waitFor();
      await page.setViewportSize({ width: 1440, height: 2000 });
      await page.getByTestId('level-distribution').waitFor();
      await page.screenshot({ path: path.join(root, 'docs', 'org-page.png') });
      await page.setViewportSize({ width: 1440, height: 1000 });
    });
  }

  await test('no script ran from catalog data and the app raised no error', async () => {
    assert(
      dialogs === 0,
      `${dialogs} dialog(s) opened (alert from a javascript: URL?)`,
    );
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
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
    if (!portal) return;
    log(`portal log: ${portal.logFile}`);
    try {
      const tail = fs
        .readFileSync(portal.logFile, 'utf8')
        .split('\n')
        .slice(-40)
        .join('\n');
      process.stdout.write(`${tail}\n`);
    } catch {
      /* no log */
    }
  },
});

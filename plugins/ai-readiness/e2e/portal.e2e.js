#!/usr/bin/env node
/* eslint-disable no-console */
/*
 * The portal as a newcomer meets it, in a real browser.
 *
 *   node plugins/ai-readiness/e2e/portal.e2e.js
 *
 * Builds the app and starts the backend from source (no file watcher) on port
 * 7402 (AI_READINESS_E2E_PORT), SQLite in memory, the repository's config
 * and example catalog; waits for the catalog and a full readiness refresh; then:
 *   - opens one entity page of every kind and of every Component spec.type in
 *     the catalog, and fails on any error or warning panel (WarningPanel,
 *     ErrorPanel, ResponseErrorPanel and MUI Alerts all render role="alert";
 *     Backstage UI alerts by their warning or danger status), a "not found"
 *     page, or an uncaught page error;
 *   - opens the readiness tab of the pilot that is one only through its
 *     dependency on an `ai-model` Resource (examples/README.md), from its
 *     overview page, and compares its level with the API;
 *   - checks that the teams × dimensions heatmap fits its card at 1440 px;
 *   - checks that `ai-readiness check examples/ --config app-config.yaml`
 *     gives the portal's levels and scores for every example pilot.
 * Prints "N passed, M failed"; exits 1 on any failure.
 *
 * Saves docs/pilot-overview.png (the dependency-only pilot's overview).
 *
 * Environment: AI_READINESS_E2E_PORT (7402), SKIP_APP_BUILD=1 (reuse
 * packages/app/dist), CHROMIUM_PATH (/usr/bin/chromium),
 * E2E_KEEP_SCREENSHOTS=0 (do not write docs/*.png).
 */
const { spawnSync } = require('child_process');
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

const port = Number(process.env.AI_READINESS_E2E_PORT || 7402);
const writeScreenshots = process.env.E2E_KEEP_SCREENSHOTS !== '0';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-portal-'));
const { log, test, assert, runMain } = createHarness('portal');
let portal = null;
let browserContext = null;

/**
 * The pilot that is in scope only through a model dependency: the first
 * examples/README.md row that says so.
 */
function dependencyOnlyPilot() {
  const readme = fs.readFileSync(
    path.join(root, 'examples', 'README.md'),
    'utf8',
  );
  const row = readme
    .split('\n')
    .find(l =>
      /^\| [\w-]+ \| L\d \|.*a pilot only through its dependency/.test(l),
    );
  assert(
    row,
    'examples/README.md names no pilot that is one only through a dependency',
  );
  return `component:default/${row.split('|')[1].trim()}`;
}

const pathOf = ref => {
  const [, kind, namespace, name] = ref.match(/^([^:]+):([^/]+)\/(.+)$/);
  return `/catalog/${namespace}/${kind}/${name}`;
};

async function main() {
  portal = await startExamplePortal({ port, tmpDir: tmp, log });
  const { base, http } = portal;
  log(`portal log: ${portal.logFile}`);
  await portal.waitReady();
  const token = await portal.guestToken();
  await portal.waitForCatalog(token);
  const stored = await portal.refreshAll(token);
  log(`${stored} scorecards stored`);

  // One entity of every kind and of every Component type, first by name.
  const all = [];
  let cursor;
  do {
    const r = await http(
      `/api/catalog/entities/by-query?limit=500&fields=kind,metadata.namespace,metadata.name,spec.type${
        cursor ? `&cursor=${cursor}` : ''
      }`,
      { token },
    );
    all.push(...r.json.items);
    cursor = r.json.pageInfo?.nextCursor;
  } while (cursor);
  const picks = new Map();
  for (const e of all.sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  )) {
    const key =
      e.kind === 'Component' ? `Component/${e.spec?.type ?? '-'}` : e.kind;
    if (!picks.has(key))
      picks.set(
        key,
        `${e.kind.toLowerCase()}:${e.metadata.namespace ?? 'default'}/${
          e.metadata.name
        }`,
      );
  }
  const depOnly = dependencyOnlyPilot();
  picks.set('dependency-only pilot', depOnly);
  log(`entity pages: ${[...picks].map(([k, r]) => `${k}=${r}`).join(', ')}`);

  browserContext = await launchChromium(path.join(tmp, 'profile'));
  const page = browserContext.pages()[0] || (await browserContext.newPage());
  page.setDefaultTimeout(30_000);
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(e.message));
  await signInAsGuest(page, base);

  /**
   * Visible alerts and not-found pages: error and warning panels and MUI
   * Alerts (role="alert"), and the Backstage UI alerts of the new frontend
   * system's pages (warning or danger status; they have no alert role).
   */
  const problemsOnPage = async () => {
    const alerts = await page
      .locator(
        [
          '[role="alert"]:visible',
          '.bui-Alert[data-status="warning"]:visible',
          '.bui-Alert[data-status="danger"]:visible',
        ].join(', '),
      )
      .allTextContents();
    const body = await page.locator('body').innerText();
    const notFound =
      /PAGE NOT FOUND|NotImplementedError|No implementation available for apiRef/.test(
        body,
      );
    return [
      ...alerts.map(a => `alert: ${a.slice(0, 200)}`),
      ...(notFound ? ['not found / not implemented text on the page'] : []),
    ];
  };

  await test('the panel detector sees a warning panel (an entity that does not exist)', async () => {
    await page.goto(`${base}/catalog/default/component/no-such-entity-e2e`);
    await page.waitForLoadState('networkidle');
    await until(
      'a warning panel',
      async () => (await problemsOnPage()).length > 0,
      30_000,
      500,
    );
  });

  for (const [what, ref] of picks) {
    await test(`entity page of ${what} (${ref}): no error or warning panel`, async () => {
      const errorsBefore = pageErrors.length;
      await page.goto(`${base}${pathOf(ref)}`);
      const name = ref.split('/').pop();
      // the header names the entity, the Overview tab is there
      await entityTab(page, 'Overview').waitFor();
      await page.waitForLoadState('networkidle');
      // late panels (cards load their data after the page)
      await page.waitForTimeout(1500);
      const problems = await problemsOnPage();
      assert(problems.length === 0, `${name}: ${problems.join(' | ')}`);
      assert(
        pageErrors.length === errorsBefore,
        `page errors: ${pageErrors.slice(errorsBefore).join(' | ')}`,
      );
    });
  }

  await test(`the pilot in scope only through its model dependency (${depOnly}) has the readiness card and tab`, async () => {
    const card = (
      await http(
        `/api/ai-readiness/scorecards/${pathOf(depOnly)
          .split('/')
          .slice(2)
          .join('/')}`,
        { token },
      )
    ).json;
    assert(card && card.level, `the API has no scorecard for ${depOnly}`);
    await page.goto(`${base}${pathOf(depOnly)}`);
    await page.getByRole('link', { name: /View readiness details/ }).waitFor();
    await entityTab(page, 'AI readiness').click();
    await page.waitForURL(`${base}${pathOf(depOnly)}/ai-readiness`);
    const badge = page.getByTestId('level-badge').first();
    await badge.waitFor();
    const text = (await badge.textContent()).trim();
    assert(
      text === `${card.level} · ${card.levelName}`,
      `the tab says "${text}", the API ${card.level} · ${card.levelName}`,
    );
    const problems = await problemsOnPage();
    assert(problems.length === 0, problems.join(' | '));
    if (writeScreenshots) {
      // tall enough for the About card, the relations graph and the readiness card
      await page.setViewportSize({ width: 1440, height: 1500 });
      await page.goto(`${base}${pathOf(depOnly)}`);
      await page
        .getByRole('link', { name: /View readiness details/ })
        .waitFor();
      await page.waitForLoadState('networkidle');
      await page.locator('[data-testid="node"]').first().waitFor();
      await page.waitForTimeout(1000);
      await page.screenshot({
        path: path.join(root, 'docs', 'pilot-overview.png'),
      });
      await page.setViewportSize({ width: 1440, height: 1000 });
    }
  });

  await test('the teams × dimensions heatmap fits its card at 1440 px', async () => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`${base}/ai-readiness`);
    const heatmap = page.getByTestId('heatmap');
    await heatmap.waitFor();
    await page.getByTestId('pilot-row').first().waitFor();
    const size = await heatmap.evaluate(table => ({
      table: table.scrollWidth,
      box: table.parentElement.clientWidth,
    }));
    assert(
      size.table <= size.box,
      `the heatmap is ${size.table} px wide in a ${size.box} px box: its last column is cut`,
    );
    await page.screenshot({ path: path.join(tmp, 'org-page-1440.png') });
  });

  await test("`ai-readiness check examples/ --config app-config.yaml` gives the portal's levels and scores", async () => {
    const cli = spawnSync(
      process.execPath,
      [
        path.join(root, 'packages', 'cli', 'bin', 'ai-readiness'),
        'check',
        'examples/',
        '--config',
        'app-config.yaml',
        '--format',
        'json',
      ],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    assert(cli.status === 0, `the CLI exited ${cli.status}: ${cli.stderr}`);
    const fromCli = Object.fromEntries(
      JSON.parse(cli.stdout).scorecards.map(c => [
        c.entityRef,
        `${c.level} ${c.score}`,
      ]),
    );
    const list = await http('/api/ai-readiness/scorecards?limit=500', {
      token,
    });
    const fromPortal = Object.fromEntries(
      list.json.items.map(c => [c.entityRef, `${c.level} ${c.score}`]),
    );
    assert(
      Object.keys(fromCli).length >= 12,
      `the CLI scored only ${Object.keys(fromCli).length} pilots`,
    );
    const refs = [
      ...new Set([...Object.keys(fromCli), ...Object.keys(fromPortal)]),
    ].sort();
    const diff = refs.filter(r => fromCli[r] !== fromPortal[r]);
    assert(
      diff.length === 0,
      `portal ≠ CLI: ${diff
        .map(r => `${r}: portal ${fromPortal[r]}, CLI ${fromCli[r]}`)
        .join('; ')}`,
    );
    log(
      `${refs.length} pilots: same level and score in the portal and the CLI`,
    );
  });

  await test('no uncaught page error', async () => {
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  });
}

async function cleanup() {
  if (browserContext) await browserContext.close().catch(() => {});
  if (portal) await portal.stop();
}

runMain(main, {
  name: 'portal run',
  cleanup,
  tmp,
  onFailure: () => log(`logs and screenshots in ${tmp}`),
});

#!/usr/bin/env node
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
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..', '..');
const port = Number(process.env.AI_READINESS_E2E_PORT || 7400);
const base = `http://localhost:${port}`;
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const writeScreenshots = process.env.E2E_KEEP_SCREENSHOTS !== '0';

const results = [];
let portal = null;
let browserContext = null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-e2e-'));
const portalLog = path.join(tmp, 'portal.log');

function log(msg) {
  process.stdout.write(`[e2e] ${msg}\n`);
}

async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`PASS ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return true;
  } catch (e) {
    results.push({ name, ok: false, error: e });
    log(`FAIL ${name}: ${e && e.message ? e.message : e}`);
    return false;
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; throws with the last error after timeoutMs. */
async function until(what, fn, timeoutMs, intervalMs = 1000) {
  const t0 = Date.now();
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${
          last ? `: ${last.message}` : ''
        }`,
      );
    }
    await sleep(intervalMs);
  }
}

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

// ---- the portal ------------------------------------------------------------

/**
 * Builds the app (unless SKIP_APP_BUILD and a build exists), then runs the
 * backend from source the way `backstage-cli package start` does, but without
 * its file watcher: edits elsewhere in the checkout must not restart the
 * server (and empty its in-memory database) in the middle of a test.
 */
async function startPortal(extraConfig) {
  const overlay = path.join(tmp, 'app-config.e2e.yaml');
  fs.writeFileSync(
    overlay,
    [
      'app:',
      `  baseUrl: ${base}`,
      'backend:',
      `  baseUrl: ${base}`,
      '  listen:',
      `    port: ${port}`,
      '  cors:',
      `    origin: ${base}`,
      '  database:',
      '    client: better-sqlite3',
      "    connection: ':memory:'",
      extraConfig,
    ].join('\n'),
  );
  const out = fs.openSync(portalLog, 'a');
  const dist = path.join(root, 'packages', 'app', 'dist', 'index.html');
  if (process.env.SKIP_APP_BUILD && fs.existsSync(dist)) {
    log('reusing packages/app/dist (SKIP_APP_BUILD)');
  } else {
    log('building the app (npm run build -w app) ...');
    const t0 = Date.now();
    const code = await new Promise(resolve => {
      const b = spawn('npm', ['run', 'build', '-w', 'app'], {
        cwd: root,
        stdio: ['ignore', out, out],
      });
      b.on('exit', resolve);
      b.on('error', () => resolve(1));
    });
    if (code !== 0)
      throw new Error(
        `npm run build -w app failed (${code}); log: ${portalLog}`,
      );
    log(`app built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
    {
      paths: [
        require.resolve('@backstage/cli/package.json', { paths: [root] }),
      ],
    },
  );
  const backendDir = path.join(root, 'packages', 'backend');
  portal = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      transform,
      path.join(backendDir, 'src', 'index.ts'),
      ...['app-config.yaml', 'app-config.start.yaml', overlay].flatMap(c => [
        '--config',
        path.resolve(root, c),
      ]),
    ],
    {
      cwd: backendDir,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        ESBK_TSCONFIG_PATH: path.join(root, 'tsconfig.json'),
      },
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  portal.on('exit', code => {
    if (portal) log(`the portal exited (${code}); log: ${portalLog}`);
    portal = null;
  });
}

async function stopPortal() {
  const p = portal;
  if (!p) return;
  portal = null;
  try {
    process.kill(-p.pid, 'SIGTERM');
  } catch {
    return;
  }
  const exited = await Promise.race([
    new Promise(r => p.once('exit', () => r(true))),
    sleep(15000).then(() => false),
  ]);
  if (!exited) {
    try {
      process.kill(-p.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

async function http(pathname, { token, method = 'GET', body } = {}) {
  const res = await fetch(`${base}${pathname}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      'X-Requested-With': 'XMLHttpRequest',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

async function guestToken() {
  const res = await http('/api/auth/guest/refresh');
  const token =
    res.json && res.json.backstageIdentity && res.json.backstageIdentity.token;
  assert(
    token,
    `no guest token from /api/auth/guest/refresh (${
      res.status
    } ${res.text.slice(0, 200)})`,
  );
  return token;
}

// ---- main ------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `${chromiumPath} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  const { chromium } = require('playwright-core');

  let probe = findUnsafeUrlPilot();
  let catalogOverlay = '';
  if (!probe) {
    // The examples carry no javascript: URL (yet): add one pilot that does.
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

  log(`starting the portal on ${base} (log: ${portalLog}) ...`);
  await startPortal(
    [
      'aiReadiness:',
      '  schedule:',
      '    frequency: { minutes: 30 }',
      '    initialDelay: { seconds: 3 }',
      catalogOverlay,
    ].join('\n'),
  );

  let token;
  const started =
    await test('the portal starts and serves the app', async () => {
      await until(
        'the backend readiness check and the app',
        async () => {
          if (!portal) throw new Error('the portal exited');
          const ready = await fetch(
            `${base}/.backstage/health/v1/readiness`,
          ).catch(() => null);
          if (!ready || ready.status !== 200) return false;
          const index = await fetch(`${base}/`).catch(() => null);
          return (
            index &&
            index.status === 200 &&
            /<div id="root">/.test(await index.text())
          );
        },
        300_000,
      );
      token = await guestToken();
    });
  if (!started) return;

  await test('the catalog is ingested and every pilot is scored', async () => {
    // The catalog count settles first, then a full refresh scores everything.
    let last = -1;
    let stable = 0;
    await until(
      'the catalog to settle',
      async () => {
        const r = await http('/api/catalog/entities/by-query?limit=1', {
          token,
        });
        const n = r.json && r.json.totalItems;
        stable = n === last && n > 0 ? stable + 1 : 0;
        last = n;
        return stable >= 3;
      },
      180_000,
    );
    const pilot = await http(
      `/api/catalog/entities/by-name/component/${probe.namespace}/${probe.name}`,
      { token },
    );
    assert(
      pilot.status === 200,
      `${pilotRef} is not in the catalog (${pilot.status})`,
    );
    const refresh = await http('/api/ai-readiness/refresh', {
      token,
      method: 'POST',
      body: {},
    });
    assert(
      refresh.status === 202,
      `POST /refresh answered ${refresh.status}: ${refresh.text}`,
    );
    let lastCount = -1;
    let same = 0;
    await until(
      'the scorecards to be stored',
      async () => {
        const r = await http('/api/ai-readiness/scorecards?limit=1', { token });
        const n = r.json && r.json.totalCount;
        same = n === lastCount && n > 0 ? same + 1 : 0;
        lastCount = n;
        return same >= 3;
      },
      180_000,
    );
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
    log(`${lastCount} scorecards stored, ${last} catalog entities`);
  });

  const expected = (
    await http(
      `/api/ai-readiness/scorecards/${probe.namespace}/component/${probe.name}`,
      { token },
    )
  ).json;
  assert(expected && expected.level, `no scorecard for ${pilotRef}`);

  browserContext = await chromium.launchPersistentContext(
    path.join(tmp, 'profile'),
    {
      executablePath: chromiumPath,
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
    await page.goto(`${base}/catalog`);
    const enter = page.getByRole('button', { name: 'Enter' });
    // The sign-in page may be skipped when a session exists already.
    if (await enter.isVisible({ timeout: 15_000 }).catch(() => false))
      await enter.click();
    await page.getByRole('link', { name: 'AI readiness' }).first().waitFor();
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
    await page.getByRole('tab', { name: 'AI readiness' }).waitFor();
    await page
      .getByRole('img', { name: /Score and level over time/ })
      .waitFor();
  });

  await test('the javascript: URL from an annotation is text, not a link (tab)', async () => {
    await page.getByText(probe.url, { exact: false }).first().waitFor();
    await noJavascriptLinks('the readiness tab');
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
  await stopPortal();
}

process.on('SIGINT', () => cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => cleanup().then(() => process.exit(143)));

main()
  .catch(e => {
    results.push({ name: 'e2e run', ok: false, error: e });
    log(`ERROR ${e && e.stack ? e.stack : e}`);
  })
  .then(cleanup)
  .then(() => {
    const failed = results.filter(r => !r.ok).length;
    if (failed) {
      log(`portal log: ${portalLog}`);
      try {
        const tail = fs
          .readFileSync(portalLog, 'utf8')
          .split('\n')
          .slice(-40)
          .join('\n');
        process.stdout.write(`${tail}\n`);
      } catch {
        /* no log */
      }
    } else {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  });

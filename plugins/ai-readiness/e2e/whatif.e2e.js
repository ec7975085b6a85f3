#!/usr/bin/env node
/* eslint-disable no-console */ // a CLI script
/*
 * Browser test of "Preview a change" (the what-if editor) against the real
 * portal.
 *
 *   node plugins/ai-readiness/e2e/whatif.e2e.js
 *
 * Starts the portal (see lib/portal.js) on port 7232 (AI_READINESS_E2E_PORT),
 * with the repository's example catalog; picks a stored pilot and, through
 * POST /evaluate, an annotation whose removal changes its level; then, in
 * headless Chromium, opens the pilot's readiness tab, opens the preview,
 * removes that annotation line in the editor, sees the level change, then
 * adds a duplicate key and sees the YAML error at its line.
 * Prints "N passed, M failed"; exits 1 on any failure.
 *
 * Environment: AI_READINESS_E2E_PORT (7232), SKIP_APP_BUILD=1 (reuse
 * packages/app/dist), CHROMIUM_PATH (/usr/bin/chromium).
 */
const fs = require('fs');
const { stringify } = require('yaml');
const os = require('os');
const path = require('path');
const {
  startExamplePortal,
  launchChromium,
  signInAsGuest,
} = require('./lib/portal');
const { createHarness } = require('./lib/harness');

const port = Number(process.env.AI_READINESS_E2E_PORT || 7232);
const { log, test, assert, runMain } = createHarness('e2e');
let portal = null;
let browserContext = null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-whatif-'));

async function evaluateYaml(base, token, yaml) {
  const res = await fetch(`${base}/api/ai-readiness/evaluate`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/yaml',
    },
    body: yaml,
  });
  assert(res.status === 200, `POST /evaluate answered ${res.status}`);
  return res.json();
}

/** The lines CodeMirror renders (those in view). */
async function visibleEditorText(page) {
  const lines = await page.locator('.cm-content .cm-line').allInnerTexts();
  return lines.map(l => l.replace(/\u200b/g, '')).join('\n');
}

/** The entity as its owner wrote it (what the preview starts from). */
function ownersYaml(entity, dropAnnotation) {
  const { relations, status, ...rest } = entity;
  const { uid, etag, generation, ...metadata } = rest.metadata;
  const annotations = { ...metadata.annotations };
  for (const key of Object.keys(annotations)) {
    if (key.startsWith('backstage.io/managed-by-') || key === dropAnnotation)
      delete annotations[key];
  }
  return stringify({ ...rest, metadata: { ...metadata, annotations } });
}

async function replaceEditorText(page, text) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

async function main() {
  portal = await startExamplePortal({ port, tmpDir: tmp, log });
  const { base, http } = portal;
  let token;
  const started = await test('the portal starts', async () => {
    await portal.waitReady();
    token = await portal.guestToken();
    await portal.waitForCatalog(token);
    await portal.refreshAll(token);
  });
  if (!started) return;

  // The highest-scored pilot: removing one of its annotations lowers its level.
  const top = (
    await http(
      '/api/ai-readiness/scorecards?limit=1&orderBy=score&order=desc',
      {
        token,
      },
    )
  ).json.items[0];
  assert(top, 'no stored scorecard');
  const [kind, rest] = top.entityRef.split(':');
  const [namespace, name] = rest.split('/');
  log(`pilot under test: ${top.entityRef} (${top.level}, score ${top.score})`);

  browserContext = await launchChromium(path.join(tmp, 'profile'));
  const page = browserContext.pages()[0] || (await browserContext.newPage());
  page.setDefaultTimeout(60_000);
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(e.message));

  await test('guest sign-in', async () => {
    await signInAsGuest(page, base);
  });

  const entity = (
    await http(`/api/catalog/entities/by-name/${kind}/${namespace}/${name}`, {
      token,
    })
  ).json;
  assert(entity && entity.metadata, `${top.entityRef} is not in the catalog`);

  await test('the preview opens with the entity as its owner wrote it', async () => {
    await page.goto(
      `${base}/catalog/${namespace}/${kind}/${name}/ai-readiness`,
    );
    await page.getByRole('button', { name: 'Preview a change' }).click();
    await page.locator('.cm-content').waitFor();
    await page.getByTestId('whatif-level').waitFor();
    const shown = await visibleEditorText(page);
    assert(shown.startsWith('apiVersion:'), `the editor shows: ${shown}`);
    assert(shown.includes(`name: ${name}`), 'the editor lacks the entity name');
    assert(!/^\s*uid:/m.test(shown), 'the editor shows metadata.uid');
    assert(
      !shown.includes('managed-by-location'),
      'the editor shows managed-by annotations',
    );
    const same = (await page.getByTestId('whatif-level').textContent()) || '';
    assert(
      same.includes(`${top.level} → ${top.level}`),
      `unchanged draft: ${same}`,
    );
  });

  let edit;
  await test('editing an annotation in the preview changes the level', async () => {
    // An annotation whose removal changes the level (asked of the API).
    for (const key of Object.keys(entity.metadata.annotations || {})) {
      if (!key.startsWith('ai-readiness/')) continue;
      const text = ownersYaml(entity, key);
      const answer = await evaluateYaml(base, token, text);
      const card = answer.scorecards[0];
      if (card && card.level !== top.level) {
        edit = { key, text, level: card.level };
        break;
      }
    }
    assert(edit, 'no annotation of the pilot changes its level');
    log(`without ${edit.key}: ${top.level} → ${edit.level}`);
    await replaceEditorText(page, edit.text);
    await page
      .getByTestId('whatif-level')
      .filter({ hasText: `${top.level} → ${edit.level}` })
      .waitFor();
    const changes = await page.getByTestId('whatif-changes').textContent();
    assert(changes && changes.length > 0, 'no changed check listed');
  });

  await test('a YAML error shows at its line', async () => {
    const start = edit ? edit.text : ownersYaml(entity);
    const lines = start.replace(/\n+$/, '').split('\n');
    const text = `${lines.join('\n')}\nkind: Component\n`;
    const line = lines.length + 1;
    await replaceEditorText(page, text);
    const errors = page.getByTestId('whatif-errors');
    await errors.filter({ hasText: `Line ${line}:` }).waitFor();
    log(`error shown: ${(await errors.textContent()).trim()}`);
  });

  await test('the app raised no error', async () => {
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
    if (portal) log(`portal log: ${portal.logFile}`);
  },
});

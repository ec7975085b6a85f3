/*
 * "Preview a change" (the what-if editor) on the example portal's
 * highest-scored pilot: the draft starts as the owner wrote the entity,
 * removing an annotation changes the level as POST /evaluate says, and a
 * YAML error shows at its line.
 */
import { Page } from '@playwright/test';
import { stringify } from 'yaml';
import { test, expect } from './support/fixtures';
import { Api } from './support/api';

/** The lines CodeMirror renders (those in view). */
async function editorText(page: Page) {
  const lines = await page.locator('.cm-content .cm-line').allInnerTexts();
  return lines.map(l => l.replace(/\u200b/g, '')).join('\n');
}

async function replaceEditorText(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** The entity as its owner wrote it (what the preview starts from), less one annotation. */
function ownersYaml(entity: any, dropAnnotation?: string) {
  const { relations, status, ...rest } = entity;
  const { uid, etag, generation, ...metadata } = rest.metadata;
  const annotations = { ...metadata.annotations };
  for (const key of Object.keys(annotations)) {
    if (key.startsWith('backstage.io/managed-by-') || key === dropAnnotation)
      delete annotations[key];
  }
  return stringify({ ...rest, metadata: { ...metadata, annotations } });
}

async function evaluateYaml(api: Api, baseURL: string, yaml: string) {
  const res = await fetch(`${baseURL}/api/ai-readiness/evaluate`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${api.token}`,
      'Content-Type': 'application/yaml',
    },
    body: yaml,
  });
  expect(res.status).toBe(200);
  return res.json();
}

test('the preview follows edits: an annotation removed changes the level, a YAML error shows at its line', async ({
  page,
  api,
  baseURL,
}) => {
  const top = (
    await api.get(
      '/api/ai-readiness/scorecards?limit=1&orderBy=score&order=desc',
    )
  ).items[0];
  const [kind, rest] = top.entityRef.split(':');
  const [namespace, name] = rest.split('/');
  const entity = await api.get(
    `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
  );

  await test.step('the preview opens with the entity as its owner wrote it', async () => {
    await page.goto(`/catalog/${namespace}/${kind}/${name}/ai-readiness`);
    await page.getByRole('button', { name: 'Preview a change' }).click();
    await expect(page.getByTestId('whatif-level')).toContainText(
      `${top.level} → ${top.level}`,
    );
    const shown = await editorText(page);
    expect(shown.startsWith('apiVersion:'), shown).toBe(true);
    expect(shown).toContain(`name: ${name}`);
    expect(shown).not.toMatch(/^\s*uid:/m);
    expect(shown).not.toContain('managed-by-location');
  });

  let edited = ownersYaml(entity);
  await test.step('removing an annotation changes the level', async () => {
    let edit: { key: string; text: string; level: string } | undefined;
    for (const key of Object.keys(entity.metadata.annotations ?? {})) {
      if (!key.startsWith('ai-readiness/')) continue;
      const text = ownersYaml(entity, key);
      const card = (await evaluateYaml(api, baseURL!, text)).scorecards[0];
      if (card && card.level !== top.level) {
        edit = { key, text, level: card.level };
        break;
      }
    }
    expect(
      edit,
      `an ai-readiness/ annotation of ${top.entityRef} whose removal changes its level`,
    ).toBeTruthy();
    await replaceEditorText(page, edit!.text);
    await expect(page.getByTestId('whatif-level')).toContainText(
      `${top.level} → ${edit!.level}`,
    );
    await expect(page.getByTestId('whatif-changes')).not.toBeEmpty();
    edited = edit!.text;
  });

  await test.step('a YAML error shows at its line', async () => {
    const lines = edited.replace(/\n+$/, '').split('\n');
    await replaceEditorText(page, `${lines.join('\n')}\nkind: Component\n`);
    await expect(page.getByTestId('whatif-errors')).toContainText(
      `Line ${lines.length + 1}:`,
    );
  });
});

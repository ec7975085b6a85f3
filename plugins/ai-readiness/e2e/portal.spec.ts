/*
 * The example portal as a newcomer meets it: no error or warning panel on
 * an entity page of any kind (the detector itself is proven on a page made to
 * fail), the pilot that is one only through its model dependency, the
 * heatmap's width, and the CLI giving the portal's levels and scores.
 */
import { spawnSync } from 'child_process';
import { stringifyEntityRef } from '@backstage/catalog-model';
import fs from 'fs';
import path from 'path';
import { test, expect } from './support/fixtures';
import { entityPath } from './support/api';
import {
  entityTab,
  openInApp,
  problemsOnPage,
  waitUntilSettled,
} from './support/panels';
import {
  dependencyOnlyPilot,
  docsScreenshot,
  repoRoot,
} from './support/examples';

test('the panel detector sees the warning panel of an entity that does not exist, loaded or opened in the app', async ({
  page,
}) => {
  await page.goto('/catalog/default/component/no-such-entity-e2e');
  await expect.poll(() => problemsOnPage(page)).not.toEqual([]);
  // opened inside the app, as the next test opens its pages: a good page
  // leaves no panel behind, a missing entity shows one
  await openInApp(page, entityPath(dependencyOnlyPilot()));
  await expect(entityTab(page, 'Overview')).toBeVisible();
  await waitUntilSettled(page);
  expect(await problemsOnPage(page)).toEqual([]);
  await openInApp(page, '/catalog/default/component/no-such-entity-e2e-2');
  await expect.poll(() => problemsOnPage(page)).not.toEqual([]);
});

test('no entity page of any kind or Component type shows an error or warning panel', async ({
  page,
  api,
}) => {
  // one entity of every kind and of every Component spec.type, first by name
  const all: any[] = [];
  let cursor: string | undefined;
  do {
    const r = await api.get(
      `/api/catalog/entities/by-query?limit=500&fields=kind,metadata.namespace,metadata.name,metadata.title,spec.type,spec.profile.displayName${
        cursor ? `&cursor=${cursor}` : ''
      }`,
    );
    all.push(...r.items);
    cursor = r.pageInfo?.nextCursor;
  } while (cursor);
  // what the entity page's header shows as its heading
  const headings = new Map<string, string>(
    all.map(e => [
      stringifyEntityRef(e),
      e.spec?.profile?.displayName ?? e.metadata.title ?? e.metadata.name,
    ]),
  );
  const picks = new Map<string, string>();
  for (const e of all.sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  )) {
    const key =
      e.kind === 'Component' ? `Component/${e.spec?.type ?? '-'}` : e.kind;
    if (!picks.has(key)) picks.set(key, stringifyEntityRef(e));
  }
  picks.set('dependency-only pilot', dependencyOnlyPilot());
  test.setTimeout(60_000 * (picks.size + 1));
  expect(
    picks.size,
    'kinds and Component types in the example catalog',
  ).toBeGreaterThan(4);

  // The first page is loaded from its address; the others are opened inside
  // the app, as a link does, without loading the app again.
  const problems: string[] = [];
  for (const [i, [what, ref]] of [...picks].entries()) {
    await test.step(`${what}: ${ref}`, async () => {
      if (i === 0) await page.goto(entityPath(ref));
      else await openInApp(page, entityPath(ref));
      await expect(
        page
          .getByRole('heading', { name: headings.get(ref), exact: true })
          .first(),
      ).toBeVisible();
      await expect(entityTab(page, 'Overview')).toBeVisible();
      // cards load their data after the page: their panels come late
      await waitUntilSettled(page);
      for (const p of await problemsOnPage(page)) problems.push(`${ref}: ${p}`);
    });
  }
  expect(problems).toEqual([]);
});

test('the pilot in scope only through its model dependency has the readiness card and tab', async ({
  page,
  api,
}) => {
  const ref = dependencyOnlyPilot();
  const card = await api.get(
    `/api/ai-readiness/scorecards/${entityPath(ref)
      .split('/')
      .slice(2)
      .join('/')}`,
  );
  await page.goto(entityPath(ref));
  await expect(
    page.getByRole('link', { name: /View readiness details/ }),
  ).toBeVisible();
  const screenshot = docsScreenshot('pilot-overview.png');
  if (screenshot) {
    // tall enough for the About card, the relations graph and the readiness card
    await page.setViewportSize({ width: 1440, height: 1500 });
    await waitUntilSettled(page);
    await expect(page.locator('[data-testid="node"]').first()).toBeVisible();
    await page.screenshot({ path: screenshot });
  }
  await entityTab(page, 'AI readiness').click();
  await expect(page).toHaveURL(`${entityPath(ref)}/ai-readiness`);
  await expect(page.getByTestId('level-badge').first()).toHaveText(
    `${card.level} · ${card.levelName}`,
  );
  expect(await problemsOnPage(page)).toEqual([]);
});

test('the teams × dimensions heatmap fits its card at 1440 px', async ({
  page,
}) => {
  await page.goto('/ai-readiness');
  const heatmap = page.getByTestId('heatmap');
  await expect(page.getByTestId('pilot-row').first()).toBeVisible();
  const size = await heatmap.evaluate(table => ({
    table: table.scrollWidth,
    box: table.parentElement!.clientWidth,
  }));
  expect(
    size.table,
    `the heatmap is ${size.table} px wide in a ${size.box} px box`,
  ).toBeLessThanOrEqual(size.box);
});

test("`ai-readiness check examples/ --config app-config.yaml --waivers` gives the portal's levels and scores", async ({
  api,
}, testInfo) => {
  // The requests the portal approved are an input to evaluation, as the
  // configuration is: the CLI reads them from the portal's own answer.
  const approved = await api.get(
    '/api/ai-readiness/waivers?state=approved&limit=500',
  );
  expect(approved.items.length).toBeGreaterThanOrEqual(1);
  const waivers = testInfo.outputPath('approved-waivers.json');
  fs.writeFileSync(waivers, JSON.stringify(approved));
  const cli = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'packages', 'cli', 'bin', 'ai-readiness'),
      'check',
      'examples/',
      '--config',
      'app-config.yaml',
      '--waivers',
      waivers,
      '--format',
      'json',
    ],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  expect(cli.status, cli.stderr).toBe(0);
  const fromCli = Object.fromEntries(
    JSON.parse(cli.stdout).scorecards.map((c: any) => [
      c.entityRef,
      `${c.level} ${c.score}`,
    ]),
  );
  const list = await api.get('/api/ai-readiness/scorecards?limit=500');
  const fromPortal = Object.fromEntries(
    list.items.map((c: any) => [c.entityRef, `${c.level} ${c.score}`]),
  );
  expect(Object.keys(fromCli).length).toBeGreaterThanOrEqual(12);
  expect(fromCli).toEqual(fromPortal);
});

/*
 * The browser tests' `test`: Playwright's, with
 *   - `api`: the portal's REST API as guest (worker-scoped),
 *   - `page`: a new page signed in as guest (the saved storage state), in a
 *     persistent browser context (a profile on disk) shared by the worker's
 *     tests, so that the app's scripts load from the cache, compiled, after
 *     the first test; the test fails on any uncaught error in the app and on
 *     any dialog (an `alert` run by catalog data); its requests are counted
 *     for `waitUntilSettled`.
 */
import { BrowserContext, test as base, expect } from '@playwright/test';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Api, guestApi } from './api';
import { trackRequests } from './panels';

/** An origin's local storage in a saved storage state. */
interface SavedOrigin {
  origin: string;
  localStorage: { name: string; value: string }[];
}

export const test = base.extend<
  { pageProblems: string[] },
  { api: Api; sharedContext: BrowserContext }
>({
  api: [
    async ({}, use, workerInfo) => {
      const api = await guestApi(workerInfo.project.use.baseURL!);
      await use(api);
      await api.dispose();
    },
    { scope: 'worker' },
  ],
  sharedContext: [
    async ({ playwright }, use, workerInfo) => {
      const { baseURL, viewport, storageState, launchOptions } =
        workerInfo.project.use;
      // A profile on disk keeps Chromium's cache of compiled scripts between
      // the worker's tests: every test's page starts the app sooner.
      const profile = fs.mkdtempSync(
        path.join(os.tmpdir(), 'ai-readiness-e2e-profile-'),
      );
      const context = await playwright.chromium.launchPersistentContext(
        profile,
        { ...launchOptions, baseURL, viewport },
      );
      // the saved guest session (globalSetup), as `storageState` gives it
      const saved = JSON.parse(fs.readFileSync(storageState as string, 'utf8'));
      await context.addCookies(saved.cookies);
      await context.addInitScript((origins: SavedOrigin[]) => {
        const here = origins.find(o => o.origin === window.location.origin);
        for (const { name, value } of here?.localStorage ?? []) {
          if (window.localStorage.getItem(name) === null)
            window.localStorage.setItem(name, value);
        }
      }, saved.origins as SavedOrigin[]);
      await use(context);
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  pageProblems: async ({}, use) => {
    await use([]);
  },
  page: async ({ sharedContext, pageProblems }, use) => {
    const page = await sharedContext.newPage();
    trackRequests(page);
    page.on('pageerror', e => pageProblems.push(`page error: ${e.message}`));
    page.on('dialog', d => {
      pageProblems.push(`dialog: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
    await use(page);
    await page.close();
    expect(pageProblems, 'errors raised in the app').toEqual([]);
  },
});

export { expect };

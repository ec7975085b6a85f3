/*
 * The browser tests' `test`: Playwright's, with
 *   - `api`: the portal's REST API as guest (worker-scoped),
 *   - `page`: a new page signed in as guest (the saved storage state), in a
 *     browser context shared by the worker's tests so that the app's scripts
 *     load from the cache after the first test; the test fails on any
 *     uncaught error in the app and on any dialog (an `alert` run by catalog
 *     data); its requests are counted for `waitUntilSettled`.
 */
import { BrowserContext, test as base, expect } from '@playwright/test';
import { Api, guestApi } from './api';
import { trackRequests } from './panels';

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
    async ({ browser }, use, workerInfo) => {
      const { baseURL, viewport, storageState } = workerInfo.project.use;
      const context = await browser.newContext({
        baseURL,
        viewport,
        storageState,
      });
      await use(context);
      await context.close();
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

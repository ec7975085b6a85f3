/*
 * Before the specs: the portal's example catalog is ingested and scored
 * once, and a guest session is saved as the browser's storage state
 * (playwright.config.ts `use.storageState`).
 */
import { chromium, FullConfig } from '@playwright/test';
import { catalogScored, guestApi } from './api';

export default async function globalSetup(config: FullConfig) {
  const { baseURL, storageState, launchOptions } = config.projects[0].use;
  const api = await guestApi(baseURL!);
  const { entities, scorecards } = await catalogScored(api);
  await api.dispose();
  process.stdout.write(
    `[e2e] portal at ${baseURL}: ${entities} catalog entities, ${scorecards} scorecards\n`,
  );

  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ baseURL });
  await page.goto('/catalog');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'AI readiness' }).first().waitFor();
  await page.context().storageState({ path: storageState as string });
  await browser.close();
}

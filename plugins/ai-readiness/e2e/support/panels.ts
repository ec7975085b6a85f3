/*
 * What a newcomer must never see on an entity page: an error or warning
 * panel (WarningPanel, ErrorPanel, ResponseErrorPanel and MUI Alerts all
 * render role="alert"), a "not found" page or a missing API implementation.
 */
import { Page } from '@playwright/test';

export async function problemsOnPage(page: Page): Promise<string[]> {
  const alerts = await page.locator('[role="alert"]:visible').allTextContents();
  const body = await page.locator('body').innerText();
  const notFound =
    /PAGE NOT FOUND|NotImplementedError|No implementation available for apiRef/.test(
      body,
    );
  return [
    ...alerts.map(a => `alert: ${a.slice(0, 200)}`),
    ...(notFound ? ['not found / not implemented text on the page'] : []),
  ];
}

/*
 * What a newcomer must never see on an entity page: an error or warning
 * panel (WarningPanel, ErrorPanel, ResponseErrorPanel and MUI Alerts all
 * render role="alert"; the Backstage UI alerts of the new frontend system's
 * pages have no alert role, so they count by their warning or danger status),
 * a "not found" page or a missing API implementation.
 */
import { Page } from '@playwright/test';

export const PANELS = [
  '[role="alert"]:visible',
  '.bui-Alert[data-status="warning"]:visible',
  '.bui-Alert[data-status="danger"]:visible',
].join(', ');

/** The texts of the visible error and warning panels. */
export async function panelsOnPage(page: Page): Promise<string[]> {
  return page.locator(PANELS).allTextContents();
}

export async function problemsOnPage(page: Page): Promise<string[]> {
  const alerts = await panelsOnPage(page);
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

/**
 * A tab of an entity page by its title. The new frontend system's entity
 * page lists its tabs as links in the header's "Content navigation" (not
 * role="tab"); scoped to it, "AI readiness" is the tab, not the sidebar item.
 */
export function entityTab(page: Page, title: string) {
  return page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: title, exact: true });
}

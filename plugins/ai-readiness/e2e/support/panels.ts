/*
 * What a newcomer must never see on an entity page: an error or warning
 * panel (WarningPanel, ErrorPanel, ResponseErrorPanel and MUI Alerts all
 * render role="alert"; the Backstage UI alerts of the new frontend system's
 * pages have no alert role, so they count by their warning or danger status),
 * a "not found" page or a missing API implementation.
 */
import { Page, expect } from '@playwright/test';

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

/** Requests in flight per page, and when that count last changed. */
const traffic = new WeakMap<Page, { inFlight: number; changedAt: number }>();

/** Counts the page's requests from now on (the page fixture calls it). */
export function trackRequests(page: Page) {
  const state = { inFlight: 0, changedAt: Date.now() };
  const change = (delta: number) => {
    state.inFlight += delta;
    state.changedAt = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  traffic.set(page, state);
}

/** An indeterminate MUI progress (Backstage's `Progress`): a card still loading. */
const LOADING = '[role="progressbar"]:not([aria-valuenow]):visible';

/**
 * Waits until the page has had no request in flight for half a second and
 * shows no loading indicator: every card has its data and shows what it
 * made of it, so a late error panel is on the page by then. Unlike
 * Playwright's `networkidle`, which is reached once per navigation, this
 * watches the requests the cards make after the page has loaded.
 */
export async function waitUntilSettled(page: Page, quietMs = 500) {
  const state = traffic.get(page);
  if (!state) throw new Error('trackRequests(page) was not called');
  await expect
    .poll(
      async () =>
        state.inFlight <= 0 &&
        Date.now() - state.changedAt >= quietMs &&
        (await page.locator(LOADING).count()) === 0,
      {
        message: 'the page settles (no request, no progress)',
        intervals: [100],
      },
    )
    .toBe(true);
}

/**
 * Opens a path inside the running app as a link does: the router moves to
 * it (the browser's history and a `popstate` event), without a page load.
 */
export async function openInApp(page: Page, path: string) {
  await page.evaluate(to => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
  await expect(page).toHaveURL(path);
}

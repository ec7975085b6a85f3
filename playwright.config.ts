/*
 * `npm run test:e2e`: the browser tests (plugins/*\/e2e/*.spec.ts) against
 * one example portal, started once by `webServer` (scripts/start.js: the app
 * built unless SKIP_APP_BUILD=1 finds packages/app/dist, the backend from
 * source without a file watcher, SQLite in memory, the example catalog).
 * The browser is Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH);
 * Playwright never downloads one.
 */
import { defineConfig } from '@playwright/test';
import path from 'path';

const port = Number(process.env.AI_READINESS_E2E_PORT || 7400);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: /(plugins|packages)\/[^/]+\/e2e\/.*\.spec\.ts$/,
  testIgnore: /node_modules/,
  // Two spec files at a time: much of a browser test is waiting on the
  // portal, and the restart spec runs its own backend beside the shared one.
  workers: Number(process.env.E2E_WORKERS || 2),
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: 'e2e-test-report/results.json' }],
  ],
  outputDir: 'e2e-test-report/artifacts',
  globalSetup: './plugins/ai-readiness/e2e/support/globalSetup.ts',
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1440, height: 1000 },
    storageState: path.join(__dirname, 'e2e-test-report', 'guest.json'),
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
      ],
    },
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    // A failed test keeps its trace: every action with the DOM as it was.
    // Without the screencast frames, which cost the browser more CPU than
    // the tests themselves on a two-core machine.
    trace: {
      mode: 'retain-on-failure',
      snapshots: true,
      screenshots: false,
      sources: true,
    },
  },
  webServer: {
    command: 'node scripts/start.js',
    url: `${baseURL}/.backstage/health/v1/readiness`,
    env: {
      PORT: String(port),
      WATCH: '0',
      APP_CONFIG_FILES: 'plugins/ai-readiness/e2e/app-config.e2e.yaml',
    },
    timeout: 600_000,
    reuseExistingServer: false,
    // start.js stops the backend's process group on SIGTERM
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

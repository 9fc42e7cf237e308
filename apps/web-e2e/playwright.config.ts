import { defineConfig, devices } from '@playwright/test';
import { join } from 'node:path';

const port = Number(process.env['E2E_PORT'] ?? 4310);
const root = join(__dirname, '..', '..');

/** Browser tests in the system Chromium against the built app on a database of its own. */
export default defineConfig({
  testDir: './src',
  outputDir: join(root, 'test-results'),
  // Axe runs on every page; on a busy 2-core machine a journey takes tens of seconds.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: join(root, 'tmp', 'e2e.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'da-DK',
    // Material fades messages in; axe must not judge contrast mid-animation.
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--headless=new',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node tools/e2e-server.mjs',
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});

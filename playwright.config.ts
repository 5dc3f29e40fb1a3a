import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, systemChromium } from './scripts/chromium.ts';

const executablePath = systemChromium();
// Overridable so a journey run can use its own build and port while someone else serves theirs on 4173
// (reuseExistingServer would otherwise test their build): E2E_DIST=/tmp/my-dist E2E_PORT=4179.
const port = Number(process.env.E2E_PORT ?? 4173);
export const distDir = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Journeys load whole pages on a 2-core machine that may be busy; a minute keeps them from timing out.
  timeout: 60_000,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'ar',
    // page.route() never sees what a service worker fetches, and the bad-network journeys rely on it; the
    // offline journeys (e2e/offline.spec.ts) allow the worker.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: chromiumArgs,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The production build, served by nginx with deploy/nginx.conf: the journeys test the deploy recipe.
    command: `npx tsx scripts/serve-nginx.ts --root ${distDir} --port ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

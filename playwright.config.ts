import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * A system Chromium when there is one (CHROMIUM_PATH, or Debian's /usr/bin/chromium), else Playwright's
 * own browser (`npx playwright install chromium`, which scripts/ensure-browser.ts runs when needed).
 */
export function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
}

const executablePath = systemChromium();
// Overridable so a journey run can use its own build and port while someone else previews theirs on 4173
// (reuseExistingServer would otherwise test their build): E2E_DIST=/tmp/my-dist E2E_PORT=4179.
const port = Number(process.env.E2E_PORT ?? 4173);
export const distDir = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'ar',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The production build, served as a static host would (with the index.html fallback).
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${distDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

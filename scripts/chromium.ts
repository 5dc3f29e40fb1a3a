/**
 * Which Chromium the journeys and benchmarks drive, and how: a system one when there is one
 * (CHROMIUM_PATH, or Debian's /usr/bin/chromium), else Playwright's own. The flags keep a headless
 * Chromium quiet on a machine with no network but the package registries.
 */
import { existsSync } from 'node:fs';

export function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

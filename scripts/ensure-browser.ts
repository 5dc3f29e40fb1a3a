/**
 * Makes sure the Playwright journeys have a Chromium: a system one when found (CHROMIUM_PATH, Debian's
 * /usr/bin/chromium), else Playwright's own, installed on first use. Offline machines must bring a
 * system Chromium (`apt-get install chromium`), since Playwright's download needs the internet.
 */
import { execFileSync } from 'node:child_process';
import { systemChromium } from './chromium.ts';

const found = systemChromium();
if (found) {
  console.log(`e2e: using ${found}`);
} else {
  console.log('e2e: no system Chromium found; installing Playwright\'s own');
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}

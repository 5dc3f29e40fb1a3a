/**
 * `npx tsx scripts/live/live-preview-check.ts URL CONTENT_FILE` — measures the live preview by hand: opens
 * the home page at URL in Chromium, prepends a marker to the title of the first article of CONTENT_FILE (a
 * `.txt` page), and times until the page shows it; then breaks the file (an empty title) and checks that Vite's
 * overlay names the file and line and that the page still has the last good data; then restores the file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumArgs, systemChromium } from '../chromium.ts';

const [url, file] = process.argv.slice(2);
if (!url || !file) throw new Error('usage: live-preview-check.ts URL CONTENT_FILE');
const original = await readFile(file, 'utf8');
const browser = await chromium.launch({ executablePath: systemChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByRole('heading').first().waitFor();
  const marker = `علامة${Date.now() % 100_000}`;
  const began = performance.now();
  await writeFile(file, `${marker} ${original}`);
  await page.getByText(marker).first().waitFor({ timeout: 30_000 });
  process.stdout.write(`edit to page: ${Math.round(performance.now() - began)} ms\n`);

  const lines = original.split('\n');
  // A date line with no title before it: the first article loses its title, which the ingest rejects.
  await writeFile(file, ['', ...lines.slice(1)].join('\n'));
  const overlay = page.locator('vite-error-overlay');
  await overlay.waitFor({ state: 'attached', timeout: 30_000 });
  const text = await overlay.evaluate((el) => el.shadowRoot?.textContent ?? '');
  process.stdout.write(`overlay: ${text.replace(/\s+/g, ' ').slice(0, 200)}\n`);
  process.stdout.write(`last good data still served: ${await page.getByText(marker).first().isVisible()}\n`);
} finally {
  await writeFile(file, original);
  await browser.close();
}

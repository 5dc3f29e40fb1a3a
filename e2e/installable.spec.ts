/**
 * The web app manifest is linked by the app after `load`, not by the HTML (scripts/build/deferred-entry.ts),
 * so the page's largest paint never waits for it. Chromium must still find it: DevTools' own installability
 * check (`Page.getInstallabilityErrors`) answers as it does for the install prompt.
 */
import { articleUrl, expect, homeShard, test, whenHydrated } from './fixtures.ts';

// Playwright's contexts are incognito, where Chromium never offers to install; that is the one error allowed.
const INCOGNITO = 'in-incognito';

for (const [label, path] of [
  ['home', '/'],
  ['an article', articleUrl(homeShard().items[0]!.id)],
] as const) {
  test(`${label}: no manifest link in the HTML, and installable once the app has linked it`, async ({ page, request }) => {
    const html = await (await request.get(path)).text();
    expect(html).not.toContain('rel="manifest"');
    expect(html).toContain('<meta name="app-manifest" content="/manifest.webmanifest">');

    await page.goto(path);
    await whenHydrated(page);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');

    const cdp = await page.context().newCDPSession(page);
    // Chromium fetches the manifest when something asks for it, as this does.
    const { url, errors } = await cdp.send('Page.getAppManifest');
    expect(new URL(url).pathname).toBe('/manifest.webmanifest');
    expect(errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== INCOGNITO)).toEqual([]);
  });
}

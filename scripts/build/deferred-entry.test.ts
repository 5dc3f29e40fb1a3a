import { describe, expect, it } from 'vitest';
import { deferEntry } from './deferred-entry.ts';

const built = `<head>
    <script type="module" crossorigin src="/assets/index-AbC.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/hrefs-XyZ.js">
    <link rel="stylesheet" crossorigin href="/assets/index-Def.css">
  <link rel="manifest" href="/manifest.webmanifest"></head>`;

describe('deferEntry', () => {
  it('names the entry in a meta tag and fetches nothing before the first paint', () => {
    const html = deferEntry(built);
    expect(html).toContain('<meta name="app-entry" content="/assets/index-AbC.js">');
    expect(html).not.toMatch(/<script|modulepreload/);
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-Def.css">');
  });

  it('names the web app manifest in a meta tag, so the browser fetches it only once the app links it', () => {
    const html = deferEntry(built);
    expect(html).toContain('<meta name="app-manifest" content="/manifest.webmanifest">');
    expect(html).not.toContain('rel="manifest"');
  });

  it('refuses a page whose entry it cannot find, rather than shipping one without the app', () => {
    expect(() => deferEntry('<head></head>')).toThrow(/found 0/);
    expect(() => deferEntry(built + built)).toThrow(/found 2/);
  });
});

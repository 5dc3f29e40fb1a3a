import { describe, expect, it } from 'vitest';
import { deferEntry } from './deferred-entry.ts';

const built = `<head>
    <script type="module" crossorigin src="/assets/index-AbC.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/hrefs-XyZ.js">
    <link rel="stylesheet" crossorigin href="/assets/index-Def.css">
  </head>`;

describe('deferEntry', () => {
  it('names the entry in a meta tag and fetches nothing before the first paint', () => {
    const html = deferEntry(built);
    expect(html).toContain('<meta name="app-entry" content="/assets/index-AbC.js">');
    expect(html).not.toMatch(/<script|modulepreload/);
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-Def.css">');
  });

  it('refuses a page whose entry it cannot find, rather than shipping one without the app', () => {
    expect(() => deferEntry('<head></head>')).toThrow(/found 0/);
    expect(() => deferEntry(built + built)).toThrow(/found 2/);
  });
});

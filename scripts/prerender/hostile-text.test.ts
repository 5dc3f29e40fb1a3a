/**
 * Any text an article may carry, through the head (meta tags and JSON-LD) and the Atom feed: the result
 * is well-formed, holds no live markup, and no bidi control that could reorder a preview or a feed
 * reader's line around it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Article } from '../../src/data/schema.ts';
import { atomFeed } from './feeds.ts';
import { buildHead } from './head.ts';
import { parseHtml, parseXml } from './xml-test-helpers.ts';

const site = { origin: 'https://news.example.org' };
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Strings with plenty of what attacks a page: markup, CDATA ends, bidi controls, lone surrogates. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom('<script>', '</script>', '<img src=x onerror=alert(1)>', ']]>', '-->', '&amp;', '"', "'", '\u202E', '\u2066', '\uD800', '\uFFFF', '\u0000', 'خبر', ' '),
    )
    .map((parts) => parts.join('')),
);

function article(title: string, source: string, label: string, paragraph: string): Article {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'a1',
    title,
    date: '2026-11-01T10:00:00.000Z',
    source,
    url: null,
    body: [paragraph],
    readingMinutes: 1,
    tags: [{ slug: 'x', label }],
    topics: [{ slug: 'karabakh', label }],
    related: [],
    readAlso: [],
  };
}

describe('hostile text leaving the site', { timeout: 60_000 }, () => {
  it('gives a head of meta, link and JSON-LD only, with JSON that parses and keeps its text inert', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (title, source, label, paragraph) => {
        const a = article(title, source, label, paragraph);
        const head = buildHead({ site, path: '/articles/x', status: 200, title, view: { kind: 'article', article: a } });
        const doc = parseHtml(`<!doctype html><html><head>${head}</head><body></body></html>`);
        expect(doc.body.childNodes).toHaveLength(0);
        for (const el of doc.head.children) {
          expect(['META', 'LINK', 'SCRIPT']).toContain(el.tagName);
          expect(el.getAttributeNames().filter((n) => n.startsWith('on'))).toEqual([]);
          for (const value of el.getAttributeNames().map((n) => el.getAttribute(n) ?? '')) expect(value).not.toMatch(UNSAFE);
        }
        const scripts = [...doc.head.querySelectorAll('script')];
        expect(scripts.map((s) => s.type)).toEqual(scripts.map(() => 'application/ld+json'));
        for (const script of scripts) {
          expect(script.textContent).not.toContain('<');
          expect(JSON.stringify(JSON.parse(script.textContent ?? ''))).not.toMatch(UNSAFE);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('gives a well-formed Atom feed with the text as written, less what XML and bidi forbid', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, source, label) => {
        const xml = atomFeed({
          site,
          kind: 'tag',
          slug: 'x',
          label,
          items: [{ id: 'a1', title, date: null, source, excerpt: source, topics: [{ slug: 'y', label }] }],
        });
        expect(xml).not.toMatch(UNSAFE);
        parseXml(xml);
      }),
      { numRuns: 50 },
    );
  });
});

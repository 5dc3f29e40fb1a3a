/**
 * Atom feeds (RFC 4287) of the latest articles: the site's at `/feed.xml`, each topic's and tag's beside
 * its pages. Atom rather than RSS 2.0: its dates are ISO 8601 like ours, and it has xml:lang and a
 * required id for every entry.
 */
import type { ArticleSummary, ListKind } from '../../src/data/schema.ts';
import { articleHref, homeHref, tagHref, topicHref } from '../../src/shared/lib/hrefs.ts';
import { strings } from '../../src/shared/strings.ar.ts';
import { absoluteUrl, type Site } from './site.ts';
import { escapeMarkup } from './text.ts';

/** Entries a feed: enough for a reader who checks twice a day. */
export const FEED_SIZE = 50;

/** Atom needs an `updated` even when no article is dated. */
const EPOCH = '1970-01-01T00:00:00.000Z';

export function feedPath(kind: ListKind, slug: string | null): string {
  if (kind === 'home' || slug === null) return '/feed.xml';
  return `${kind === 'topic' ? topicHref(slug) : tagHref(slug)}/feed.xml`;
}

export interface FeedInput {
  site: Site;
  kind: ListKind;
  slug: string | null;
  label: string | null;
  /** Newest first; only the first FEED_SIZE are used. */
  items: readonly ArticleSummary[];
}

export function atomFeed({ site, kind, slug, label, items }: FeedInput): string {
  const entries = items.slice(0, FEED_SIZE);
  const pagePath =
    kind === 'home' || slug === null ? homeHref() : kind === 'topic' ? topicHref(slug) : tagHref(slug);
  const title =
    kind === 'home' || label === null
      ? strings.meta.siteFeed
      : kind === 'topic'
        ? strings.meta.topicFeed(label)
        : strings.meta.tagFeed(label);
  const updated = entries.find((e) => e.date !== null)?.date ?? EPOCH;
  const x = escapeMarkup;

  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">',
    `  <title>${x(title)}</title>`,
    `  <id>${x(absoluteUrl(site, pagePath))}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${x(absoluteUrl(site, feedPath(kind, slug)))}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(absoluteUrl(site, pagePath))}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${x(strings.siteName)}</name></author>`,
  ];
  for (const item of entries) {
    const url = absoluteUrl(site, articleHref(item.id));
    lines.push(
      '  <entry>',
      `    <title>${x(item.title)}</title>`,
      `    <id>${x(url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${x(url)}"/>`,
      ...(item.date ? [`    <published>${item.date}</published>`] : []),
      `    <updated>${item.date ?? updated}</updated>`,
      ...(item.source ? [`    <author><name>${x(item.source)}</name></author>`] : []),
      ...(item.excerpt ? [`    <summary>${x(item.excerpt)}</summary>`] : []),
      ...item.topics.map((t) => `    <category term="${x(t.slug)}" label="${x(t.label)}"/>`),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

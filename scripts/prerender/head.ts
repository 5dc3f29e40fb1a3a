/**
 * The head of a prerendered page, built from the data its view shows: description, canonical link, Open
 * Graph and Twitter card tags, JSON-LD (NewsArticle, CollectionPage, BreadcrumbList) and the feeds it
 * announces. Link previews (WhatsApp, Telegram, X, Facebook) and search engines run no JavaScript, so
 * this is all they see of a page.
 */
import type { Article, ListPage } from '../../src/data/schema.ts';
import type { PageView } from '../../src/app/render-page.tsx';
import { NEWEST_PAGE } from '../../src/data/list-pages.ts';
import { formatNumber, formatPlural } from '../../src/shared/lib/format.ts';
import { articleHref, homeHref, tagHref, topicHref } from '../../src/shared/lib/hrefs.ts';
import { inlineJson } from '../../src/shared/lib/inline-json.ts';
import { listDays } from '../../src/shared/lib/list-days.ts';
import { strings } from '../../src/shared/strings.ar.ts';
import { feedPath } from './feeds.ts';
import { absoluteUrl, type Site } from './site.ts';
import { cutAtWord, escapeMarkup, machineText } from './text.ts';

/**
 * The search shell, which the host serves for every `/search?…` URL: indexable, and its canonical link names
 * the shell itself, so search engines fold the endless query URLs into one page (docs/decisions/046).
 */
export const SEARCH_PATH = '/search';

/** Google shows about this much of a description; Open Graph previews less. */
export const DESCRIPTION_MAX = 160;

export interface HeadInput {
  site: Site;
  /** The page's path as the app links to it (encoded). */
  path: string;
  status: number;
  /** The document title the page's components set. */
  title: string;
  view: PageView;
}

type Tag = [name: string, attrs: Record<string, string>];

export function buildHead({ site, path, status, title, view }: HeadInput): string {
  const url = absoluteUrl(site, path);
  const tags: Tag[] = [];
  const meta = (key: 'name' | 'property', name: string, content: string) =>
    tags.push(['meta', { [key]: name, content }]);
  const description = describe(view);

  meta('name', 'description', description);
  if (status !== 200 || (view.kind === 'other' && path !== SEARCH_PATH)) {
    // The 404 page, the saved list and the offline page: useful to a reader, nothing to index.
    meta('name', 'robots', 'noindex');
  } else {
    tags.push(['link', { rel: 'canonical', href: url }]);
  }
  meta('property', 'og:type', view.kind === 'article' ? 'article' : 'website');
  meta('property', 'og:title', view.kind === 'article' ? view.article.title : title);
  meta('property', 'og:description', description);
  meta('property', 'og:url', url);
  meta('property', 'og:locale', 'ar_AR');
  meta('property', 'og:site_name', strings.siteName);
  const image = view.kind === 'article' && view.article.image ? pictureUrl(site, view.article.image.src) : null;
  if (image) meta('property', 'og:image', image);
  if (image && view.kind === 'article' && view.article.image?.alt) meta('property', 'og:image:alt', view.article.image.alt);
  meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary');
  meta('name', 'twitter:title', view.kind === 'article' ? view.article.title : title);
  meta('name', 'twitter:description', description);
  if (image) meta('name', 'twitter:image', image);
  if (view.kind === 'article') {
    const { article } = view;
    if (article.date) meta('property', 'article:published_time', article.date);
    if (article.topics[0]) meta('property', 'article:section', article.topics[0].label);
    for (const tag of article.tags) meta('property', 'article:tag', tag.label);
  }

  for (const feed of announcedFeeds(view)) {
    tags.push([
      'link',
      {
        rel: 'alternate',
        type: 'application/atom+xml',
        title: feed.title,
        href: absoluteUrl(site, feed.path),
      },
    ]);
  }

  const html = tags.map(([name, attrs]) => `<${name}${attributes(attrs)}>`);
  const data = status === 200 ? structuredData(site, view, url, title) : [];
  for (const item of data) html.push(`<script type="application/ld+json">${inlineJson(item)}</script>`);
  return html.join('\n    ');
}

/** Link previews fetch the picture from elsewhere: a path on this site becomes a whole address. */
const pictureUrl = (site: Site, src: string): string => (src.startsWith('/') ? absoluteUrl(site, src) : src);

function attributes(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeMarkup(v)}"`)
    .join('');
}

function describe(view: PageView): string {
  if (view.kind === 'article') {
    const first = view.article.body.find((p) => machineText(p) !== '') ?? view.article.title;
    return cutAtWord(first, DESCRIPTION_MAX);
  }
  if (view.kind === 'list' && view.list.kind !== 'home' && view.list.label !== null) {
    const { label, total, items } = view.list;
    // The count on the first page; an older page, which names no count (`ListPage.total`), its days.
    const count = total !== null ? formatPlural(total, strings.plural.articles) : listDays(items);
    const text =
      count === null
        ? strings.meta.olderDescription(label)
        : view.list.kind === 'topic'
          ? strings.meta.topicDescription(label, count)
          : strings.meta.tagDescription(label, count);
    return cutAtWord(text + pageSuffix(view.list), DESCRIPTION_MAX);
  }
  return strings.meta.siteDescription;
}

const pageSuffix = (list: ListPage): string =>
  list.page > NEWEST_PAGE ? strings.meta.pageSuffix(formatNumber(list.page)) : '';

/** The site's feed everywhere; a topic's or tag's own feed on its pages too. */
function announcedFeeds(view: PageView): Array<{ title: string; path: string }> {
  const feeds: Array<{ title: string; path: string }> = [
    { title: strings.meta.siteFeed, path: feedPath('home', null) },
  ];
  if (
    view.kind === 'list' &&
    view.list.kind !== 'home' &&
    view.list.slug !== null &&
    view.list.label !== null
  ) {
    const title =
      view.list.kind === 'topic'
        ? strings.meta.topicFeed(view.list.label)
        : strings.meta.tagFeed(view.list.label);
    feeds.push({ title, path: feedPath(view.list.kind, view.list.slug) });
  }
  return feeds;
}

type JsonLd = Record<string, unknown>;

function structuredData(site: Site, view: PageView, url: string, title: string): JsonLd[] {
  const crumbs: Array<{ name: string; path: string }> = [{ name: strings.nav.home, path: homeHref() }];
  if (view.kind === 'article') {
    const topic = view.article.topics[0];
    if (topic) crumbs.push({ name: topic.label, path: topicHref(topic.slug) });
    crumbs.push({ name: view.article.title, path: articleHref(view.article.id) });
    return [newsArticle(site, view.article, url), breadcrumbs(site, crumbs)];
  }
  if (view.kind === 'list') {
    const { list } = view;
    if (list.kind !== 'home' && list.slug !== null && list.label !== null) {
      crumbs.push({
        name: list.label,
        path: list.kind === 'topic' ? topicHref(list.slug) : tagHref(list.slug),
      });
    }
    const page: JsonLd = {
      '@context': 'https://schema.org',
      '@type': 'CollectionPage',
      name: machineText(title),
      url,
      inLanguage: 'ar',
      isPartOf: { '@type': 'WebSite', name: strings.siteName, url: absoluteUrl(site, homeHref()) },
      mainEntity: {
        '@type': 'ItemList',
        numberOfItems: list.items.length,
        itemListElement: list.items.map((item, i) => ({
          '@type': 'ListItem',
          position: (list.page - 1) * list.items.length + i + 1,
          url: absoluteUrl(site, articleHref(item.id)),
          name: machineText(item.title),
        })),
      },
    };
    return [page, breadcrumbs(site, crumbs)];
  }
  return [];
}

function newsArticle(site: Site, article: Article, url: string): JsonLd {
  const publisher = { '@type': 'Organization', name: strings.siteName, url: absoluteUrl(site, homeHref()) };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: machineText(article.title),
    ...(article.date ? { datePublished: article.date, dateModified: article.date } : {}),
    inLanguage: 'ar',
    keywords: article.tags.map((t) => machineText(t.label)),
    ...(article.topics[0] ? { articleSection: machineText(article.topics[0].label) } : {}),
    ...(article.image ? { image: [pictureUrl(site, article.image.src)] } : {}),
    ...(article.source ? { author: { '@type': 'Organization', name: machineText(article.source) } } : {}),
    publisher,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    isAccessibleForFree: true,
  };
}

function breadcrumbs(site: Site, crumbs: Array<{ name: string; path: string }>): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: machineText(c.name),
      item: absoluteUrl(site, c.path),
    })),
  };
}

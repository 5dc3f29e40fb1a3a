/**
 * The search page's state lives in its URL (`/search?q=&topic=&tag=&tag=&page=&scope=&sort=&literal=`), so a search can
 * be shared, reloaded and reached with the back button. This is the one place that reads it: untrusted
 * text in, a typed object with defaults out, never an exception.
 */
import { MAX_QUERY_CHARS } from '../../shared/lib/search-terms.ts';

export type SearchScope = 'recent' | 'all';
/** 'relevance' (the default): best match first, newer first among equals; 'newest': by date. */
export type SearchSort = 'relevance' | 'newest';

export interface SearchParams {
  /** What the reader typed, trimmed and cut to `MAX_QUERY_CHARS`; '' browses by filters alone. */
  q: string;
  /** A topic slug, or null for any topic. */
  topic: string | null;
  /** Tag slugs the results must all have, in the order chosen, without repeats. */
  tags: string[];
  page: number;
  /** 'recent' searches the newest slice of the index (and older ones only as paging needs them). */
  scope: SearchScope;
  sort: SearchSort;
  /** Search the words exactly as typed, without «هل تقصد» replacing a query that found nothing. */
  literal: boolean;
}

export const DEFAULT_SEARCH_PARAMS: SearchParams = {
  q: '',
  topic: null,
  tags: [],
  page: 1,
  scope: 'recent',
  sort: 'relevance',
  literal: false,
};

export const MAX_TAGS = 5;
export const MAX_PAGE = 1000;
const MAX_SLUG_CHARS = 200;

function slugParam(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || trimmed.length > MAX_SLUG_CHARS ? null : trimmed;
}

export function parseSearchParams(search: URLSearchParams): SearchParams {
  const q = (search.get('q') ?? '').slice(0, MAX_QUERY_CHARS).trim();
  const tags: string[] = [];
  for (const raw of search.getAll('tag')) {
    const tag = slugParam(raw);
    if (tag !== null && !tags.includes(tag) && tags.length < MAX_TAGS) tags.push(tag);
  }
  const pageText = search.get('page') ?? '';
  const page = /^\d{1,7}$/.test(pageText) ? Math.min(Math.max(Number(pageText), 1), MAX_PAGE) : 1;
  return {
    q,
    topic: slugParam(search.get('topic')),
    tags,
    page,
    scope: search.get('scope') === 'all' ? 'all' : 'recent',
    sort: search.get('sort') === 'newest' ? 'newest' : 'relevance',
    literal: search.get('literal') === '1',
  };
}

/** The URL of a search state; defaults are left out so equal states have equal URLs. */
export function searchHref(params: SearchParams): string {
  const out = new URLSearchParams();
  if (params.q !== '') out.set('q', params.q);
  if (params.topic !== null) out.set('topic', params.topic);
  for (const tag of params.tags) out.append('tag', tag);
  if (params.page > 1) out.set('page', String(params.page));
  if (params.scope === 'all') out.set('scope', 'all');
  if (params.sort === 'newest') out.set('sort', 'newest');
  if (params.literal) out.set('literal', '1');
  const query = out.toString();
  return query === '' ? '/search' : `/search?${query}`;
}

/** A new filter choice starts again at page 1. */
export function withTopic(params: SearchParams, topic: string | null): SearchParams {
  return { ...params, topic, page: 1 };
}

export function withTag(params: SearchParams, tag: string): SearchParams {
  if (params.tags.includes(tag) || params.tags.length >= MAX_TAGS) return params;
  return { ...params, tags: [...params.tags, tag], page: 1 };
}

export function withoutTag(params: SearchParams, tag: string): SearchParams {
  return { ...params, tags: params.tags.filter((t) => t !== tag), page: 1 };
}

export function withSort(params: SearchParams, sort: SearchSort): SearchParams {
  return { ...params, sort, page: 1 };
}

export function withPage(params: SearchParams, page: number): SearchParams {
  return { ...params, page: Math.min(Math.max(page, 1), MAX_PAGE) };
}

export function hasFilters(params: SearchParams): boolean {
  return params.topic !== null || params.tags.length > 0;
}

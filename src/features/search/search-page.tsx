/**
 * `/search?q=&topic=&tag=&page=&scope=&sort=&literal=`: loaded lazily by its route, and it loads Pagefind only when a
 * search runs, so no other page pays for search. Results come through TanStack Query (not a loader) so the
 * page shows at once with a loading state, and keeps the previous results on screen while a facet click
 * narrows them.
 */
import { keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { AppLink } from '../../shared/ui/app-link.tsx';
import { topicListQuery } from '../../shared/lib/topic-list-query.ts';
import { useOnline } from '../../shared/lib/use-online.ts';
import { strings } from '../../shared/strings.ar.ts';
import { NoScriptNotice } from '../../shared/ui/no-script-notice.tsx';
import { SearchFacets } from './search-facets.tsx';
import { QueryNotice, SortSwitch, SpellingNotice } from './search-notices.tsx';
import { hasFilters, parseSearchParams, searchHref, withoutTag, withTopic } from './search-params.ts';
import { searchFacetsQuery, searchQuery } from './search-query.ts';
import { SearchResults } from './search-results.tsx';

const buttonClass =
  'inline-flex min-h-10 items-center rounded-md bg-red-800 px-4 font-bold text-white hover:bg-red-900 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 dark:bg-red-300 dark:text-neutral-950';

export function SearchPage() {
  const s = strings.searchPage;
  const [searchParams] = useSearchParams();
  const params = parseSearchParams(searchParams);
  // Pagefind's index is not kept offline: say so rather than fail.
  const online = useOnline();
  const { data, isPending, isError, isPlaceholderData, refetch, isFetching } = useQuery({
    ...searchQuery(params),
    placeholderData: keepPreviousData,
  });
  // Facet counts load after the results, so their filter data never delays the first answer.
  const { data: fullFacets } = useQuery({
    ...searchFacetsQuery(params),
    enabled: data !== undefined,
    placeholderData: keepPreviousData,
  });
  const heading = params.q !== '' ? s.headingFor(params.q) : hasFilters(params) ? s.browseHeading : s.heading;
  const facets = fullFacets ?? data?.facets ?? { topics: [], tags: [] };
  // The site's topic list is loaded before any view (the root loader): topics are named even when the search
  // index failed, and a topic it lacks (a mistyped URL) is shown as its slug. A tag's name comes with the
  // results; until then it is a placeholder, never its slug; a tag the results do not name, by its slug.
  const { data: topicList } = useSuspenseQuery(topicListQuery());
  const topicLabel = (slug: string): string => topicList.topics.find((x) => x.slug === slug)?.label ?? slug;
  const tagLabel = (slug: string): string =>
    facets.tags.find((x) => x.slug === slug)?.label ??
    (data === undefined || isPlaceholderData ? strings.pendingLabel : slug.replace(/-/g, ' '));

  return (
    <section aria-labelledby="search-heading" aria-busy={isFetching}>
      <title>{(params.q !== '' ? `${params.q} — ${s.title}` : s.title) + strings.titleSuffix}</title>
      <h1 id="search-heading" className="mb-4 text-2xl font-bold break-words sm:text-3xl">
        {heading}
      </h1>
      {hasFilters(params) && (
        <div className="mb-4 flex flex-wrap items-center gap-2" role="group" aria-label={s.activeFilters}>
          {params.topic !== null && (
            <AppLink to={searchHref(withTopic(params, null))} className="rounded-full border px-3 py-1 text-sm">
              {s.removeFilter(topicLabel(params.topic))} ×
            </AppLink>
          )}
          {params.tags.map((tag) => (
            <AppLink key={tag} to={searchHref(withoutTag(params, tag))} className="rounded-full border px-3 py-1 text-sm">
              {s.removeFilter(tagLabel(tag))} ×
            </AppLink>
          ))}
          <AppLink to={searchHref({ ...params, topic: null, tags: [], page: 1 })} className="text-sm underline">
            {s.clearFilters}
          </AppLink>
        </div>
      )}
      {/* The results arrive after the first paint (the prerendered shell says «loading»): a screen's height
          is held for them from the start, so the footer never shows and then jumps away (layout shift); without
          JavaScript no results come, and the notice needs no room held. */}
      <div className="min-h-dvh noscript:min-h-0">
        <NoScriptNotice message={strings.noScript.search} />
        {!online ? (
          <p role="status" className="rounded-lg border border-neutral-200 p-6 dark:border-neutral-700">
            {strings.offline.search}
          </p>
        ) : isPending ? (
          <p role="status" data-needs-js className="py-8 text-neutral-700 dark:text-neutral-300">
            {s.loading}
          </p>
        ) : isError ? (
          <div role="alert" className="rounded-lg border border-red-300 p-6">
            <p className="mb-4">{s.error}</p>
            <button type="button" className={buttonClass} onClick={() => void refetch()}>
              {s.retry}
            </button>
          </div>
        ) : (
          <>
            {data.total > 0 && <SearchFacets params={params} facets={facets} />}
            {params.q !== '' && <SortSwitch params={params} />}
            {data.unsearchable ? (
              <p role="status" className="rounded-lg border border-neutral-200 p-6 dark:border-neutral-700">
                {s.noWords}
              </p>
            ) : (
              <>
                <QueryNotice raw={searchParams.get('q') ?? ''} q={params.q} />
                <SpellingNotice params={params} outcome={data} />
                <SearchResults params={params} outcome={data} />
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}

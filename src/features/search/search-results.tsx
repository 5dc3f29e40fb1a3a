import { AppLink } from '../../shared/ui/app-link.tsx';
import { articleHref, topicHref } from '../../shared/lib/hrefs.ts';
import { formatNumber } from '../../shared/lib/format.ts';
import { strings } from '../../shared/strings.ar.ts';
import { ArticleDate } from '../../shared/ui/article-date.tsx';
import type { Segment } from './excerpt.ts';
import type { SearchOutcome } from './search-engine.ts';
import { hasFilters, searchHref, withPage, type SearchParams } from './search-params.ts';

/** Text with the matched words in `<mark>`; every segment is rendered as text, never as HTML. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.mark ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-700/60">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

const linkClass =
  'font-bold text-red-800 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 ' +
  'focus-visible:outline-red-700 dark:text-red-300 dark:focus-visible:outline-red-300';

export interface SearchResultsProps {
  params: SearchParams;
  outcome: SearchOutcome;
}

export function SearchResults({ params, outcome }: SearchResultsProps) {
  const s = strings.searchPage;
  if (outcome.hits.length === 0) return <SearchEmpty params={params} outcome={outcome} />;
  return (
    <>
      <p className="mb-4 text-sm text-neutral-700 dark:text-neutral-300" role="status">
        {s.resultCount(formatNumber(outcome.total))}
        {!outcome.complete && (
          <>
            {' '}
            {s.recentOnly(formatNumber(outcome.searchedArticles))}{' '}
            <AppLink className={linkClass} to={searchHref({ ...params, scope: 'all', page: 1 })}>
              {s.searchAll}
            </AppLink>
          </>
        )}
      </p>
      <ol aria-label={s.resultsLabel} className="flex flex-col gap-6">
        {outcome.hits.map((hit) => (
          <li key={hit.id} className="border-b border-neutral-200 pb-5 dark:border-neutral-700">
            <h2 className="text-lg font-bold leading-snug">
              <AppLink to={articleHref(hit.id)} className="hover:text-red-800 dark:hover:text-red-300">
                <Highlighted segments={hit.title} />
              </AppLink>
            </h2>
            <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-neutral-600 dark:text-neutral-400">
              <ArticleDate date={hit.date} />
              {hit.source && <span>{hit.source}</span>}
            </p>
            <p className="mt-2 leading-relaxed text-neutral-800 dark:text-neutral-200">
              <Highlighted segments={hit.excerpt} />
            </p>
          </li>
        ))}
      </ol>
      {(params.page > 1 || outcome.hasNext) && (
        <nav aria-label={s.pagination} className="mt-8 flex items-center justify-between gap-4">
          <div className="min-w-24">
            {params.page > 1 && (
              <AppLink to={searchHref(withPage(params, params.page - 1))} rel="prev" className={linkClass}>
                {s.previous}
              </AppLink>
            )}
          </div>
          <p className="text-sm">{s.page(formatNumber(params.page))}</p>
          <div className="flex min-w-24 justify-end">
            {outcome.hasNext && (
              <AppLink to={searchHref(withPage(params, params.page + 1))} rel="next" className={linkClass}>
                {s.next}
              </AppLink>
            )}
          </div>
        </nav>
      )}
    </>
  );
}

function SearchEmpty({ params, outcome }: SearchResultsProps) {
  const s = strings.searchPage;
  // A page past the last one (an old link, a hand-made URL): the search did find articles.
  if (params.page > 1 && outcome.total > 0) {
    return (
      <section
        aria-labelledby="search-empty"
        className="rounded-lg border border-neutral-200 p-6 dark:border-neutral-700"
      >
        <h2 id="search-empty" className="mb-2 text-xl font-bold">
          {s.pastLastTitle}
        </h2>
        <p className="mb-4">{s.pastLast(formatNumber(params.page), formatNumber(outcome.total))}</p>
        <AppLink className={linkClass} to={searchHref(withPage(params, 1))}>
          {s.firstPage}
        </AppLink>
      </section>
    );
  }
  // With a query and filters, say the filters are part of what found nothing, and offer the query alone.
  const queryAndFilters = params.q !== '' && hasFilters(params);
  const withoutFilters = searchHref({ ...params, topic: null, tags: [], page: 1 });
  return (
    <section aria-labelledby="search-empty" className="rounded-lg border border-neutral-200 p-6 dark:border-neutral-700">
      <h2 id="search-empty" className="mb-2 text-xl font-bold">
        {s.emptyTitle}
      </h2>
      <p className="mb-4">
        {queryAndFilters
          ? s.emptyForFiltered(params.q)
          : params.q !== ''
            ? s.emptyFor(params.q)
            : s.emptyFiltered}
      </p>
      {queryAndFilters && (
        <p className="mb-4">
          <AppLink className={linkClass} to={withoutFilters}>
            {s.searchWithoutFilters(params.q)}
          </AppLink>
        </p>
      )}
      <p className="mb-2 font-bold">{s.suggestionsTitle}</p>
      <ul className="mb-4 list-disc ps-6">
        {params.q !== '' && <li>{s.checkSpelling}</li>}
        {params.q.includes(' ') && <li>{s.fewerWords}</li>}
        {hasFilters(params) && !queryAndFilters && (
          <li>
            <AppLink className={linkClass} to={withoutFilters}>
              {s.dropFilters}
            </AppLink>
          </li>
        )}
        {!outcome.complete && (
          <li>
            <AppLink className={linkClass} to={searchHref({ ...params, scope: 'all', page: 1 })}>
              {s.searchAll}
            </AppLink>
          </li>
        )}
      </ul>
      {outcome.allTopics.length > 0 && (
        <>
          <p className="mb-2">{s.browseTopics}</p>
          <ul className="flex flex-wrap gap-2">
            {outcome.allTopics.map((topic) => (
              <li key={topic.slug}>
                <AppLink className={linkClass} to={topicHref(topic.slug)}>
                  {topic.label}
                </AppLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

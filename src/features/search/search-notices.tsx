/**
 * What the search page says above its results: «هل تقصد» (or, when the query as typed found nothing, that
 * the corrected query's results are shown, with a way back to the literal one), what it did with a query
 * too long or made only of function words, and the sort switch.
 */
import { AppLink } from '../../shared/ui/app-link.tsx';
import { formatNumber } from '../../shared/lib/format.ts';
import { MAX_QUERY_CHARS } from '../../shared/lib/search-terms.ts';
import { onlyStopWords } from '../../shared/lib/stop-words.ts';
import { strings } from '../../shared/strings.ar.ts';
import type { SearchOutcome } from './search-engine.ts';
import { searchHref, withSort, type SearchParams, type SearchSort } from './search-params.ts';

const linkClass =
  'font-bold text-red-800 underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2 ' +
  'focus-visible:outline-red-700 dark:text-red-300 dark:focus-visible:outline-red-300';

export interface SearchNoticesProps {
  params: SearchParams;
  outcome: SearchOutcome;
}

export function SpellingNotice({ params, outcome }: SearchNoticesProps) {
  const s = strings.searchPage;
  if (outcome.suggestion === null) return null;
  const corrected = searchHref({ ...params, q: outcome.suggestion, page: 1, literal: false });
  return (
    <div className="mb-4 rounded-md bg-amber-50 p-3 dark:bg-amber-950/40">
      {outcome.corrected ? (
        <>
          <p>{s.showingFor(outcome.suggestion)}</p>
          <AppLink className={linkClass} to={searchHref({ ...params, page: 1, literal: true })}>
            {s.searchLiteral(params.q)}
          </AppLink>
        </>
      ) : (
        <p>
          {s.didYouMean}{' '}
          <AppLink className={linkClass} to={corrected}>
            {outcome.suggestion}
          </AppLink>
          ؟
        </p>
      )}
    </div>
  );
}

export interface QueryNoticeProps {
  /** The query as it came in the URL, before it was cut. */
  raw: string;
  /** The query searched. */
  q: string;
}

/** Why the results may not be what the reader expects: the query was cut, or has no telling word. */
export function QueryNotice({ raw, q }: QueryNoticeProps) {
  const s = strings.searchInput;
  const notes = [
    ...(raw.trim().length > MAX_QUERY_CHARS ? [s.cut(formatNumber(MAX_QUERY_CHARS))] : []),
    ...(onlyStopWords(q) ? [s.commonWordsOnly] : []),
  ];
  if (notes.length === 0) return null;
  return (
    <div role="status" className="mb-4 rounded-md bg-amber-50 p-3 dark:bg-amber-950/40">
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  );
}

const SORTS: ReadonlyArray<{ sort: SearchSort; label: string }> = [
  { sort: 'relevance', label: strings.searchPage.sortRelevance },
  { sort: 'newest', label: strings.searchPage.sortNewest },
];

export function SortSwitch({ params }: { params: SearchParams }) {
  return (
    <nav aria-label={strings.searchPage.sortLabel} className="mb-4 flex items-center gap-2 text-sm">
      <span>{strings.searchPage.sortLabel}:</span>
      {SORTS.map(({ sort, label }) => (
        <AppLink
          key={sort}
          to={searchHref(withSort(params, sort))}
          aria-current={params.sort === sort ? 'true' : undefined}
          className={
            'rounded-full border px-3 py-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 ' +
            (params.sort === sort
              ? 'border-red-800 bg-red-800 font-bold text-white dark:border-red-300 dark:bg-red-300 dark:text-neutral-950'
              : 'border-neutral-300 dark:border-neutral-600')
          }
        >
          {label}
        </AppLink>
      ))}
    </nav>
  );
}

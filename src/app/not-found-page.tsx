import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { parseSearchParams, searchHref } from '../features/search/search-params.ts';
import { AppLink } from '../shared/ui/app-link.tsx';
import { homeHref } from '../shared/lib/hrefs.ts';
import { topicListQuery } from '../shared/lib/topic-list-query.ts';
import { strings } from '../shared/strings.ar.ts';
import { TopicChips } from '../shared/ui/topic-chips.tsx';

export function NotFoundPage() {
  // The root loader has read it; absent when the topic list itself could not be loaded (never fetched here).
  const { data: topicList } = useQuery({ ...topicListQuery(), enabled: false });
  const topics = topicList?.topics ?? [];
  const sought = tagWords(useLocation().pathname);

  return (
    <section className="mx-auto flex max-w-[70ch] flex-col items-start gap-4 py-10">
      <title>{strings.notFound.title + strings.titleSuffix}</title>
      <p aria-hidden="true" className="text-6xl font-bold text-red-800 dark:text-red-300">
        ٤٠٤
      </p>
      <h1 className="text-3xl font-bold">{strings.notFound.title}</h1>
      <p className="text-lg leading-[1.9] text-neutral-700 dark:text-neutral-300">{strings.notFound.body}</p>
      <AppLink
        to={homeHref()}
        className="rounded-md bg-red-800 px-5 py-2.5 font-bold text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800 dark:bg-red-300 dark:text-neutral-950 dark:hover:bg-red-200 dark:focus-visible:outline-red-300"
      >
        {strings.notFound.home}
      </AppLink>
      {sought !== null && (
        <AppLink
          to={searchHref(parseSearchParams(new URLSearchParams({ q: sought })))}
          className="font-bold text-red-800 underline underline-offset-4 dark:text-red-300"
        >
          {strings.notFound.search(sought)}
        </AppLink>
      )}
      {topics.length > 0 && (
        <>
          <p className="mt-4 text-neutral-700 dark:text-neutral-300">{strings.notFound.topics}</p>
          <TopicChips topics={topics} />
        </>
      )}
    </section>
  );
}

/** The words of a tag URL that names no tag (`/tags/وقف-النار` → «وقف النار»), or null. */
function tagWords(pathname: string): string | null {
  const slug = /^\/tags\/([^/]+)/.exec(pathname)?.[1];
  if (slug === undefined) return null;
  try {
    const words = decodeURIComponent(slug).replace(/-/g, ' ').trim();
    return words === '' ? null : words;
  } catch {
    return null;
  }
}

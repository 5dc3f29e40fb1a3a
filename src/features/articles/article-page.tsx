import { useSuspenseQuery } from '@tanstack/react-query';
import { useLoaderData } from 'react-router';
import { formatPlural } from '../../shared/lib/format.ts';
import { articleHref, safeExternalHref, tagHref } from '../../shared/lib/hrefs.ts';
import { summaryOf } from '../../shared/lib/saved-list.ts';
import { strings } from '../../shared/strings.ar.ts';
import { ArticleDate } from '../../shared/ui/article-date.tsx';
import { LeadPicture } from '../../shared/ui/article-picture.tsx';
import { ChipLink } from '../../shared/ui/chip-link.tsx';
import { SaveButton } from '../../shared/ui/save-button.tsx';
import { TopicLinks } from '../../shared/ui/topic-links.tsx';
import type { articleLoader } from './article-loader.ts';
import { articleQuery } from './article-query.ts';
import { ReadAlsoList } from './read-also-list.tsx';
import { PrintUrl } from './print-url.tsx';
import { RelatedArticles } from './related-articles.tsx';
import { ShareButton } from './share-button.tsx';

export function ArticlePage() {
  const { id } = useLoaderData<ReturnType<typeof articleLoader>>();
  const { data: article } = useSuspenseQuery(articleQuery(id));
  const sourceHref = safeExternalHref(article.url);

  return (
    <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <title>{article.title + strings.titleSuffix}</title>
      <article className="max-w-[70ch]">
        <header className="mb-6 flex flex-col gap-3">
          {article.topics.length > 0 && (
            <nav aria-label={strings.article.topics} className="print:hidden">
              <TopicLinks topics={article.topics} size="page" />
            </nav>
          )}
          <h1 className="text-3xl leading-snug font-bold text-neutral-950 sm:text-4xl sm:leading-snug dark:text-neutral-50">
            {article.title}
          </h1>
          {/* Each «·» is inside what it introduces, in the gap before it: never alone at a line's end, and
              clipped at a line's start (`Dot`). */}
          <p className="flex flex-wrap gap-x-4 gap-y-1 overflow-x-clip text-sm text-neutral-700 dark:text-neutral-300">
            <ArticleDate date={article.date} withHijri />
            {article.source && (
              <span>
                {article.date && <Dot />}
                {strings.article.source}: <span dir="auto">{article.source}</span>
              </span>
            )}
            <span>
              {(article.date || article.source) && <Dot />}
              {formatPlural(article.readingMinutes, strings.plural.readingMinutes)}
            </span>
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <SaveButton summary={summaryOf(article)} article={article} />
            <ShareButton title={article.title} />
          </div>
        </header>

        {article.image && <LeadPicture image={article.image} />}

        <div className="flex flex-col gap-5 text-lg leading-[1.9] text-neutral-900 dark:text-neutral-100">
          {article.body.map((paragraph, i) => (
            // Paragraphs have no identity of their own and never reorder.
            <p key={i}>{paragraph}</p>
          ))}
        </div>

        {sourceHref && (
          <p className="mt-6 print:hidden">
            <a
              href={sourceHref}
              rel="noopener noreferrer nofollow"
              className="font-bold text-red-800 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 dark:text-red-300"
            >
              {strings.article.sourceLink}
            </a>
          </p>
        )}

        {article.tags.length > 0 && (
          <nav
            aria-labelledby="article-tags"
            className="mt-8 border-t border-neutral-200 pt-6 dark:border-neutral-800"
          >
            <h2 id="article-tags" className="mb-3 text-base font-bold">
              {strings.article.tags}
            </h2>
            <ul className="flex flex-wrap gap-2">
              {article.tags.map((tag) => (
                <li key={tag.slug}>
                  <ChipLink to={tagHref(tag.slug)}>
                    {/* Chips never wrap in the rows that scroll sideways; in this list, which wraps, a long tag does. */}
                    <span className="whitespace-normal wrap-anywhere">{tag.label}</span>
                  </ChipLink>
                </li>
              ))}
            </ul>
          </nav>
        )}

        <div className="print:hidden">
          <ReadAlsoList items={article.readAlso} />
        </div>
        <PrintUrl path={articleHref(article.id)} />
      </article>

      <div className="print:hidden">
        <RelatedArticles related={article.related} />
      </div>
    </div>
  );
}

/**
 * A separator drawn in the gap before its item (`-ms-4` over the line's `gap-x-4`): between two items on a
 * line it sits midway; on an item that starts a line it falls outside the line and is clipped.
 */
function Dot() {
  return (
    <span aria-hidden="true" className="-ms-4 inline-block w-4 text-center">
      ·
    </span>
  );
}

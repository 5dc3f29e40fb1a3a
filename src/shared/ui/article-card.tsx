import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ArticleSummary } from '../../data/schema.ts';
import { articleHref } from '../lib/hrefs.ts';
import { ArticleDate } from './article-date.tsx';
import { CardThumbnail, type PictureLoad } from './article-picture.tsx';
import { SaveButton } from './save-button.tsx';
import { TopicLinks } from './topic-links.tsx';

export interface ArticleCardProps {
  article: ArticleSummary;
  /** How soon its picture loads (the first row's at once); lazily unless said. */
  load?: PictureLoad;
  /** The card's button; a save toggle unless the list has another (the saved list's «إزالة»). */
  action?: ReactNode;
}

export function ArticleCard({ article, load = 'lazy', action }: ArticleCardProps) {
  return (
    <article className="flex h-full flex-col gap-2 border-t-4 border-red-800 bg-white p-4 shadow-sm dark:border-red-300 dark:bg-neutral-900">
      {article.image && <CardThumbnail src={article.image} load={load} />}
      {article.topics.length > 0 && (
        <TopicLinks topics={article.topics} size="card" />
      )}
      <h2 className="text-lg leading-snug font-bold">
        <Link
          to={articleHref(article.id)}
          className="text-neutral-900 hover:text-red-800 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 dark:text-neutral-50 dark:hover:text-red-300 dark:focus-visible:outline-red-300"
        >
          {article.title}
        </Link>
      </h2>
      {article.excerpt && (
        <p className="line-clamp-3 text-sm leading-7 text-neutral-700 dark:text-neutral-300">
          {article.excerpt}
        </p>
      )}
      <div className="mt-auto flex items-end justify-between gap-2 pt-1">
        <p className="flex flex-wrap gap-x-2 text-xs text-neutral-600 dark:text-neutral-400">
          <ArticleDate date={article.date} />
          {article.date && article.source && <span aria-hidden="true">·</span>}
          {article.source && <span dir="auto">{article.source}</span>}
        </p>
        {/* Beside the headline's link, never inside it: a button in an <a> is invalid and unreachable. */}
        {action ?? <SaveButton summary={article} named />}
      </div>
    </article>
  );
}

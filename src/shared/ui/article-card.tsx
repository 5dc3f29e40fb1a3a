import type { ReactNode } from 'react';
import { AppLink } from './app-link.tsx';
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
    <article className="card">
      {article.image && <CardThumbnail src={article.image} load={load} />}
      {article.topics.length > 0 && (
        <TopicLinks topics={article.topics} size="card" />
      )}
      <h2 className="text-lg leading-snug font-bold">
        <AppLink
          to={articleHref(article.id)}
          className="card-link"
        >
          {article.title}
        </AppLink>
      </h2>
      {article.excerpt && (
        <p className="card-excerpt">
          {article.excerpt}
        </p>
      )}
      <div className="mt-auto flex items-end justify-between gap-2 pt-1">
        <p className="card-meta">
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

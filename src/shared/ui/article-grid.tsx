import type { ArticleSummary } from '../../data/schema.ts';
import { strings } from '../strings.ar.ts';
import { ArticleCard } from './article-card.tsx';

export interface ArticleGridProps {
  articles: ArticleSummary[];
}

/** Cards in the widest grid's first row: on screen at once, so their pictures are not lazy; the first one's
 * is likely the page's largest paint (LCP). */
const FIRST_ROW = 3;

export function ArticleGrid({ articles }: ArticleGridProps) {
  if (articles.length === 0) {
    return <p className="py-8 text-neutral-700 dark:text-neutral-300">{strings.list.empty}</p>;
  }
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((article, i) => (
        <li key={article.id}>
          <ArticleCard article={article} load={i === 0 ? 'first' : i < FIRST_ROW ? 'eager' : 'lazy'} />
        </li>
      ))}
    </ul>
  );
}

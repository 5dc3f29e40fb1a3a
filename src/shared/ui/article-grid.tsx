import type { ArticleSummary } from '../../data/schema.ts';
import { strings } from '../strings.ar.ts';
import { ArticleCard } from './article-card.tsx';

export interface ArticleGridProps {
  articles: ArticleSummary[];
}

export function ArticleGrid({ articles }: ArticleGridProps) {
  if (articles.length === 0) {
    return <p className="py-8 text-neutral-700 dark:text-neutral-300">{strings.list.empty}</p>;
  }
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((article) => (
        <li key={article.id}>
          <ArticleCard article={article} />
        </li>
      ))}
    </ul>
  );
}

import { AppLink } from '../../shared/ui/app-link.tsx';
import type { RelatedArticle } from '../../data/schema.ts';
import { articleHref } from '../../shared/lib/hrefs.ts';
import { strings } from '../../shared/strings.ar.ts';
import { ArticleDate } from '../../shared/ui/article-date.tsx';

export interface RelatedArticlesProps {
  related: RelatedArticle[];
}

/** «اقرأ أيضاً»: precomputed by the ingest; each card says why it is related (the tags it shares). */
export function RelatedArticles({ related }: RelatedArticlesProps) {
  if (related.length === 0) return null;
  return (
    <aside
      aria-labelledby="related-heading"
      className="lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:self-start lg:overflow-y-auto"
    >
      <h2
        id="related-heading"
        className="mb-4 border-s-4 border-red-800 ps-3 text-xl font-bold dark:border-red-300"
      >
        {strings.article.related}
      </h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-1">
        {related.map((item) => (
          <li key={item.id}>
            <article className="related-card">
              <h3 className="leading-snug font-bold">
                <AppLink
                  to={articleHref(item.id)}
                  className="related-link"
                >
                  {item.title}
                </AppLink>
              </h3>
              <ArticleDate date={item.date} className="text-xs text-neutral-600 dark:text-neutral-400" />
              {item.sharedTags.length > 0 && (
                <p className="text-xs text-neutral-700 dark:text-neutral-300">
                  {strings.article.sharedTags}{' '}
                  {item.sharedTags.map((tag, i) => (
                    <span key={tag.slug}>
                      {i > 0 && '، '}
                      <span className="font-bold">{tag.label}</span>
                    </span>
                  ))}
                </p>
              )}
            </article>
          </li>
        ))}
      </ul>
    </aside>
  );
}

import { AppLink } from '../../shared/ui/app-link.tsx';
import type { ReadAlso } from '../../data/schema.ts';
import { articleHref } from '../../shared/lib/hrefs.ts';
import { strings } from '../../shared/strings.ar.ts';

export interface ReadAlsoListProps {
  items: ReadAlso[];
}

/** Titles the source listed under «اقرأ أيضاً»: a link when this build has the article, else plain text. */
export function ReadAlsoList({ items }: ReadAlsoListProps) {
  if (items.length === 0) return null;
  return (
    <section
      aria-labelledby="read-also-heading"
      className="mt-8 border-t border-neutral-200 pt-6 dark:border-neutral-800"
    >
      <h2 id="read-also-heading" className="mb-3 text-base font-bold">
        {strings.article.readAlso}
      </h2>
      <ul className="flex list-disc flex-col gap-2 ps-5 leading-7 marker:text-red-800 dark:marker:text-red-300">
        {items.map((item, i) => (
          // The same title may be listed twice by the source; the position tells them apart.
          <li key={i}>
            {item.id === null ? (
              <span className="text-neutral-700 dark:text-neutral-300">{item.title}</span>
            ) : (
              <AppLink
                to={articleHref(item.id)}
                className="text-red-800 underline hover:no-underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 dark:text-red-300"
              >
                {item.title}
              </AppLink>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { AppLink } from './app-link.tsx';
import type { TopicRef } from '../../data/schema.ts';
import { topicHref } from '../lib/hrefs.ts';

export interface TopicLinksProps {
  topics: readonly TopicRef[];
  /** Smaller type and spacing on cards; the article page uses the full size. */
  size: 'card' | 'page';
}

/** An article's topics as a row of links to their pages (the kicker above a headline). */
export function TopicLinks({ topics, size }: TopicLinksProps) {
  const sizing = size === 'card' ? 'gap-x-3 text-xs' : 'gap-x-4 text-sm';
  return (
    <ul className={`flex flex-wrap font-bold text-red-800 dark:text-red-300 ${sizing}`}>
      {topics.map((topic) => (
        <li key={topic.slug}>
          <AppLink
            to={topicHref(topic.slug)}
            className="hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-current"
          >
            {topic.label}
          </AppLink>
        </li>
      ))}
    </ul>
  );
}

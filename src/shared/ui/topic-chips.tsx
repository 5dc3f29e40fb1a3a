import type { TopicRef } from '../../data/schema.ts';
import { homeHref, topicHref } from '../lib/hrefs.ts';
import { ChipLink } from './chip-link.tsx';

export interface TopicChipsProps {
  /** The topic list's topics (those with an article). */
  topics: readonly TopicRef[];
  /** A chip to the latest news first, with this label. */
  home?: string;
}

/** Ways on to the news from a page that has none of its own (404, a client-only page without JavaScript). */
export function TopicChips({ topics, home }: TopicChipsProps) {
  return (
    <ul className="flex flex-wrap gap-2">
      {home !== undefined && (
        <li>
          <ChipLink to={homeHref()}>{home}</ChipLink>
        </li>
      )}
      {topics.map((topic) => (
        <li key={topic.slug}>
          <ChipLink to={topicHref(topic.slug)}>{topic.label}</ChipLink>
        </li>
      ))}
    </ul>
  );
}

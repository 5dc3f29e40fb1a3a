import { useSuspenseQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import type { TopicCount } from '../../data/schema.ts';
import { formatNumber } from '../lib/format.ts';
import { homeHref, topicHref } from '../lib/hrefs.ts';
import { manifestQuery } from '../lib/manifest-query.ts';
import { strings } from '../strings.ar.ts';
import { ChipLink } from './chip-link.tsx';
import { useRevealCurrent } from './use-reveal-current.ts';

export interface TopicFilterProps {
  topics: TopicCount[];
  total: number;
  /** The topic shown, or null for all articles. */
  active: string | null;
}

/** Filter chips: each is a link, so the filter lives in the URL and the back button restores it. */
export function TopicFilter({ topics, total, active }: TopicFilterProps) {
  const scroller = useRef<HTMLElement>(null);
  useRevealCurrent(scroller);
  return (
    <nav
      ref={scroller}
      aria-label={strings.topicFilter.label}
      className="scroll-fade -mx-4 overflow-x-auto px-4 pb-2"
    >
      <ul className="flex gap-2 sm:flex-wrap">
        <li>
          <ChipLink to={homeHref()} current={active === null}>
            {strings.topicFilter.all}
            <Count n={total} />
          </ChipLink>
        </li>
        {topics
          .filter((topic) => topic.count > 0)
          .map((topic) => (
            <li key={topic.slug}>
              <ChipLink to={topicHref(topic.slug)} current={topic.slug === active}>
                {topic.label}
                <Count n={topic.count} />
              </ChipLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

/**
 * The filter on a list's first page, with the manifest's counts (its loader loads the manifest). Older
 * pages show none: the counts move with every article added, and an older page stays the same bytes.
 */
export function ListTopicFilter({ active }: { active: string | null }) {
  const { data: manifest } = useSuspenseQuery(manifestQuery());
  return (
    <div className="mb-6">
      <TopicFilter topics={manifest.topics} total={manifest.counts.articles} active={active} />
    </div>
  );
}

function Count({ n }: { n: number }) {
  return <span className="text-xs opacity-80">{formatNumber(n)}</span>;
}

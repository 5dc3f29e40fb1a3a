import { ChipLink } from '../../shared/ui/chip-link.tsx';
import { formatNumber } from '../../shared/lib/format.ts';
import { strings } from '../../shared/strings.ar.ts';
import type { SearchOutcome } from './search-engine.ts';
import { searchHref, withTag, withTopic, type SearchParams } from './search-params.ts';

export interface SearchFacetsProps {
  params: SearchParams;
  facets: SearchOutcome['facets'];
}

/**
 * Topic and tag facets with the counts of the current results. A topic replaces the chosen one; tags add
 * up (AND), so each click narrows. Every choice is a link: the state stays in the URL.
 */
export function SearchFacets({ params, facets }: SearchFacetsProps) {
  const s = strings.searchPage;
  const tags = facets.tags.filter((t) => !params.tags.includes(t.slug));
  if (facets.topics.length === 0 && tags.length === 0) return null;
  return (
    <nav aria-label={s.facetsLabel} className="mb-6 flex flex-col gap-4">
      {facets.topics.length > 0 && (
        <section aria-labelledby="facet-topics">
          <h2 id="facet-topics" className="mb-2 text-sm font-bold text-neutral-700 dark:text-neutral-300">
            {s.topics}
          </h2>
          <ul className="flex flex-wrap gap-2">
            <li>
              <ChipLink to={searchHref(withTopic(params, null))} current={params.topic === null}>
                {s.anyTopic}
              </ChipLink>
            </li>
            {facets.topics.map((topic) => (
              <li key={topic.slug}>
                <ChipLink to={searchHref(withTopic(params, topic.slug))} current={params.topic === topic.slug}>
                  {s.facetCount(topic.label, formatNumber(topic.count))}
                </ChipLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      {tags.length > 0 && (
        <section aria-labelledby="facet-tags">
          <h2 id="facet-tags" className="mb-2 text-sm font-bold text-neutral-700 dark:text-neutral-300">
            {s.tags}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {tags.map((tag) => (
              <li key={tag.slug}>
                <ChipLink to={searchHref(withTag(params, tag.slug))}>
                  {s.facetCount(tag.label, formatNumber(tag.count))}
                </ChipLink>
              </li>
            ))}
          </ul>
        </section>
      )}
    </nav>
  );
}

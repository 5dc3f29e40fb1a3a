import type { ReactNode } from 'react';
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
 *
 * The counts of every topic and tag arrive after the results (search-page.tsx), so each group is one row of
 * a fixed height that scrolls sideways, whatever its chips: the results below never move when the counts
 * come (docs/decisions/046-search-page-canonical.md).
 */
export function SearchFacets({ params, facets }: SearchFacetsProps) {
  const s = strings.searchPage;
  const tags = facets.tags.filter((t) => !params.tags.includes(t.slug));
  return (
    <nav aria-label={s.facetsLabel} className="mb-4 flex flex-col gap-1">
      <FacetRow id="facet-topics" heading={s.topics}>
        {facets.topics.length > 0 && (
          <>
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
          </>
        )}
      </FacetRow>
      <FacetRow id="facet-tags" heading={s.tags}>
        {tags.map((tag) => (
          <li key={tag.slug}>
            <ChipLink to={searchHref(withTag(params, tag.slug))}>{s.facetCount(tag.label, formatNumber(tag.count))}</ChipLink>
          </li>
        ))}
      </FacetRow>
    </nav>
  );
}

/** A heading and one row of chips, as tall with none as with many (room for a scrollbar included). */
function FacetRow({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-sm font-bold text-neutral-700 dark:text-neutral-300">
        {heading}
      </h2>
      <ul className="scroll-fade flex h-14 items-start gap-2 overflow-x-auto overflow-y-hidden p-1">{children}</ul>
    </section>
  );
}

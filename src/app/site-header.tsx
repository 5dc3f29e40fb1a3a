import { useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { AppLink } from '../shared/ui/app-link.tsx';
import type { TopicRef } from '../data/schema.ts';
import { TextSizeControl } from '../features/preferences/text-size-control.tsx';
import { ThemeToggle } from '../features/preferences/theme-toggle.tsx';
import { SearchBox } from '../features/search/search-box.tsx';
import { formatNumber } from '../shared/lib/format.ts';
import { homeHref, savedHref, topicHref } from '../shared/lib/hrefs.ts';
import { useSavedArticles } from '../shared/lib/use-saved.ts';
import { strings } from '../shared/strings.ar.ts';
import { useRevealCurrent } from '../shared/ui/use-reveal-current.ts';

export interface SiteHeaderProps {
  /** Null while the topic list is unknown (first load, or it failed): the topic bar keeps its height. */
  topics: readonly TopicRef[] | null;
}

interface TopicBarLinkProps {
  to: string;
  /** The open page's path. */
  here: string;
  /** Current on its own path only, not on the paths under it (home). */
  end?: boolean;
  children: string;
}

/** Marked current as React Router's NavLink marks it, from a location read once for the whole bar. */
function TopicBarLink({ to, here, end = false, children }: TopicBarLinkProps) {
  const current = here === to || (!end && here.startsWith(`${to}/`));
  return (
    <AppLink
      to={to}
      aria-current={current ? 'page' : undefined}
      className={current ? 'topic-link-current' : 'topic-link'}
    >
      {children}
    </AppLink>
  );
}

export function SiteHeader({ topics }: SiteHeaderProps) {
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const here = location.pathname;
  const searched = here === '/search' ? (searchParams.get('q') ?? '') : '';
  const topicRow = useRef<HTMLUListElement>(null);
  useRevealCurrent(topicRow);

  return (
    <header className="print:hidden">
      <div className="bg-red-800 text-white dark:bg-red-950">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-3 px-4 py-3">
          <AppLink
            to={homeHref()}
            className="text-2xl font-bold focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-white"
          >
            {strings.siteName}
          </AppLink>
          {/* The page's order is the screen's at every width (WCAG 2.4.3): the controls beside the title, then
              the search box, on the same row when it is wide enough or across the next row when not. */}
          <div className="ms-auto flex items-center gap-2">
            <SavedLink />
            <TextSizeControl />
            <ThemeToggle />
          </div>
          {/* A new box on each navigation: it shows what the search page searched for, and nothing elsewhere,
              never words typed and left on the page before. Typing on a page never navigates, so never resets it. */}
          <SearchBox key={location.key} defaultValue={searched} />
        </div>
      </div>
      <nav
        aria-label={strings.nav.topics}
        className="border-b border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-950"
      >
        <ul ref={topicRow} className="scroll-fade mx-auto flex min-h-11 max-w-6xl gap-5 overflow-x-auto px-4">
          <li>
            <TopicBarLink to={homeHref()} here={here} end>
              {strings.nav.home}
            </TopicBarLink>
          </li>
          {topics?.map((topic) => (
            <li key={topic.slug}>
              <TopicBarLink to={topicHref(topic.slug)} here={here}>
                {topic.label}
              </TopicBarLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** «المحفوظات» with how many are saved on this device, shown once hydrated (the prerendered page has none). */
function SavedLink() {
  const count = useSavedArticles().entries.length;
  return (
    <AppLink
      to={savedHref()}
      className="relative inline-flex min-h-10 items-center rounded-md px-2 text-sm font-bold text-white hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
    >
      {strings.saved.nav}
      {/* Over the link's corner, not beside it: the count arrives after the first paint (it is read from the
          device), and a wider link would push the controls onto a row of their own on a phone. */}
      {count > 0 && (
        <span className="absolute -end-1.5 -top-1 min-w-5 rounded-full bg-white px-1 text-center text-xs leading-5 text-red-900 ring-2 ring-red-800 dark:ring-red-950">
          {formatNumber(count)}
        </span>
      )}
    </AppLink>
  );
}

import { useSuspenseQuery } from '@tanstack/react-query';
import { homeHref, topicHref } from '../lib/hrefs.ts';
import { manifestQuery } from '../lib/manifest-query.ts';
import { strings } from '../strings.ar.ts';
import { ChipLink } from './chip-link.tsx';

export interface NoScriptNoticeProps {
  /** What the page cannot do without JavaScript. */
  message: string;
}

/**
 * What a client-only page (search, saved) says when JavaScript is off, with ways to the news that read
 * without it. A real <noscript>: in the prerendered shell the browser shows it only with scripting off, and
 * React renders nothing inside it in the browser, so no reader with JavaScript ever sees it.
 */
export function NoScriptNotice({ message }: NoScriptNoticeProps) {
  // The root loader has loaded the manifest before any view, the prerendered shells included.
  const { data: manifest } = useSuspenseQuery(manifestQuery());
  return (
    <noscript>
      <div className="flex flex-col items-start gap-3 rounded-lg border border-neutral-200 p-6 dark:border-neutral-700">
        <p className="text-lg font-bold">{message}</p>
        <p className="text-neutral-700 dark:text-neutral-300">{strings.noScript.browse}</p>
        <nav aria-label={strings.noScript.links}>
          <ul className="flex flex-wrap gap-2">
            <li>
              <ChipLink to={homeHref()}>{strings.noScript.home}</ChipLink>
            </li>
            {manifest.topics
              .filter((topic) => topic.count > 0)
              .map((topic) => (
                <li key={topic.slug}>
                  <ChipLink to={topicHref(topic.slug)}>{topic.label}</ChipLink>
                </li>
              ))}
          </ul>
        </nav>
      </div>
    </noscript>
  );
}

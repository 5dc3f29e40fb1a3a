import { useSuspenseQuery } from '@tanstack/react-query';
import { topicListQuery } from '../lib/topic-list-query.ts';
import { strings } from '../strings.ar.ts';
import { TopicChips } from './topic-chips.tsx';

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
  // The root loader has loaded the topic list before any view, the prerendered shells included.
  const { data: topicList } = useSuspenseQuery(topicListQuery());
  return (
    <noscript>
      <div className="flex flex-col items-start gap-3 rounded-lg border border-neutral-200 p-6 dark:border-neutral-700">
        <p className="text-lg font-bold">{message}</p>
        <p className="text-neutral-700 dark:text-neutral-300">{strings.noScript.browse}</p>
        <nav aria-label={strings.noScript.links}>
          <TopicChips topics={topicList.topics} home={strings.noScript.home} />
        </nav>
      </div>
    </noscript>
  );
}

import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Outlet, ScrollRestoration, useMatches, useNavigation } from 'react-router';
import { FreshNews } from '../features/updates/fresh-news.tsx';
import { topicListQuery } from '../shared/lib/topic-list-query.ts';
import { ArticleSkeleton, ListSkeleton } from '../shared/ui/skeletons.tsx';
import { AppShell } from './app-shell.tsx';
import { useRouteFocus } from './use-route-focus.ts';

/**
 * The topic list frames every view (the header's topic bar); it is one small file. The loader only awaits
 * its query and returns nothing of it: views read it from the query cache, so a prerendered page carries
 * it once, with the dehydrated queries, not a second time as the root's loader data.
 */
export const rootLoader = (queryClient: QueryClient) => async () => {
  await queryClient.query(topicListQuery());
  return null;
};

/** Navigations that finish sooner keep the old view on screen instead of flashing a skeleton. */
const SKELETON_DELAY_MS = 200;

export function RootLayout() {
  const { data: topicList } = useSuspenseQuery(topicListQuery());
  const navigation = useNavigation();
  const target = navigation.state === 'loading' ? navigation.location.pathname : null;
  const slow = useDelayedFlag(target !== null, SKELETON_DELAY_MS);
  useRouteFocus();
  const onList = useMatches().some((match) => (match.handle as { list?: boolean } | undefined)?.list === true);

  return (
    <AppShell topics={topicList.topics}>
      <ScrollRestoration />
      {slow && target !== null ? <PageSkeleton pathname={target} /> : <Outlet />}
      <FreshNews enabled={onList} />
    </AppShell>
  );
}

/** Shown on the first load, while the root loader runs. */
export function AppFallback() {
  return (
    <AppShell topics={null}>
      <ListSkeleton />
    </AppShell>
  );
}

function PageSkeleton({ pathname }: { pathname: string }) {
  return pathname.startsWith('/articles/') ? <ArticleSkeleton /> : <ListSkeleton />;
}

function useDelayedFlag(on: boolean, delayMs: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    if (!on) return;
    const timer = setTimeout(() => setElapsed(true), delayMs);
    return () => {
      clearTimeout(timer);
      setElapsed(false);
    };
  }, [on, delayMs]);
  return on && elapsed;
}

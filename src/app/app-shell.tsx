import { useMemo, type ReactNode } from 'react';
import { createPath, useLocation, useNavigate } from 'react-router';
import type { TopicRef } from '../data/schema.ts';
import { strings } from '../shared/strings.ar.ts';
import { LinkNavigation, linkClickHandler } from '../shared/ui/app-link.tsx';
import { OfflineNotice } from '../shared/ui/offline-notice.tsx';
import { ServiceWorkerUpdate } from '../features/updates/service-worker-update.tsx';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';

export interface AppShellProps {
  /** The header's topic bar; null before the topic list is loaded. */
  topics: readonly TopicRef[] | null;
  children: ReactNode;
}

/** The frame of every view: skip link, header, main, footer; its links open in place (AppLink). */
export function AppShell({ topics, children }: AppShellProps) {
  const navigate = useNavigate();
  const here = createPath(useLocation());
  // As React Router's <Link>: a link to the page already open replaces its history entry.
  const onLinkClick = useMemo(
    () => linkClickHandler((to) => void navigate(to, { replace: to === here })),
    [navigate, here],
  );
  return (
    <LinkNavigation value={onLinkClick}>
      <div className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-bold focus:text-red-800 focus:outline-2 focus:outline-red-800"
        >
          {strings.skipToContent}
        </a>
        <SiteHeader topics={topics} />
        <OfflineNotice />
        <ServiceWorkerUpdate />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </div>
    </LinkNavigation>
  );
}

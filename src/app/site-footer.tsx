import type { Manifest } from '../data/schema.ts';
import { formatPlural } from '../shared/lib/format.ts';
import { strings } from '../shared/strings.ar.ts';

export interface SiteFooterProps {
  manifest: Manifest | null;
}

export function SiteFooter({ manifest }: SiteFooterProps) {
  return (
    <footer className="mt-12 print:hidden border-t border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-950">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-neutral-700 dark:text-neutral-300">
        <p className="font-bold text-neutral-900 dark:text-neutral-100">{strings.siteName}</p>
        <p>{strings.footer.about}</p>
        {manifest && <p>{formatPlural(manifest.counts.articles, strings.plural.articles)}</p>}
      </div>
    </footer>
  );
}

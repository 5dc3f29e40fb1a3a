import { strings } from '../shared/strings.ar.ts';

/**
 * The same on every page. It no longer counts the articles: a count there changed every page with every
 * article added; the home page's «الكل» chip says it.
 */
export function SiteFooter() {
  return (
    <footer className="mt-12 print:hidden border-t border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-950">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-neutral-700 dark:text-neutral-300">
        <p className="font-bold text-neutral-900 dark:text-neutral-100">{strings.siteName}</p>
        <p>{strings.footer.about}</p>
      </div>
    </footer>
  );
}

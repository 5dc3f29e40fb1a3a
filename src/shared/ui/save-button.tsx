import type { Article, ArticleSummary } from '../../data/schema.ts';
import { savedStore } from '../lib/saved-list.ts';
import { useSavedArticles } from '../lib/use-saved.ts';
import { strings } from '../strings.ar.ts';

export interface SaveButtonProps {
  summary: ArticleSummary;
  /** The whole article when the page has it; a card's button fetches it. */
  article?: Article;
  /** On a card the name says which article; on the article page the heading already does. */
  named?: boolean;
}

/**
 * A toggle that keeps the article on the device. Its name stays «حفظ» and `aria-pressed` (and the filled
 * icon) says whether it is saved, as the ARIA toggle-button pattern asks; unpressed until hydrated.
 */
export function SaveButton({ summary, article, named = false }: SaveButtonProps) {
  const saved = useSavedArticles().entries.some((entry) => entry.summary.id === summary.id);
  const toggle = async () => {
    const store = await savedStore();
    await (saved ? store.removeSaved(summary.id) : store.saveArticle(summary, article ?? null));
  };
  return (
    <button
      type="button"
      aria-pressed={saved}
      aria-label={named ? strings.saved.saveNamed(summary.title) : undefined}
      onClick={() => void toggle()}
      className="inline-flex min-h-10 shrink-0 items-center gap-1.5 rounded-md border border-neutral-300 px-3 text-sm font-bold text-neutral-800 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800 aria-pressed:border-red-800 aria-pressed:bg-red-50 aria-pressed:text-red-900 dark:border-neutral-600 dark:text-neutral-100 dark:hover:bg-neutral-800 dark:focus-visible:outline-red-300 dark:aria-pressed:border-red-300 dark:aria-pressed:bg-red-950 dark:aria-pressed:text-red-100"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill={saved ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="2">
        <path d="M6 3h12v18l-6-4-6 4Z" strokeLinejoin="round" />
      </svg>
      {strings.saved.save}
    </button>
  );
}

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
 * A toggle that keeps the article on the device; unpressed until hydrated. Saved, it reads «محفوظ»: an
 * icon and a border alone did not tell readers. Its accessible name is the words it shows (a voice-control
 * user says what they see), and `aria-pressed` still says the state: «محفوظ», pressed, never contradicts
 * itself, as a name naming the action («إلغاء الحفظ», pressed) would.
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
      aria-label={
        named ? (saved ? strings.saved.savedNamed : strings.saved.saveNamed)(summary.title) : undefined
      }
      onClick={() => void toggle()}
      data-needs-js
      className="save-button"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill={saved ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="2">
        <path d="M6 3h12v18l-6-4-6 4Z" strokeLinejoin="round" />
      </svg>
      {saved ? strings.saved.savedLabel : strings.saved.save}
    </button>
  );
}

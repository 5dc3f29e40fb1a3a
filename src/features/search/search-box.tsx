/**
 * The header's search box: an ARIA combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/) that
 * suggests topics, tags and headlines while the reader types. Arrow keys move through the list, Enter
 * opens the one chosen (a topic or tag page, or the article) or else searches, Escape closes the list.
 * Suggestions load after a pause in typing, from a module imported on first use, and are text only.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Form, useNavigate } from 'react-router';
import { formatNumber } from '../../shared/lib/format.ts';
import { strings } from '../../shared/strings.ar.ts';
import type { Suggestion } from './suggestions.ts';
import { useSlashFocus } from './use-slash-focus.ts';

/** Milliseconds without a keystroke before suggestions load. */
const DEBOUNCE_MS = 150;

export const suggestionsQuery = (typed: string) =>
  queryOptions({
    queryKey: ['suggestions', typed],
    queryFn: async (): Promise<Suggestion[]> => (await import('./suggestions.ts')).fetchSuggestions(typed),
    staleTime: Infinity,
    retry: false,
  });

const KIND_LABEL: Record<Suggestion['kind'], string> = {
  topic: strings.search.kindTopic,
  tag: strings.search.kindTag,
  article: strings.search.kindArticle,
};

export interface SearchBoxProps {
  /** What the URL searched for, shown in the box. */
  defaultValue: string;
}

export function SearchBox({ defaultValue }: SearchBoxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const navigate = useNavigate();
  const [value, setValue] = useState(defaultValue);
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  useSlashFocus(input);

  // Words typed into the prerendered box before the app started: hydration keeps them on screen (React
  // leaves a hydrated input's value alone) but not in state, so adopt them once, after hydration.
  useEffect(() => {
    const box = input.current;
    if (!box || box.value === box.defaultValue) return;
    setValue(box.value);
    setOpen(document.activeElement === box);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => setTyped(value.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);

  const { data } = useQuery({ ...suggestionsQuery(typed), enabled: typed !== '', placeholderData: keepPreviousData });
  const suggestions = typed !== '' && open ? (data ?? []) : [];
  const expanded = suggestions.length > 0;

  const choose = (suggestion: Suggestion): void => {
    setOpen(false);
    void navigate(suggestion.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!expanded) {
        setOpen(true);
        return;
      }
      event.preventDefault();
      // -1 is the box itself: the arrows cycle through it and the options.
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const states = suggestions.length + 1;
      setActive((i) => ((i + 1 + step + states) % states) - 1);
    } else if (event.key === 'Enter' && expanded && suggestions[active]) {
      event.preventDefault();
      choose(suggestions[active]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <Form role="search" action="/search" className="relative flex w-full gap-2 sm:w-80">
      <label htmlFor={`${id}-input`} className="sr-only">
        {strings.search.label}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        name="q"
        aria-keyshortcuts="/"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        placeholder={strings.search.placeholder}
        className="min-h-10 min-w-0 flex-1 rounded-md border border-white/40 bg-white px-3 text-neutral-900 placeholder:text-neutral-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white dark:bg-neutral-900 dark:text-neutral-50 dark:placeholder:text-neutral-400"
      />
      <button
        type="submit"
        className="min-h-10 rounded-md bg-white/15 px-4 font-bold hover:bg-white/25 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
      >
        {strings.search.submit}
      </button>
      <ul
        id={listId}
        role="listbox"
        aria-label={strings.search.suggestionsLabel}
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-20 mt-1 max-h-96 overflow-y-auto rounded-md border border-neutral-200 bg-white py-1 text-neutral-900 shadow-lg dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-50"
      >
        {suggestions.map((suggestion, i) => (
          // The keys are the input's (aria-activedescendant): an option never takes the focus.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={suggestion.href}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            // Keep the focus in the box: a click chooses without blurring it first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(suggestion)}
            className={
              'flex cursor-pointer items-baseline gap-2 px-3 py-2 text-start ' +
              (i === active ? 'bg-red-50 dark:bg-red-950' : 'hover:bg-neutral-100 dark:hover:bg-neutral-800')
            }
          >
            <span className="shrink-0 text-xs text-neutral-600 dark:text-neutral-400">{KIND_LABEL[suggestion.kind]}</span>
            <span className="line-clamp-2">{suggestion.label}</span>
          </li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite">
        {expanded ? strings.search.suggestionCount(formatNumber(suggestions.length)) : ''}
      </p>
    </Form>
  );
}

import { useSyncExternalStore } from 'react';
import { strings } from '../../shared/strings.ar.ts';
import { isDark, setDark, subscribeTheme } from './theme.ts';

/** Light until hydrated on the server's side; the real state is read from the document, never in render. */
const serverSnapshot = () => false;

export function ThemeToggle() {
  const dark = useSyncExternalStore(subscribeTheme, isDark, serverSnapshot);
  return (
    <button
      type="button"
      aria-pressed={dark}
      aria-label={strings.theme.toggleDark}
      data-needs-js
      title={strings.theme.toggleDark}
      onClick={() => setDark(!dark)}
      className="inline-flex size-10 shrink-0 items-center justify-center rounded-full text-neutral-50 hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
    >
      {dark ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}

function MoonIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" strokeLinejoin="round" />
    </svg>
  );
}

function SunIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <circle cx="12" cy="12" r="4" />
      <path
        d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"
        strokeLinecap="round"
      />
    </svg>
  );
}

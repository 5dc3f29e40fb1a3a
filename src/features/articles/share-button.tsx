import { useEffect, useId, useRef, useState } from 'react';
import { strings } from '../../shared/strings.ar.ts';
import { SHARE_TARGETS, canonicalUrl, shareLink } from './share-links.ts';

export interface ShareButtonProps {
  title: string;
}

const controlClass =
  'inline-flex min-h-10 items-center gap-2 rounded-md border border-neutral-300 px-3 text-sm font-bold text-neutral-900 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 dark:border-neutral-600 dark:text-neutral-100 dark:hover:bg-neutral-800 dark:focus-visible:outline-red-300';

/**
 * The system share sheet where the browser has one (phones); elsewhere a small menu: copy the link, or send
 * it to WhatsApp, Telegram, X or Facebook. The URL is read when the reader acts, never in render.
 */
export function ShareButton({ title }: ShareButtonProps) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [status, setStatus] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const onShare = async () => {
    const here = canonicalUrl();
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url: here });
        return;
      } catch (error) {
        // The reader closed the sheet: nothing to do. Anything else falls back to the menu.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    setUrl(here);
    setStatus('');
    setOpen((was) => !was);
  };

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus(strings.share.copied);
    } catch {
      setStatus(strings.share.copyFailed);
    }
  };

  return (
    <div data-needs-js className="relative self-start print:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => void onShare()}
        className={controlClass}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <circle cx="18" cy="5" r="3" />
          <circle cx="6" cy="12" r="3" />
          <circle cx="18" cy="19" r="3" />
          <path d="m8.6 13.5 6.8 4M15.4 6.5l-6.8 4" />
        </svg>
        {strings.share.button}
      </button>
      <div
        ref={panel}
        id={panelId}
        role="group"
        aria-label={strings.share.menu}
        hidden={!open}
        className="absolute start-0 top-full z-20 mt-2 w-60 rounded-md border border-neutral-200 bg-white p-2 shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
      >
        <ul className="flex flex-col gap-1">
          <li>
            <button type="button" onClick={() => void onCopy()} className={`${controlClass} w-full border-0`}>
              {strings.share.copyLink}
            </button>
          </li>
          {/* The links exist once the menu has the page's URL: never an <a> without href. */}
          {url !== '' &&
            SHARE_TARGETS.map((target) => (
              <li key={target}>
                <a
                  href={shareLink(target, title, url)}
                  target="_blank"
                  rel="noopener noreferrer"
                  className={`${controlClass} w-full border-0`}
                >
                  {strings.share[target]}
                </a>
              </li>
            ))}
        </ul>
      </div>
      <p role="status" className="mt-1 text-sm text-neutral-700 empty:hidden dark:text-neutral-300">
        {status}
      </p>
    </div>
  );
}

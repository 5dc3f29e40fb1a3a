import { useSyncExternalStore } from 'react';
import { strings } from '../../shared/strings.ar.ts';
import {
  DEFAULT_TEXT_SIZE,
  TEXT_SIZES,
  currentTextSize,
  setTextSize,
  stepTextSize,
  subscribeTextSize,
  type TextSize,
} from './text-size.ts';

/** The default step until hydrated; the real one is read from the document, never in render. */
const serverSnapshot = (): TextSize => DEFAULT_TEXT_SIZE;

const buttonClass =
  'inline-flex size-10 shrink-0 items-center justify-center rounded-full font-bold text-neutral-50 hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white aria-disabled:cursor-not-allowed aria-disabled:opacity-50';

/** «تصغير الخط» / «تكبير الخط»: four steps. At an end the button stays focusable and says it is disabled. */
export function TextSizeControl() {
  const size = useSyncExternalStore(subscribeTextSize, currentTextSize, serverSnapshot);
  const step = TEXT_SIZES.indexOf(size);
  const button = (by: -1 | 1, label: string, glyph: string) => {
    const atEnd = by < 0 ? step === 0 : step === TEXT_SIZES.length - 1;
    return (
      <button
        type="button"
        aria-label={label}
        title={label}
        aria-disabled={atEnd}
        onClick={() => {
          if (!atEnd) setTextSize(stepTextSize(size, by));
        }}
        className={buttonClass}
      >
        <span aria-hidden="true" className={by < 0 ? 'text-sm' : 'text-lg'}>
          {glyph}
        </span>
      </button>
    );
  };
  return (
    <div role="group" aria-label={strings.textSize.label} data-needs-js className="flex items-center print:hidden">
      {button(-1, strings.textSize.smaller, 'أ-')}
      {button(1, strings.textSize.larger, 'أ+')}
    </div>
  );
}

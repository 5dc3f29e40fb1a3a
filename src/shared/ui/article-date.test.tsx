import { act, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleDate } from './article-date.tsx';

const published = '2026-11-30T09:00:00.000Z';

describe('ArticleDate', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(Date.parse(published) + 3 * 60 * 60 * 1000 + 60_000);
  });
  afterEach(() => vi.useRealTimers());

  it('prints no relative time on the server, whatever the clock', () => {
    const html = renderToString(<ArticleDate date={published} />);
    expect(html).toBe('<time dateTime="2026-11-30T09:00:00.000Z">٣٠ نوفمبر ٢٠٢٦</time>');
  });

  it('adds how long ago beside the date in the browser', () => {
    render(<ArticleDate date={published} />);
    expect(screen.getByText(/قبل ٣ ساعات/)).toHaveAttribute('datetime', published);
  });

  it('moves on as minutes pass', () => {
    render(<ArticleDate date={published} />);
    act(() => vi.advanceTimersByTime(60 * 60 * 1000));
    expect(screen.getByText(/قبل ٤ ساعات/)).toBeInTheDocument();
  });

  it('keeps to the date alone for an article over a week old', () => {
    vi.setSystemTime(Date.parse(published) + 8 * 24 * 60 * 60 * 1000);
    const { container } = render(<ArticleDate date={published} />);
    expect(container.textContent).toBe('٣٠ نوفمبر ٢٠٢٦');
  });
});

import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEPT_COPY_QUESTION } from '../lib/offline-caches.ts';
import { strings } from '../strings.ar.ts';
import { OfflineNotice } from './offline-notice.tsx';

/** A controlling service worker that answers the page's question with `kept`. */
function workerSaying(kept: boolean): void {
  const controller = {
    postMessage: (message: { type: string }, [port]: MessagePort[]) => {
      if (message.type === KEPT_COPY_QUESTION) port!.postMessage(kept);
    },
  };
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { controller } });
}

describe('OfflineNotice', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'serviceWorker');
    vi.restoreAllMocks();
  });

  it('says nothing while prerendering', () => {
    expect(renderToString(<OfflineNotice />)).toBe('<div aria-live="polite" class="empty:hidden"></div>');
  });

  it('says the page is the kept copy when the worker answered for a silent network', async () => {
    workerSaying(true);
    render(<OfflineNotice />);
    expect(await screen.findByText(strings.offline.keptNotice)).toBeInTheDocument();
  });

  it('says nothing when the network answered', async () => {
    workerSaying(false);
    render(<OfflineNotice />);
    // The answer arrives on a message port: wait for it before looking.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(strings.offline.keptNotice)).not.toBeInTheDocument();
  });

  it('says the reader is offline when the browser knows it', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    render(<OfflineNotice />);
    expect(screen.getByText(strings.offline.notice)).toBeInTheDocument();
  });
});

import { act, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchJson } from '../lib/fetch-shard.ts';
import { noteKeptCopy } from '../lib/kept-copy.ts';
import { KEPT_COPY_HEADER, KEPT_COPY_QUESTION } from '../lib/offline-caches.ts';
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
    noteKeptCopy(false);
    Reflect.deleteProperty(navigator, 'serviceWorker');
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
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
    // The answer arrives on the page's end of a message channel: listen there too, to look once it is in.
    const ends: MessagePort[] = [];
    vi.stubGlobal(
      'MessageChannel',
      class extends MessageChannel {
        constructor() {
          super();
          ends.push(this.port1);
        }
      },
    );
    render(<OfflineNotice />);
    expect(ends).toHaveLength(1);
    const answered = new Promise((resolve) => ends[0]!.addEventListener('message', resolve));
    // What the page does with the answer is promise callbacks, all run before the next timer.
    await act(async () => {
      await answered;
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByText(strings.offline.keptNotice)).not.toBeInTheDocument();
  });

  it('follows the shards: one the worker answered from its cache shows it, one from the network clears it', async () => {
    const any = { safeParse: (data: unknown) => ({ success: true as const, data }) };
    const shard = (headers: Record<string, string>) =>
      vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response('{}', { headers: { 'content-type': 'application/json', ...headers } }));
    render(<OfflineNotice />);
    shard({ [KEPT_COPY_HEADER]: '1' });
    await act(() => fetchJson('/data/x.json', any));
    expect(screen.getByText(strings.offline.keptNotice)).toBeInTheDocument();
    shard({});
    await act(() => fetchJson('/data/y.json', any));
    expect(screen.queryByText(strings.offline.keptNotice)).not.toBeInTheDocument();
  });

  it('says the reader is offline when the browser knows it', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    render(<OfflineNotice />);
    expect(screen.getByText(strings.offline.notice)).toBeInTheDocument();
  });
});

import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articlePath, homePagePath, manifestPath } from '../data/paths.ts';
import { strings } from '../shared/strings.ar.ts';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../test/render-route.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const json = (value: unknown) =>
  new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' } });

describe('error view', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it('says the data is invalid, naming the file and the field', async () => {
    renderRoute('/articles/a01', {
      override: (path) =>
        path === articlePath('a01') ? json({ schemaVersion: 1, id: 'a01', title: 42 }) : undefined,
    });
    expect(await screen.findByRole('heading', { level: 1, name: strings.error.title })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(strings.error.invalidData);
    const details = screen.getByText(strings.error.details).closest('details')!;
    expect(details).toHaveTextContent(`/data/${articlePath('a01')}`);
    expect(details).toHaveTextContent('title');
  });

  it('shows a retry button after a failed fetch, and the retry recovers', async () => {
    let failures = 1;
    const { user } = renderRoute('/', {
      override: (path) => {
        if (path === homePagePath(0) && failures > 0) {
          failures--;
          throw new TypeError('Failed to fetch');
        }
        return undefined;
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(strings.error.network);
    // The frame stays: a failure is never a blank page.
    expect(screen.getByRole('banner')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: strings.error.retry }));
    expect(await screen.findByRole('heading', { level: 1, name: strings.home.heading })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the frame and a retry when the manifest itself fails', async () => {
    let failures = 1;
    const { user } = renderRoute('/', {
      override: (path) => {
        if (path === manifestPath() && failures > 0) {
          failures--;
          return new Response('busy', { status: 503 });
        }
        return undefined;
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(strings.error.network);
    expect(screen.getByRole('link', { name: strings.skipToContent })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: strings.error.retry }));
    expect(await screen.findByRole('heading', { level: 1, name: strings.home.heading })).toBeInTheDocument();
  });
});

import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { strings } from '../shared/strings.ar.ts';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../test/render-route.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('404 page', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it.each([
    ['an unknown path', '/no/such/page'],
    ['an unknown article', '/articles/nope'],
    ['an unknown tag', '/tags/nope'],
    ['an unknown topic', '/topics/nope'],
    ['a malformed escape', '/tags/%E0%A4%A'],
    ['a very long slug', `/tags/${'ك'.repeat(5000)}`],
    ['a path climbing out', '/articles/../../etc/passwd'],
    ['an encoded dot-dot id', '/articles/..%2F..%2Fetc%2Fpasswd'],
    ['an empty id', '/articles/'],
  ])('answers %s with a real 404 page', async (_, url) => {
    renderRoute(url);
    expect(
      await screen.findByRole('heading', { level: 1, name: strings.notFound.title }),
    ).toBeInTheDocument();
    expect(document.title).toBe(`${strings.notFound.title} — قارئ الأخبار`);
  });

  it('offers to search for the words of a tag that does not exist', async () => {
    renderRoute(`/tags/${encodeURIComponent('مهرجان-الربيع')}`);
    const link = await screen.findByRole('link', { name: 'ابحث عن «مهرجان الربيع»' });
    expect(link).toHaveAttribute('href', `/search?q=${encodeURIComponent('مهرجان الربيع').replace(/%20/g, '+')}`);
  });

  it('offers a way home and the topics, inside the usual frame', async () => {
    renderRoute('/no/such/page');
    await screen.findByRole('heading', { level: 1, name: strings.notFound.title });
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: strings.notFound.home })).toHaveAttribute('href', '/');
    expect(within(main).getByRole('link', { name: 'أوكرانيا' })).toHaveAttribute('href', '/topics/ukraine');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
  });
});

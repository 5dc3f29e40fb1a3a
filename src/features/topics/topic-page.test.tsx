import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { strings } from '../../shared/strings.ar.ts';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../../test/render-route.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('topic page', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it('shows the topic, its count in Arabic plural, and its articles', async () => {
    renderRoute('/topics/karabakh');
    expect(await screen.findByRole('heading', { level: 1, name: 'كاراباخ' })).toBeInTheDocument();
    expect(screen.getByText('١١ مقالاً')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(11);
    expect(document.title).toBe('كاراباخ — قارئ الأخبار');
  });

  it('marks its chip as current in the topic filter and in the main navigation', async () => {
    renderRoute('/topics/karabakh');
    await screen.findByRole('heading', { level: 1, name: 'كاراباخ' });
    const filter = screen.getByRole('navigation', { name: strings.topicFilter.label });
    expect(within(filter).getByRole('link', { name: /^كاراباخ/ })).toHaveAttribute('aria-current', 'page');
    expect(within(filter).getByRole('link', { name: /^الكل/ })).not.toHaveAttribute('aria-current');
    const mainNav = screen.getByRole('navigation', { name: strings.nav.topics });
    expect(within(mainNav).getByRole('link', { name: 'كاراباخ' })).toHaveAttribute('aria-current', 'page');
  });

  it('takes a topic slug written in capitals to its page', async () => {
    renderRoute('/topics/Karabakh');
    expect(await screen.findByRole('heading', { level: 1, name: 'كاراباخ' })).toBeInTheDocument();
  });

  it.each([['كاراباخ'], ['كارَاباخ']])(
    'takes a topic named by its label, /topics/%s, to its page',
    async (path) => {
      renderRoute(`/topics/${path}`);
      expect(await screen.findByRole('heading', { level: 1, name: 'كاراباخ' })).toBeInTheDocument();
    },
  );

  it('answers an unknown topic with the 404 page', async () => {
    renderRoute('/topics/atlantis');
    expect(
      await screen.findByRole('heading', { level: 1, name: strings.notFound.title }),
    ).toBeInTheDocument();
  });
});

import { fireEvent, render, screen, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../../test/render-route.tsx';
import { strings } from '../strings.ar.ts';
import { AppLink, LinkNavigation, linkClickHandler } from './app-link.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderLink(follow: (to: string) => void) {
  render(
    <LinkNavigation value={linkClickHandler(follow)}>
      <AppLink to="/articles/a%2Fb">خبر</AppLink>
    </LinkNavigation>,
  );
  return screen.getByRole('link', { name: 'خبر' });
}

/** Clicks; true when the browser would have loaded the link itself (nothing prevented its default). */
function browserFollows(link: HTMLElement, init: MouseEventInit = {}): boolean {
  let follows = false;
  // After React's handlers (they listen on the root, below the document); jsdom cannot load pages.
  const listener = (event: Event) => {
    follows = !event.defaultPrevented;
    event.preventDefault();
  };
  document.addEventListener('click', listener);
  fireEvent.click(link, { button: 0, ...init });
  document.removeEventListener('click', listener);
  return follows;
}

describe('AppLink', () => {
  it('renders a plain anchor with its path as href, and nothing of the router', () => {
    expect(
      renderToString(
        <AppLink to="/tags/x" className="chip">
          وسم
        </AppLink>,
      ),
    ).toBe('<a class="chip" href="/tags/x">وسم</a>');
  });

  it('opens a plain click in place', () => {
    const follow = vi.fn();
    const link = renderLink(follow);
    expect(browserFollows(link)).toBe(false);
    expect(follow).toHaveBeenCalledWith('/articles/a%2Fb');
  });

  it.each([
    ['a click with Ctrl (new tab)', { ctrlKey: true }],
    ['a click with Meta', { metaKey: true }],
    ['a click with Shift (new window)', { shiftKey: true }],
    ['a click with Alt (download)', { altKey: true }],
    ['a middle click', { button: 1 }],
  ])('leaves %s to the browser', (_, init) => {
    const follow = vi.fn();
    expect(browserFollows(renderLink(follow), init)).toBe(true);
    expect(follow).not.toHaveBeenCalled();
  });
});

describe('links in the app', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it('push a new page, and replace the page already open', async () => {
    const { user, router } = renderRoute('/');
    const filter = await screen.findByRole('navigation', { name: strings.topicFilter.label });
    await user.click(within(filter).getByRole('link', { name: /^الاقتصاد/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'الاقتصاد' })).toBeInTheDocument();
    expect(router.state.historyAction).toBe('PUSH');
    expect(router.state.location.pathname).toBe('/topics/economy');

    const again = within(screen.getByRole('navigation', { name: strings.topicFilter.label })).getByRole(
      'link',
      {
        name: /^الاقتصاد/,
      },
    );
    await user.click(again);
    await vi.waitFor(() => expect(router.state.historyAction).toBe('REPLACE'));
    expect(router.state.location.pathname).toBe('/topics/economy');
  });
});

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { strings } from '../../shared/strings.ar.ts';
import { SearchBox } from './search-box.tsx';
import { fetchSuggestions } from './suggestions.ts';

vi.mock('./suggestions.ts', () => ({ fetchSuggestions: vi.fn() }));

function renderBox() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: '/', element: <SearchBox defaultValue="" /> },
      { path: '*', element: <p>صفحة أخرى</p> },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, user: userEvent.setup() };
}

const box = () => screen.getByRole('combobox', { name: strings.search.label });

describe('SearchBox', () => {
  beforeEach(() => {
    vi.mocked(fetchSuggestions).mockReset();
    vi.mocked(fetchSuggestions).mockResolvedValue([
      { kind: 'topic', label: 'ناغورني قره باغ', href: '/topics/karabakh' },
      { kind: 'article', label: 'أرمينيا ترفع دعوى <b>ضد</b> أذربيجان', href: '/articles/a1' },
    ]);
  });

  it('suggests as the reader types and opens the option chosen with the arrow keys and Enter', async () => {
    const { user, router } = renderBox();
    await user.type(box(), 'كارا');
    // A pause between two keystrokes (a busy machine) shows the first letters' suggestions: wait for the word's.
    await waitFor(() => expect(fetchSuggestions).toHaveBeenLastCalledWith('كارا'));
    const options = await screen.findAllByRole('option');
    expect(box()).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(box()).toHaveAttribute('aria-activedescendant', options[1]!.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/topics/karabakh');
  });

  it('shows suggestions as text, never as markup', async () => {
    renderBox();
    await userEvent.setup().type(box(), 'أرم');
    const option = await screen.findByRole('option', { name: /أرمينيا ترفع دعوى <b>ضد<\/b> أذربيجان/ });
    expect(option.querySelector('b')).toBeNull();
  });

  it('closes the list with Escape and then searches the words with Enter', async () => {
    const { user, router } = renderBox();
    await user.type(box(), 'كارا');
    await screen.findAllByRole('option');
    await user.keyboard('{Escape}');
    expect(box()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    await user.keyboard('{Enter}');
    // The search route's code is loaded lazily, as in the browser: slow on a busy machine.
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/search'), { timeout: 10_000 });
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('كارا');
  });

  it('opens an article chosen with the mouse', async () => {
    const { user, router } = renderBox();
    await user.type(box(), 'أرم');
    await user.click(await screen.findByRole('option', { name: /أرمينيا/ }));
    expect(router.state.location.pathname).toBe('/articles/a1');
  });
});

describe('SearchBox submit', () => {
  it('searches the words with the button', async () => {
    vi.mocked(fetchSuggestions).mockResolvedValue([]);
    const { user, router } = renderBox();
    await user.type(box(), 'كاراباخ');
    await user.click(screen.getByRole('button', { name: strings.search.submit }));
    // The search route's code is loaded lazily, as in the browser: slow on a busy machine.
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/search'), { timeout: 10_000 });
  });
});

describe('SearchBox before the app starts', () => {
  it('suggests for words typed into the prerendered box before hydration, and keeps them', async () => {
    vi.mocked(fetchSuggestions).mockReset();
    vi.mocked(fetchSuggestions).mockResolvedValue([{ kind: 'topic', label: 'أوكرانيا', href: '/topics/ukraine' }]);
    const tree = () => {
      const router = createMemoryRouter([{ path: '/', element: <SearchBox defaultValue="" /> }], { initialEntries: ['/'] });
      return (
        <QueryClientProvider client={new QueryClient()}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      );
    };
    const container = document.createElement('div');
    container.innerHTML = renderToString(tree());
    document.body.append(container);
    const prerendered = container.querySelector('input')!;
    prerendered.focus();
    prerendered.value = 'أوكر';
    const errors = vi.spyOn(console, 'error');
    await act(async () => {
      hydrateRoot(container, tree());
    });
    expect(await screen.findByRole('option', { name: /أوكرانيا/ })).toBeInTheDocument();
    expect(fetchSuggestions).toHaveBeenLastCalledWith('أوكر');
    expect(box()).toHaveValue('أوكر');
    expect(errors).not.toHaveBeenCalled();
    container.remove();
  });
});

import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articlePath } from '../../data/paths.ts';
import { removeSaved } from '../../shared/lib/saved-articles.ts';
import { savedSnapshot } from '../../shared/lib/saved-list.ts';
import { articleHref, savedHref } from '../../shared/lib/hrefs.ts';
import { strings } from '../../shared/strings.ar.ts';
import { fixtureCounts, leadArticle } from '../../test/fixtures/data.ts';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../../test/render-route.tsx';

// jsdom has no IndexedDB: idb-keyval over a Map, which is what the device keeps between page loads. A test
// may hold the writes of whole articles back (`writes.hold`) to act while one is under way.
const device = vi.hoisted(() => new Map<IDBValidKey, unknown>());
const writes = vi.hoisted(() => ({ hold: null as Promise<void> | null, held: 0 }));
vi.mock('idb-keyval', () => ({
  createStore: () => 'saved',
  entries: async () => [...device.entries()],
  get: async (key: IDBValidKey) => device.get(key),
  set: async (key: IDBValidKey, value: { article: unknown }) => {
    if (writes.hold && value.article) {
      writes.held++;
      await writes.hold;
    }
    device.set(key, value);
  },
  del: async (key: IDBValidKey) => void device.delete(key),
}));

afterEach(async () => {
  writes.hold = null;
  writes.held = 0;
  for (const entry of savedSnapshot().entries) await removeSaved(entry.summary.id);
  device.clear();
  vi.unstubAllGlobals();
});

const saveButton = (title: string) => screen.getByRole('button', { name: strings.saved.saveNamed(title) });
const savedLink = () => screen.getByRole('link', { name: new RegExp(strings.saved.nav) });
const savedButton = (title: string) => screen.getByRole('button', { name: strings.saved.savedNamed(title) });

/**
 * Saves from a card and waits for the save to finish: the button reads «محفوظ» and the device keeps the whole
 * article (fetched after the card). Two saves clicked at once may land in either order, or after the test.
 */
async function saveFromCard(user: UserEvent, title: string): Promise<void> {
  await user.click(saveButton(title));
  await screen.findByRole('button', { name: strings.saved.savedNamed(title), pressed: true });
  await waitFor(() =>
    expect([...device.values()]).toContainEqual(
      expect.objectContaining({ article: expect.objectContaining({ title }) }),
    ),
  );
}

describe('saved articles', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it('says so in Arabic when nothing is saved', async () => {
    renderRoute(savedHref());
    expect(await screen.findByText(strings.saved.empty)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: strings.saved.heading })).toBeInTheDocument();
  });

  it('never shows a reader with the app what it says without JavaScript', async () => {
    renderRoute(savedHref());
    await screen.findByText(strings.saved.empty);
    expect(screen.queryByText(strings.noScript.saved)).not.toBeInTheDocument();
  });

  it('saves from a card: the button is pressed, the header counts it and the device keeps it whole', async () => {
    const { user } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: strings.home.heading });
    expect(saveButton(leadArticle.title)).toHaveAttribute('aria-pressed', 'false');
    await user.click(saveButton(leadArticle.title));
    await waitFor(() => expect(savedButton(leadArticle.title)).toHaveAttribute('aria-pressed', 'true'));
    expect(savedLink()).toHaveTextContent('١');
    await waitFor(() => expect(device.get(leadArticle.id)).toMatchObject({ article: { body: leadArticle.body } }));
  });

  it('lists the latest saved first, and removes one', async () => {
    const other = fixtureCounts.newestFirst[1]!;
    const { user, router } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: strings.home.heading });
    await saveFromCard(user, other);
    await saveFromCard(user, leadArticle.title);
    await router.navigate(savedHref());
    await screen.findByRole('heading', { level: 1, name: strings.saved.heading });
    const cards = await within(screen.getByRole('main')).findAllByRole('article');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual([leadArticle.title, other]);
    await user.click(screen.getByRole('button', { name: strings.saved.removeNamed(leadArticle.title) }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: leadArticle.title })).not.toBeInTheDocument());
    expect(device.has(leadArticle.id)).toBe(false);
    expect(device.size).toBe(1);
  });

  describe('after «إزالة»', () => {
    const other = fixtureCounts.newestFirst[1]!;
    const removeButton = (title: string) =>
      screen.getByRole('button', { name: strings.saved.removeNamed(title) });

    /** Saves `other`, then the lead article (listed first), and opens /saved. */
    async function openWithTwoSaved() {
      const rendered = renderRoute('/');
      await screen.findByRole('heading', { level: 1, name: strings.home.heading });
      await saveFromCard(rendered.user, other);
      await saveFromCard(rendered.user, leadArticle.title);
      await rendered.router.navigate(savedHref());
      await screen.findByRole('button', { name: strings.saved.removeNamed(other) });
      return rendered;
    }

    it('the focus goes to the next card’s button, then to the message that the list is empty', async () => {
      const { user } = await openWithTwoSaved();
      await user.click(removeButton(leadArticle.title));
      await waitFor(() => expect(removeButton(other)).toHaveFocus());
      await user.keyboard('{Enter}');
      const empty = await screen.findByText(strings.saved.empty);
      await waitFor(() => expect(empty).toHaveFocus());
    });

    it('the focus goes to the card before when the last one is removed', async () => {
      const { user } = await openWithTwoSaved();
      await user.click(removeButton(other));
      await waitFor(() => expect(removeButton(leadArticle.title)).toHaveFocus());
      expect(
        screen.queryByRole('button', { name: strings.saved.removeNamed(other) }),
      ).not.toBeInTheDocument();
    });

    it('a polite status says which article went, up to the last one', async () => {
      const { user } = await openWithTwoSaved();
      const status = screen.getByRole('status');
      expect(status).toBeEmptyDOMElement();
      await user.click(removeButton(leadArticle.title));
      await waitFor(() => expect(status).toHaveTextContent(strings.saved.removedNamed(leadArticle.title)));
      await user.click(removeButton(other));
      await screen.findByText(strings.saved.empty);
      await waitFor(() => expect(status).toHaveTextContent(strings.saved.removedNamed(other)));
    });
  });

  it('keeps an article unsaved when «محفوظ» is pressed while the device writes its whole text', async () => {
    let release = () => {};
    writes.hold = new Promise((resolve) => {
      release = resolve;
    });
    const { user } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: strings.home.heading });
    await user.click(saveButton(leadArticle.title));
    // The card is saved; the whole article, fetched after it, is being written.
    await waitFor(() => expect(writes.held).toBe(1));
    await user.click(
      await screen.findByRole('button', { name: strings.saved.savedNamed(leadArticle.title) }),
    );
    await screen.findByRole('button', { name: strings.saved.saveNamed(leadArticle.title), pressed: false });
    // The write ends; what follows it is promise callbacks, all run before the next timer.
    await act(async () => {
      release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(saveButton(leadArticle.title)).toHaveAttribute('aria-pressed', 'false');
    expect(savedLink()).not.toHaveTextContent('١');
    expect(device.has(leadArticle.id)).toBe(false);
  });

  it('reads «محفوظ» once saved, pressed, and «حفظ» again once unsaved', async () => {
    const { user } = renderRoute(articleHref(leadArticle.id));
    await screen.findByRole('heading', { level: 1, name: leadArticle.title });
    await user.click(screen.getByRole('button', { name: strings.saved.save, pressed: false }));
    const saved = await screen.findByRole('button', { name: strings.saved.savedLabel, pressed: true });
    expect(screen.queryByRole('button', { name: strings.saved.save })).not.toBeInTheDocument();
    await user.click(saved);
    expect(
      await screen.findByRole('button', { name: strings.saved.save, pressed: false }),
    ).toBeInTheDocument();
  });

  it('reads a saved article from the device when the network is gone', async () => {
    const first = renderRoute(articleHref(leadArticle.id));
    await screen.findByRole('heading', { level: 1, name: leadArticle.title });
    await first.user.click(screen.getByRole('button', { name: strings.saved.save }));
    await waitFor(() => expect(device.has(leadArticle.id)).toBe(true));
    first.unmount();

    renderRoute(articleHref(leadArticle.id), {
      override: (path) => {
        if (path === articlePath(leadArticle.id)) throw new TypeError('Failed to fetch');
        return undefined;
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: leadArticle.title })).toBeInTheDocument();
    expect(screen.getByText(leadArticle.body[1]!)).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { strings } from '../shared/strings.ar.ts';
import { leadArticle, tags, topics } from '../test/fixtures/data.ts';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../test/render-route.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const h1 = (name: string) => screen.findByRole('heading', { level: 1, name });
const topicBar = () => screen.getByRole('navigation', { name: strings.nav.topics });

describe('focus after a navigation in the app', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it('leaves the focus alone on the first load', async () => {
    renderRoute('/');
    await h1(strings.home.heading);
    expect(document.body).toHaveFocus();
  });

  it('moves it to the new page’s h1, topic to article to tag, as the title changes', async () => {
    const { user } = renderRoute('/');
    await h1(strings.home.heading);

    await user.click(within(topicBar()).getByRole('link', { name: topics.karabakh.label }));
    await waitFor(async () => expect(await h1(topics.karabakh.label)).toHaveFocus());
    expect(document.title).toBe(topics.karabakh.label + strings.titleSuffix);

    await user.click(within(screen.getByRole('main')).getByRole('link', { name: leadArticle.title }));
    await waitFor(async () => expect(await h1(leadArticle.title)).toHaveFocus());
    expect(document.title).toBe(leadArticle.title + strings.titleSuffix);

    const articleTags = screen.getByRole('navigation', { name: strings.article.tags });
    await user.click(within(articleTags).getByRole('link', { name: new RegExp(tags.armenia.label) }));
    const heading = await h1(tags.armenia.label);
    await waitFor(() => expect(heading).toHaveFocus());
    expect(heading).toHaveAttribute('tabindex', '-1');
    expect(document.title).toBe(strings.list.tagTitle(tags.armenia.label) + strings.titleSuffix);
  });

  it('leaves it on a control that stays when only the query string changes', async () => {
    const { router } = renderRoute('/search?q=كاراباخ');
    await screen.findByRole('heading', { level: 1, name: strings.searchPage.headingFor('كاراباخ') });
    const siteLink = within(screen.getByRole('banner')).getByRole('link', { name: strings.siteName });
    siteLink.focus();
    await router.navigate('/search?q=أوكرانيا');
    await screen.findByRole('heading', { level: 1, name: strings.searchPage.headingFor('أوكرانيا') });
    expect(siteLink).toHaveFocus();
  });

  it('takes it to the h1 when only the query string changes but the control that had it is gone', async () => {
    const { user } = renderRoute('/search?q=كاراباخ');
    await screen.findByRole('heading', { level: 1, name: strings.searchPage.headingFor('كاراباخ') });
    // The header's box is made anew for each query it shows.
    const box = within(screen.getByRole('search')).getByRole('combobox', { name: strings.search.label });
    await user.clear(box);
    await user.type(box, 'أوكرانيا{Enter}');
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: strings.searchPage.headingFor('أوكرانيا'),
    });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('brings it back to the h1 when going back leaves the heading on screen', async () => {
    const { user, router } = renderRoute('/');
    await h1(strings.home.heading);
    await user.click(within(topicBar()).getByRole('link', { name: topics.karabakh.label }));
    await waitFor(async () => expect(await h1(topics.karabakh.label)).toHaveFocus());
    await router.navigate(-1);
    await waitFor(async () => expect(await h1(strings.home.heading)).toHaveFocus());
  });

  it('leaves it alone when going back restores a place below the heading', async () => {
    const { user, router } = renderRoute('/');
    await h1(strings.home.heading);
    await user.click(within(topicBar()).getByRole('link', { name: topics.karabakh.label }));
    await waitFor(async () => expect(await h1(topics.karabakh.label)).toHaveFocus());
    // As if the restored scroll had put the heading above the view.
    vi.spyOn(HTMLHeadingElement.prototype, 'getBoundingClientRect').mockReturnValue(
      new DOMRect(0, -900, 300, 40),
    );
    await router.navigate(-1);
    await h1(strings.home.heading);
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(screen.getByRole('heading', { level: 1, name: strings.home.heading })).not.toHaveFocus();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { homePagePath } from '../../data/paths.ts';
import type { ListPage } from '../../data/schema.ts';
import { dataBuild, startBuild } from '../../shared/lib/data-build.ts';
import { strings } from '../../shared/strings.ar.ts';
import { buildFixtureFiles } from '../../test/fixtures/data.ts';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../../test/render-route.tsx';
import { deployedBuildQuery, updateFor } from './deployed-build.ts';

const OLD = 'aaaaaaaa';
const NEW = 'bbbbbbbb';
const APP = '11111111';
const FRESH_TITLE = 'عنوان مقال نشر بعد فتح الصفحة';

describe('updateFor', () => {
  it.each([
    [{ data: OLD, app: APP }, { data: OLD, app: APP }, 'none'],
    [{ data: NEW, app: APP }, { data: OLD, app: APP }, 'articles'],
    [{ data: NEW, app: '22222222' }, { data: OLD, app: APP }, 'app'],
    [{ data: OLD, app: '22222222' }, { data: OLD, app: APP }, 'app'],
    [{ data: NEW, app: APP }, { data: null, app: null }, 'none'],
  ] as const)('deployed %j, running %j: %s', (deployed, running, expected) => {
    expect(updateFor(deployed, running)).toBe(expected);
  });
});

/** Two builds' fixture shards, each in its own folder, and build.json naming `deployed`. */
function twoBuilds(deployed: { data: string; app: string }): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const fixture = buildFixtureFiles();
  for (const [path, json] of fixture) files.set(`${OLD}/${path}`, json);
  for (const [path, json] of fixture) files.set(`${NEW}/${path}`, json);
  const home = structuredClone(fixture.get(homePagePath(0))) as ListPage;
  home.items[0] = { ...home.items[0]!, id: 'fresh-1', title: FRESH_TITLE };
  files.set(`${NEW}/${homePagePath(0)}`, home);
  files.set('build.json', deployed);
  return files;
}

describe('FreshNews', () => {
  afterEach(() => startBuild(null));

  it(
    'offers the new build’s articles on home and shows them in place, read from the new build only',
    async () => {
      startBuild(APP, async () => OLD);
      const { user, fetchMock } = renderRoute('/', { files: twoBuilds({ data: NEW, app: APP }) });
      const show = await screen.findByRole('button', { name: strings.updates.showNewArticles });
      const notice = show.closest('[aria-live]')!;
      expect(screen.queryByText(FRESH_TITLE)).not.toBeInTheDocument();
      expect(notice).toHaveTextContent(strings.updates.newArticles);

      fetchMock.mockClear();
      await user.click(show);
      expect(await screen.findByText(FRESH_TITLE)).toBeInTheDocument();
      expect(dataBuild()).toBe(NEW);
      const fetched = fetchMock.mock.calls.map(([input]) => String(input));
      expect(fetched.some((url) => url.includes(`/data/${NEW}/`))).toBe(true);
      expect(fetched.filter((url) => url.includes(`/data/${OLD}/`))).toEqual([]);
      expect(within(notice as HTMLElement).queryByRole('button')).not.toBeInTheDocument();
    },
    ROUTE_TEST_TIMEOUT,
  );

  it(
    'offers a reload instead when the app itself changed',
    async () => {
      startBuild(APP, async () => OLD);
      renderRoute('/', { files: twoBuilds({ data: NEW, app: '22222222' }) });
      const reload = await screen.findByRole('button', { name: strings.updates.reload });
      expect(reload.closest('[aria-live]')).toHaveTextContent(strings.updates.newVersion);
    },
    ROUTE_TEST_TIMEOUT,
  );

  it(
    'stays silent when the deployed build is the one on screen',
    async () => {
      startBuild(APP, async () => OLD);
      const { queryClient } = renderRoute('/', { files: twoBuilds({ data: OLD, app: APP }) });
      await screen.findByRole('heading', { level: 1, name: strings.home.heading });
      // Once the page has read build.json, not merely asked for it: a notice would show by then.
      await waitFor(() =>
        expect(queryClient.getQueryState(deployedBuildQuery().queryKey)?.status).toBe('success'),
      );
      expect(screen.queryByRole('button', { name: strings.updates.showNewArticles })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: strings.updates.reload })).not.toBeInTheDocument();
    },
    ROUTE_TEST_TIMEOUT,
  );

  it(
    "stays silent on a list's older page, whose articles new ones never change",
    async () => {
      startBuild(APP, async () => OLD);
      const { fetchMock } = renderRoute('/page/1', { files: twoBuilds({ data: NEW, app: APP }) });
      await screen.findByRole('link', { name: strings.pagination.newer });
      // Long enough for the first page to have asked (it does at once) and shown its notice.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('build.json'))).toBe(false);
      expect(screen.queryByRole('button', { name: strings.updates.showNewArticles })).not.toBeInTheDocument();
    },
    ROUTE_TEST_TIMEOUT,
  );
});

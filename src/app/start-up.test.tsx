/**
 * How a built page's app finds its data (src/app/main.tsx, docs/decisions/043-build-addressed-data.md): the
 * page names its app only; the app reads its pointer, `/data/apps/<app id>.json`, and every shard comes
 * from the data folder the pointer names.
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appBuildMetaTag } from '../data/app-pointer.ts';
import { readAppBuild } from '../data/build.ts';
import { startBuild } from '../shared/lib/data-build.ts';
import { strings } from '../shared/strings.ar.ts';
import { buildFixtureFiles, leadArticle } from '../test/fixtures/data.ts';
import { ROUTE_TEST_TIMEOUT, renderRoute } from '../test/render-route.tsx';

const APP = '1111111111111111';
const DATA = 'aaaaaaaaaaaaaaaa';
const POINTER = `apps/${APP}.json`;

/** The fixture shards inside one build's folder, and this app's pointer naming it. */
function builtSite(): Map<string, unknown> {
  const files = new Map<string, unknown>();
  for (const [path, json] of buildFixtureFiles()) files.set(`${DATA}/${path}`, json);
  files.set(POINTER, { data: DATA, app: APP });
  return files;
}

const fetched = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://localhost').pathname);

afterEach(() => {
  startBuild(null);
  vi.unstubAllGlobals();
});

describe('start-up', { timeout: ROUTE_TEST_TIMEOUT }, () => {
  it('reads the app id from the page, never a data id', () => {
    const page = new DOMParser().parseFromString(`<head>${appBuildMetaTag(APP)}</head>`, 'text/html');
    expect(readAppBuild(page)).toBe(APP);
    expect(readAppBuild(new DOMParser().parseFromString('<head></head>', 'text/html'))).toBeNull();
  });

  it('reads its pointer, then every shard from the data folder it names', async () => {
    const { fetchMock } = renderRoute(`/articles/${leadArticle.id}`, { files: builtSite(), app: APP });
    expect(await screen.findByRole('heading', { level: 1, name: leadArticle.title })).toBeInTheDocument();
    const paths = fetched(fetchMock);
    expect(paths[0]).toBe(`/data/${POINTER}`);
    expect((fetchMock.mock.calls[0] as unknown[])[1]).toMatchObject({ cache: 'no-cache' });
    expect(paths.filter((p) => p === `/data/${POINTER}`)).toHaveLength(1);
    expect(paths.slice(1).every((p) => p.startsWith(`/data/${DATA}/`))).toBe(true);
  });

  it('offers a retry when the pointer does not come, and the retry reads it again', async () => {
    let failures = 1;
    const { fetchMock, user } = renderRoute(`/articles/${leadArticle.id}`, {
      files: builtSite(),
      app: APP,
      override: (path) => {
        if (path === POINTER && failures > 0) {
          failures--;
          throw new TypeError('Failed to fetch');
        }
        return undefined;
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(strings.error.network);
    await user.click(screen.getByRole('button', { name: strings.error.retry }));
    expect(await screen.findByRole('heading', { level: 1, name: leadArticle.title })).toBeInTheDocument();
    expect(fetched(fetchMock).filter((p) => p === `/data/${POINTER}`)).toHaveLength(2);
  });

  it('offers a retry, not the 404 page, when the pointer is missing (a deploy not finished)', async () => {
    let failures = 1;
    const { user } = renderRoute(`/articles/${leadArticle.id}`, {
      files: builtSite(),
      app: APP,
      override: (path) => {
        if (path === POINTER && failures > 0) {
          failures--;
          return new Response('Not Found', { status: 404 });
        }
        return undefined;
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(strings.error.network);
    await user.click(screen.getByRole('button', { name: strings.error.retry }));
    expect(await screen.findByRole('heading', { level: 1, name: leadArticle.title })).toBeInTheDocument();
  });

  it('without an app id (the dev server) reads the data folder itself and no pointer', async () => {
    const { fetchMock } = renderRoute(`/articles/${leadArticle.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: leadArticle.title })).toBeInTheDocument();
    expect(fetched(fetchMock).some((p) => p.startsWith('/data/apps/'))).toBe(false);
  });
});

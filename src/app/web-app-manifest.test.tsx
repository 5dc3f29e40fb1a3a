import { afterEach, describe, expect, it } from 'vitest';
import { linkWebAppManifest } from './web-app-manifest.ts';

const manifestLinks = () => [...document.querySelectorAll<HTMLLinkElement>('link[rel="manifest"]')];

function nameManifest(href: string): void {
  const meta = document.createElement('meta');
  meta.name = 'app-manifest';
  meta.content = href;
  document.head.append(meta);
}

afterEach(() => {
  document.head.innerHTML = '';
  Reflect.deleteProperty(document, 'readyState');
});

describe('linkWebAppManifest', () => {
  it('links the manifest the built page names, once', () => {
    nameManifest('/manifest.webmanifest');
    linkWebAppManifest();
    linkWebAppManifest();
    expect(manifestLinks().map((l) => l.getAttribute('href'))).toEqual(['/manifest.webmanifest']);
  });

  it('waits for the load event when the page is still loading', () => {
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    nameManifest('/manifest.webmanifest');
    linkWebAppManifest();
    expect(manifestLinks()).toHaveLength(0);
    window.dispatchEvent(new Event('load'));
    expect(manifestLinks()).toHaveLength(1);
  });

  it('links nothing on a page that names no manifest (the dev server)', () => {
    linkWebAppManifest();
    expect(manifestLinks()).toHaveLength(0);
  });
});

/**
 * Links the web app manifest once the page has loaded. The built page names it in `<meta name="app-manifest">`
 * instead of linking it (scripts/build/deferred-entry.ts), so the browser does not fetch the manifest, and
 * the icon it names, before the page's largest paint. Chromium reads a manifest link added later, so the
 * app stays installable (e2e/installable.spec.ts).
 */
export function linkWebAppManifest(doc: Document = document): void {
  const href = doc.querySelector<HTMLMetaElement>('meta[name="app-manifest"]')?.content;
  if (!href) return;
  const link = () => {
    if (doc.querySelector('link[rel="manifest"]')) return;
    const element = doc.createElement('link');
    element.rel = 'manifest';
    element.href = href;
    doc.head.append(element);
  };
  if (doc.readyState === 'complete') link();
  else doc.defaultView?.addEventListener('load', link, { once: true });
}

/** Where a reader can send an article, each with the Arabic headline and the canonical URL encoded once. */
export type ShareTarget = 'whatsapp' | 'telegram' | 'x' | 'facebook';

export const SHARE_TARGETS: readonly ShareTarget[] = ['whatsapp', 'telegram', 'x', 'facebook'];

export function shareLink(target: ShareTarget, title: string, url: string): string {
  const t = encodeURIComponent(title);
  const u = encodeURIComponent(url);
  switch (target) {
    case 'whatsapp':
      return `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`;
    case 'telegram':
      return `https://t.me/share/url?url=${u}&text=${t}`;
    case 'x':
      return `https://x.com/intent/post?text=${t}&url=${u}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${u}`;
  }
}

/** The page's canonical address (the prerendered head has it), else where the browser is. Not for render. */
export function canonicalUrl(): string {
  return document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
}

/**
 * One prerendered HTML file: the app's built index.html with the page's title, head tags, markup and
 * hydration data put in. The template is Vite's output, so its hashed script, style and font URLs stay.
 */
import { hydrationScript, type HydrationPayload } from '../../src/app/hydration.ts';
import { escapeMarkup } from './text.ts';

const TITLE = /<title>[^<]*<\/title>/;
const DESCRIPTION = /\s*<meta\s+name="description"[^>]*>/;
const ROOT = '<div id="root"></div>';

export interface DocumentParts {
  title: string;
  head: string;
  html: string;
  hydration: HydrationPayload;
}

/** Checks the template once, so a changed index.html fails the build instead of every page. */
export function checkTemplate(template: string): void {
  if (!TITLE.test(template) || !template.includes('</head>') || !template.includes(ROOT)) {
    throw new Error(
      `the built index.html has no <title>, </head> or ${ROOT}: run "vite build" before prerendering`,
    );
  }
}

export function renderDocument(template: string, { title, head, html, hydration }: DocumentParts): string {
  return template
    .replace(DESCRIPTION, '')
    .replace(TITLE, () => `<title>${escapeMarkup(title)}</title>`)
    .replace('</head>', () => `  ${head}\n  </head>`)
    .replace(ROOT, () => `<div id="root">${html}</div>\n    ${hydrationScript(hydration)}`);
}

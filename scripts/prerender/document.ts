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

/**
 * The page writer for a template: the template is cut once around the title, the end of the head and the
 * root element, so each page is a join of strings (it used to be four searches of the template a page).
 */
export function documentRenderer(template: string): (parts: DocumentParts) => string {
  checkTemplate(template);
  const page = template.replace(DESCRIPTION, '');
  const titleTag = TITLE.exec(page)!;
  const beforeTitle = page.slice(0, titleTag.index);
  const rest = page.slice(titleTag.index + titleTag[0].length);
  const [head, body] = splitAt(rest, '</head>');
  const [afterHead, afterRoot] = splitAt(body, ROOT);
  return ({ title, head: tags, html, hydration }) =>
    `${beforeTitle}<title>${escapeMarkup(title)}</title>${head}  ${tags}\n  </head>${afterHead}<div id="root">${html}</div>\n    ${hydrationScript(hydration)}${afterRoot}`;
}

function splitAt(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  return [text.slice(0, at), text.slice(at + marker.length)];
}

/**
 * Text out of markup React wrote (`renderToString` escapes `& < > " '`): the prerenderer reads the title
 * and the links of a page it rendered as plain text.
 */
export function decodeHtmlEntities(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

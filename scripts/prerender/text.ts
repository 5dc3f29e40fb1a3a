/**
 * Text that leaves the site for machines (head tags, JSON-LD, feeds, sitemaps). Markup is escaped, and
 * what a preview, a feed reader or an XML parser would choke on or be fooled by is removed: control
 * characters (not allowed in XML 1.0), noncharacters, lone surrogates and the bidi embeddings, overrides
 * and isolates that would reorder a headline around them in a preview (the page itself bounds them).
 * A lone low surrogate is matched first and looked behind after: a look-behind first ran at every
 * character (machineText was 2.5 % of a prerender worker, its pattern most of it).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|[\udc00-\udfff](?<![\ud800-\udbff][\udc00-\udfff])/g;

export function machineText(text: string): string {
  return text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escaped for XML text and attributes, and for HTML attributes (the same five characters). */
export function escapeMarkup(text: string): string {
  return machineText(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function cutAtWord(text: string, max: number): string {
  const clean = machineText(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

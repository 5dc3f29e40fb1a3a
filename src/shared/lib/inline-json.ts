/**
 * JSON for a `<script>` element inside HTML (hydration data, JSON-LD). JSON.stringify alone lets article
 * text close the element (`</script>`) or open a comment (`<!--`), so every `<`, `>` and `&` becomes a JSON
 * escape, which JSON.parse and every JSON-LD reader turn back into the same character. U+2028 and U+2029
 * are escaped too: valid in JSON, but line terminators in older JavaScript parsers.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

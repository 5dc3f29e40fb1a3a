/**
 * Where a `JSON.parse` error points, as an editor finds it: V8 says "at position N" (a UTF-16 offset
 * into the text parsed); this says the line and column of the file instead.
 */

/** The error's message, its position (counted from `offset` in `text`, the whole file) as line and column. */
export function jsonErrorMessage(error: unknown, text: string, offset = 0): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = / in JSON at position (\d+)/.exec(message);
  if (!at) return message;
  const position = Math.min(offset + Number(at[1]), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${message.slice(0, at.index)} at line ${line}, column ${position - lineStart + 1}${message.slice(at.index + at[0].length)}`;
}

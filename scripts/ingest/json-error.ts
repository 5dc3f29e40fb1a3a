/**
 * Where a `JSON.parse` error points, as an editor finds it: V8 says "at position N" (a UTF-16 offset
 * into the text parsed), or that the input ended; this says the line and column of the file instead.
 */

const END_OF_INPUT = 'Unexpected end of JSON input';

/**
 * The error's message with its position as line and column of `text`, the whole file, of which
 * `text.slice(start, end)` was parsed.
 */
export function jsonErrorMessage(error: unknown, text: string, start = 0, end = text.length): string {
  const raw = error instanceof Error ? error.message : String(error);
  // The input ended before the value did: the place to look is where the parsed text ends.
  const message = raw === END_OF_INPUT ? `${raw} in JSON at position ${end - start}` : raw;
  const at = / in JSON at position (\d+)/.exec(message);
  if (!at) return message;
  const position = Math.min(start + Number(at[1]), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${message.slice(0, at.index)} at line ${line}, column ${position - lineStart + 1}${message.slice(at.index + at[0].length)}`;
}

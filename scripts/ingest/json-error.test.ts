import { describe, expect, it } from 'vitest';
import { jsonErrorMessage } from './json-error.ts';

const errorOf = (text: string): unknown => {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error('parsed');
};

describe('jsonErrorMessage', () => {
  it('turns V8’s position into the line and column an editor finds', () => {
    const text = '{\n  "topics": [\n    {"slug": "x",}\n  ]\n}';
    expect(jsonErrorMessage(errorOf(text), text)).toBe(
      'Expected double-quoted property name at line 3, column 18',
    );
  });

  it('counts from where a part of the file starts', () => {
    const text = '[\n{"a": 1},\n{"b" 2}\n]';
    const start = text.indexOf('{"b"');
    expect(jsonErrorMessage(errorOf(text.slice(start, text.indexOf('}', start) + 1)), text, start)).toMatch(
      / at line 3, column 6$/,
    );
  });

  it('points an input that ended too soon at where the parsed text ends', () => {
    const text = '{\n  "topics":\n';
    expect(jsonErrorMessage(errorOf(text), text)).toBe('Unexpected end of JSON input at line 3, column 1');
    const file = '[\n{"a": 1},\n{"b": \n]';
    const start = file.indexOf('{"b"');
    const end = file.lastIndexOf('\n');
    expect(jsonErrorMessage(errorOf(file.slice(start, end)), file, start, end)).toBe(
      'Unexpected end of JSON input at line 3, column 7',
    );
  });

  it('leaves a message without a position as it is', () => {
    expect(jsonErrorMessage(new Error('Unexpected end of input'), '')).toBe('Unexpected end of input');
  });
});

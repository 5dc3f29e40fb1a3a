import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPS, LIMITS } from './record.ts';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { elementLines, parseJsonArray, parseJsonl, parseJsonlStream } from './parse-json.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const jsonl = (...lines: unknown[]): Uint8Array =>
  bytes(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));

// Fixture articles written for these tests.
const GOOD = { id: 'g1', title: 'افتتاح مكتبة عامة', body: ['افتتحت البلدية مكتبة عامة في الحي.'], date: '2024-05-01T10:00:00+03:00' };

describe('parseJsonl', () => {
  it('reads an article in the documented shape', () => {
    const { records, rejections } = parseJsonl(
      jsonl({
        id: 7,
        title: ' عنوان <b>الخبر</b> ',
        body: 'الفقرة الأولى.\n\nالفقرة الثانية.',
        publishedAt: 'Sun, 18 Feb 2018 20:21:45 GMT',
        source: 'الجريدة',
        tags: ['اقتصاد', 'أسواق'],
        category: 'اقتصاد',
        url: 'https://example.com/a',
        readAlso: ['عنوان آخر'],
      }),
      'a.jsonl',
    );
    expect(rejections).toEqual([]);
    expect(records).toEqual([
      {
        file: 'a.jsonl',
        line: 1,
        id: '7',
        title: 'عنوان الخبر',
        body: ['الفقرة الأولى.', 'الفقرة الثانية.'],
        date: '2018-02-18T20:21:45.000Z',
        source: 'الجريدة',
        url: 'https://example.com/a',
        keywords: { joined: null, whole: ['اقتصاد', 'أسواق'] },
        readAlso: ['عنوان آخر'],
        category: 'اقتصاد',
        image: null,
      },
    ]);
  });

  it('takes a tags string as a joined keyword line', () => {
    const [record] = parseJsonl(jsonl({ ...GOOD, tags: 'روسيا موسكو' }), 'a.jsonl').records;
    expect(record!.keywords).toEqual({ joined: 'روسيا موسكو', whole: [] });
  });

  it.each([
    ['not JSON', '{"title": "x", body', /^not valid JSON/],
    ['not an object', '[1, 2]', /^expected an article object, got an array$/],
    ['a missing title', { body: 'نص' }, /^title is missing$/],
    ['an empty title', { title: '  <i></i> ', body: 'نص' }, /^title is empty$/],
    ['a title that is not text', { title: 5, body: 'نص' }, /^title is not text$/],
    ['a missing body', { title: 'عنوان' }, /^body is missing$/],
    ['an empty body', { title: 'عنوان', body: ['', '  '] }, /^body is empty$/],
    ['a body that is not text', { title: 'عنوان', body: { text: 'نص' } }, /^body is not text or a list of texts$/],
    ['a body list holding a number', { title: 'عنوان', body: ['نص', 3] }, /^body is not text or a list of texts$/],
    ['an id with a bidi override', { ...GOOD, id: 'a\u202Eb' }, /^id holds a control, bidi or invisible character$/],
    ['an id with a lone surrogate', { ...GOOD, id: 'a\uD800' }, /^id holds a control, bidi or invisible character$/],
    ['an absurd title', { title: 'ع'.repeat(LIMITS.title + 1), body: 'نص' }, /^title is 1,001 characters long \(limit 1,000\)$/],
    ['an absurd body', { title: 'عنوان', body: 'ن'.repeat(LIMITS.body + 1) }, /^body is 1,000,001 characters long/],
  ])('rejects %s and keeps the valid line after it', (_kind, bad, reason) => {
    const { records, rejections } = parseJsonl(jsonl(bad, GOOD), 'a.jsonl');
    expect(rejections).toEqual([{ file: 'a.jsonl', line: 1, reason: expect.stringMatching(reason) }]);
    expect(records.map((r) => [r.line, r.id])).toEqual([[2, 'g1']]);
  });

  it('keeps an article with thousands of tags, capped, and warns', () => {
    const tags = Array.from({ length: 5_000 }, (_, i) => `وسم ${i}`);
    const { records, warnings } = parseJsonl(jsonl({ ...GOOD, tags }), 'a.jsonl');
    expect(records[0]!.keywords.whole).toEqual(tags.slice(0, CAPS.tags));
    expect(warnings).toEqual([{ file: 'a.jsonl', line: 1, message: `has 5,000 tags: kept the first ${CAPS.tags}` }]);
  });

  it('cuts a space-joined keyword line to as many words as an article keeps tags', () => {
    const line = Array.from({ length: 3_000 }, (_, i) => `كلمة${i}`).join(' ');
    const { records, warnings } = parseJsonl(jsonl({ ...GOOD, tags: line }), 'a.jsonl');
    expect(records[0]!.keywords.joined!.split(' ')).toHaveLength(CAPS.tags);
    expect(warnings.map((w) => w.message)).toEqual([`has 3,000 keyword words: kept the first ${CAPS.tags}`]);
  });

  it('drops a tag too long to be one and keeps the article', () => {
    const { records, warnings } = parseJsonl(jsonl({ ...GOOD, tags: ['ع'.repeat(CAPS.tag + 1), 'اقتصاد'] }), 'a.jsonl');
    expect(records[0]!.keywords.whole).toEqual(['اقتصاد']);
    expect(warnings.map((w) => w.message)).toEqual([`dropped 1 tags longer than ${CAPS.tag} characters`]);
  });

  it.each([
    ['javascript:alert(1)'],
    [' JaVaScRiPt:alert(1)'],
    ['data:text/html,x'],
    ['vbscript:msgbox(1)'],
    ['//evil.example/x'],
    ['/articles/relative'],
    ['ftp://files.example/a'],
  ])('drops the url %j with a warning and keeps the article', (url) => {
    const { records, warnings } = parseJsonl(jsonl({ ...GOOD, url }), 'a.jsonl');
    expect(records[0]!.url).toBeNull();
    expect(warnings).toEqual([{ file: 'a.jsonl', line: 1, message: expect.stringMatching(/^url .* is not an absolute http\(s\) address: dropped$/) }]);
  });

  it('keeps an http(s) url', () => {
    const { records, warnings } = parseJsonl(jsonl({ ...GOOD, url: 'https://news.example/ar/1' }), 'a.jsonl');
    expect(records[0]!.url).toBe('https://news.example/ar/1');
    expect(warnings).toEqual([]);
  });

  it('ignores optional fields of the wrong type, keeps the texts of a list, and says so', () => {
    const { records, rejections, warnings } = parseJsonl(
      jsonl({ ...GOOD, source: 123, category: ['سياسة'], url: { href: 'https://a.example' }, tags: ['اقتصاد', 5, null], readAlso: 'نص' }),
      'a.jsonl',
    );
    expect(rejections).toEqual([]);
    expect(records[0]).toMatchObject({ source: null, category: null, url: null, keywords: { whole: ['اقتصاد'] }, readAlso: [] });
    expect(warnings.map((w) => w.message).sort()).toEqual([
      'category is not text: ignored',
      'readAlso is not a list of texts: ignored',
      'source is not text: ignored',
      'tags: 2 entries that are not text were ignored',
      'url is not text: ignored',
    ]);
  });

  it('says nothing of a rejected article but why it was rejected', () => {
    const { rejections, warnings } = parseJsonl(jsonl({ title: 5, body: 'نص', url: 'javascript:x', tags: [1] }), 'a.jsonl');
    expect(rejections).toEqual([{ file: 'a.jsonl', line: 1, reason: 'title is not text' }]);
    expect(warnings).toEqual([]);
  });

  it('quotes a bad date with its control characters escaped', () => {
    const { warnings } = parseJsonl(jsonl({ ...GOOD, date: '\u001b[2Jyesterday' }), 'a.jsonl');
    expect(warnings[0]!.message).toBe('unreadable date "\\u001b[2Jyesterday": article kept undated');
  });

  it('rejects a line of invalid UTF-8 and keeps the others', () => {
    const input = new Uint8Array([...jsonl(GOOD), 0x0a, 0xff, 0xfe, 0x0a, ...jsonl({ ...GOOD, id: 'g2' })]);
    const { records, rejections } = parseJsonl(input, 'a.jsonl');
    expect(rejections).toEqual([{ file: 'a.jsonl', line: 2, reason: 'invalid UTF-8' }]);
    expect(records.map((r) => r.id)).toEqual(['g1', 'g2']);
  });

  it('skips blank lines and CRLF endings without complaint', () => {
    const { records, rejections } = parseJsonl(bytes(`${JSON.stringify(GOOD)}\r\n\r\n   \n`), 'a.jsonl');
    expect(rejections).toEqual([]);
    expect(records).toHaveLength(1);
  });

  it('keeps an article with an unreadable date undated and warns', () => {
    const { records, warnings } = parseJsonl(jsonl({ ...GOOD, date: 'last Tuesday' }), 'a.jsonl');
    expect(records[0]!.date).toBeNull();
    expect(warnings).toEqual([{ file: 'a.jsonl', line: 1, message: expect.stringContaining('last Tuesday') }]);
  });

  it('says why it keeps undated an article whose date names two different months', () => {
    const date = '16 أكتوبر/تشرين الثاني 2018';
    const { records, warnings } = parseJsonl(jsonl({ ...GOOD, date }), 'a.jsonl');
    expect(records[0]!.date).toBeNull();
    expect(warnings.map((w) => w.message)).toEqual([
      'unreadable date "16 أكتوبر/تشرين الثاني 2018" (its two month names disagree: October, November): article kept undated',
    ]);
  });

  it('reads a Unix time given as a number, in seconds or milliseconds, and warns on one out of range', () => {
    const { records, warnings } = parseJsonl(
      jsonl({ ...GOOD, date: 1539691200 }, { ...GOOD, id: 'g2', date: undefined, publishedAt: 1539691200123 }, { ...GOOD, id: 'g3', date: 9e15 }),
      'a.jsonl',
    );
    expect(records.map((r) => r.date)).toEqual(['2018-10-16T12:00:00.000Z', '2018-10-16T12:00:00.000Z', null]);
    expect(warnings).toEqual([{ file: 'a.jsonl', line: 3, message: 'unreadable date "9000000000000000": article kept undated' }]);
  });

  it('keeps a date whose weekday is wrong, and warns', () => {
    const { records, warnings } = parseJsonl(jsonl({ ...GOOD, date: 'الاثنين، 16 أكتوبر 2018' }), 'a.jsonl');
    expect(records[0]!.date).toBe('2018-10-16T00:00:00.000Z');
    expect(warnings.map((w) => w.message)).toEqual([
      'date "الاثنين، 16 أكتوبر 2018" (its weekday is wrong: 2018-10-16 was a Tuesday, not a Monday): date kept',
    ]);
  });

  it('keeps undated, with a warning, an article whose Unix time is 0 or negative (a feed\'s "no date")', () => {
    const { records, warnings } = parseJsonl(jsonl({ ...GOOD, date: 0 }, { ...GOOD, id: 'g2', date: -1 }), 'a.jsonl');
    expect(records.map((r) => r.date)).toEqual([null, null]);
    expect(warnings).toEqual([
      { file: 'a.jsonl', line: 1, message: 'unreadable date "0": article kept undated' },
      { file: 'a.jsonl', line: 2, message: 'unreadable date "-1": article kept undated' },
    ]);
  });

  it('reads the names feeds give the fields (RSS, schema.org) when the field itself is absent', () => {
    const { records, rejections, warnings } = parseJsonl(
      jsonl({
        headline: 'افتتاح مكتبة عامة',
        content: '<p>افتتحت البلدية مكتبة عامة.</p>',
        pubDate: 'Sun, 18 Feb 2018 20:21:45 GMT',
        link: 'https://example.com/a',
        keywords: ['مكتبات', 'ثقافة'],
      }),
      'feed.jsonl',
    );
    expect(rejections).toEqual([]);
    expect(warnings).toEqual([]);
    expect(records[0]).toMatchObject({
      title: 'افتتاح مكتبة عامة',
      date: '2018-02-18T20:21:45.000Z',
      url: 'https://example.com/a',
      keywords: { joined: null, whole: ['مكتبات', 'ثقافة'] },
    });
    expect(records[0]!.body).toEqual(['افتتحت البلدية مكتبة عامة.']);
  });

  it('names once per file, where first seen, each field it does not read', () => {
    const { records, warnings } = parseJsonl(
      jsonl({ ...GOOD, author: 'سلمى' }, { ...GOOD, id: 'g2', author: 'سلمى', content: 'نص آخر' }, { ...GOOD, id: 'g3', author: 'ع' }),
      'a.jsonl',
    );
    expect(records).toHaveLength(3);
    expect(warnings).toEqual([
      { file: 'a.jsonl', line: 1, message: 'field "author" not read by the ingest: ignored here and in the file\'s other articles' },
      // «content» beside a body: the body is read, not it.
      { file: 'a.jsonl', line: 2, message: 'field "content" not read by the ingest: ignored here and in the file\'s other articles' },
    ]);
  });

  it('strips feed boilerplate from the body into readAlso and tags', () => {
    const [record] = parseJsonl(
      jsonl({ ...GOOD, body: ['زار الوزير #مدينة_الزهور أمس.', 'للمزيد: الوزير يفتتح مشروعا', 'فرانس24/ أ ف ب'] }),
      'a.jsonl',
    ).records;
    expect(record).toMatchObject({
      body: ['زار الوزير مدينة الزهور أمس.'],
      readAlso: ['الوزير يفتتح مشروعا'],
      keywords: { joined: null, whole: ['مدينة الزهور'] },
    });
  });
});

describe('parseJsonArray', () => {
  it('numbers each element by the line where it starts', () => {
    const text = `[\n  ${JSON.stringify(GOOD)},\n  {"title": "",\n   "body": "نص"},\n  ${JSON.stringify({ ...GOOD, id: 'g2' })}\n]`;
    const { records, rejections } = parseJsonArray(bytes(text), 'a.json');
    expect(records.map((r) => [r.line, r.id])).toEqual([
      [2, 'g1'],
      [5, 'g2'],
    ]);
    expect(rejections).toEqual([{ file: 'a.json', line: 3, reason: 'title is empty' }]);
  });

  it.each([
    ['not JSON', '[{"title":', /^not valid JSON/],
    ['not an array', '"an article"', /^expected a JSON array/],
  ])('rejects a file that is %s', (_kind, text, reason) => {
    expect(parseJsonArray(bytes(text), 'a.json').rejections).toEqual([
      { file: 'a.json', line: 1, reason: expect.stringMatching(reason) },
    ]);
  });

  it('rejects a file with invalid UTF-8 at its bad line', () => {
    const input = new Uint8Array([...bytes('[\n'), 0xc3, 0x28, ...bytes('\n]')]);
    expect(parseJsonArray(input, 'a.json').rejections).toEqual([
      { file: 'a.json', line: 2, reason: 'invalid UTF-8: the whole file was skipped' },
    ]);
  });

  it('keeps every good article of an array one broken article makes invalid, and rejects that one at its line', () => {
    const good = (id: string) => JSON.stringify({ ...GOOD, id });
    const text = `[\n  ${good('g1')},\n  {"title": "عنوان" "body": "نص"},\n  ${good('g3')}\n]\n`;
    const { records, rejections } = parseJsonArray(bytes(text), 'a.json');
    expect(records.map((r) => [r.line, r.id])).toEqual([
      [2, 'g1'],
      [4, 'g3'],
    ]);
    expect(rejections).toEqual([{ file: 'a.json', line: 3, reason: expect.stringMatching(/^not valid JSON \(.* at line 3, column 21\)$/) }]);
  });

  it('keeps every other article whichever one loses a colon, over any number of articles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), (count, pick) => {
        const broken = pick % count;
        const elements = Array.from({ length: count }, (_, i) => {
          const json = JSON.stringify({ ...GOOD, id: `a${i}` }, null, 2);
          return i === broken ? json.replace('"title":', '"title"') : json;
        });
        const { records, rejections } = parseJsonArray(bytes(`[\n${elements.join(',\n')}\n]`), 'a.json');
        expect(records.map((r) => r.id)).toEqual(elements.map((_, i) => `a${i}`).filter((_, i) => i !== broken));
        expect(rejections).toHaveLength(1);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects text after the array at its line, keeps a string left open to the end as one bad article', () => {
    const after = parseJsonArray(bytes(`[${JSON.stringify(GOOD)}]\n\n"stray"`), 'a.json');
    expect(after.records).toHaveLength(1);
    expect(after.rejections).toEqual([{ file: 'a.json', line: 3, reason: expect.stringContaining('after the end of the array') }]);
    const open = parseJsonArray(bytes(`[\n${JSON.stringify(GOOD)},\n{"title": "بلا نهاية,\n"body": "x"}\n]`), 'a.json');
    expect(open.records.map((r) => r.id)).toEqual(['g1']);
    expect(open.rejections).toEqual([{ file: 'a.json', line: 3, reason: expect.stringMatching(/^not valid JSON/) }]);
  });

  it('reads one article object as one article, and objects one after another (JSON Lines in a .json file) as articles', () => {
    const one = parseJsonArray(bytes(JSON.stringify(GOOD, null, 2)), 'a.json');
    expect(one.records.map((r) => r.id)).toEqual(['g1']);
    expect(one.warnings).toEqual([{ file: 'a.json', line: 1, message: expect.stringContaining('one article') }]);
    const lines = parseJsonArray(bytes(`${JSON.stringify(GOOD)}\n${JSON.stringify({ ...GOOD, id: 'g2' })}\n{"title": "x" "body": "y"}\n`), 'a.json');
    expect(lines.records.map((r) => [r.line, r.id])).toEqual([
      [1, 'g1'],
      [2, 'g2'],
    ]);
    expect(lines.rejections).toEqual([{ file: 'a.json', line: 3, reason: expect.stringMatching(/^not valid JSON/) }]);
    expect(lines.warnings).toEqual([{ file: 'a.json', line: 1, message: expect.stringContaining('one after another') }]);
  });

  it.each(['articles', 'items', 'data', 'posts', 'results'])(
    'reads the articles of an object that wraps them in its %j field, at their lines, with a warning',
    (field) => {
      const text = `{\n  "total": 2,\n  "${field}": [\n    ${JSON.stringify(GOOD)},\n    {"title": "عنوان", "body": ""},\n    ${JSON.stringify({ ...GOOD, id: 'g2' })}\n  ],\n  "meta": {"page": [1]}\n}`;
      const { records, rejections, warnings } = parseJsonArray(bytes(text), 'a.json');
      expect(records.map((r) => [r.line, r.id])).toEqual([
        [4, 'g1'],
        [6, 'g2'],
      ]);
      expect(rejections).toEqual([{ file: 'a.json', line: 5, reason: 'body is empty' }]);
      expect(warnings).toEqual([
        {
          file: 'a.json',
          line: 1,
          message: `articles read from the "${field}" field of the object the file holds`,
        },
      ]);
    },
  );

  it.each([
    ['an article with a list of tags', { ...GOOD, tags: ['اقتصاد'] }],
    ['an object with two lists', { a: [GOOD], b: [GOOD] }],
    ['an object whose list holds texts', { body: 'نص', tags: ['اقتصاد'] }],
  ])('reads %s as one article, not as a wrapper', (_kind, value) => {
    expect(parseJsonArray(bytes(JSON.stringify(value)), 'a.json').warnings[0]!.message).toContain(
      'one article',
    );
  });

  it('reads an array after a byte order mark', () => {
    const { records, rejections } = parseJsonArray(bytes(`\uFEFF[${JSON.stringify(GOOD)}]`), 'a.json');
    expect(rejections).toEqual([]);
    expect(records).toHaveLength(1);
  });

  it('finds element lines past strings holding brackets and escaped quotes', () => {
    expect(elementLines('[{"a": "]\\" ,"},\n{"b": [1,\n2]}, 3\n]')).toEqual([1, 2, 3]);
  });
});

describe('parseJsonArray on an array one article breaks', () => {
  const line = (i: number, body = '"نص"') => `{"id":"j${i}","title":"عنوان ${i}","body":${body}}`;
  const article = (i: number, body = '"نص"') => `${line(i, body)}${i < 6 ? ',' : ''}`;
  const articles = (broken: string) =>
    ['[', ...[1, 2, 3, 4, 5, 6].map((i) => (i === 3 ? broken : article(i))), ']'].join('\n');
  const kept = (text: string) => parseJsonArray(bytes(text), 'a.json');

  it.each([
    ['a quote left open', article(3, '"نص مفتوح,"date":"2018-10-16"')],
    ['its closing brace missing', article(3).replace('}', '')],
    ['a colon missing', article(3).replace('"title":', '"title"')],
    ['a stray quote', article(3).replace('"نص"', '"نص""')],
  ])('rejects the article with %s at its line and keeps every other', (_kind, broken) => {
    const { records, rejections, warnings } = kept(articles(broken));
    expect(records.map((r) => [r.line, r.id])).toEqual([
      [2, 'j1'],
      [3, 'j2'],
      [5, 'j4'],
      [6, 'j5'],
      [7, 'j6'],
    ]);
    expect(rejections).toEqual([
      {
        file: 'a.json',
        line: 4,
        reason: expect.stringMatching(/^not valid JSON \(.* at line 4, column \d+\)$/),
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('says where in the article a missing closing brace was due', () => {
    const { rejections } = kept(articles(article(3).replace('}', '')));
    expect(rejections[0]!.reason).toBe(
      `not valid JSON (Expected ',' or '}' after property value at line 4, column ${line(3).length})`,
    );
  });

  it('keeps both articles a comma is missing between, and warns at the second', () => {
    const { records, rejections, warnings } = kept(articles(line(3)));
    expect(records.map((r) => r.id)).toEqual(['j1', 'j2', 'j3', 'j4', 'j5', 'j6']);
    expect(rejections).toEqual([]);
    expect(warnings).toEqual([{ file: 'a.json', line: 5, message: expect.stringContaining('no comma') }]);
  });

  it.each([
    ['a quote left open', (json: string) => json.replace('"نص"', '"نص')],
    ['its closing brace missing', (json: string) => json.replace(/\}$/, '')],
  ])('recovers the same when articles are pretty-printed and one has %s', (_kind, breakIt) => {
    const pretty = [1, 2, 3, 4].map((i) => JSON.stringify(JSON.parse(line(i)), null, 2).replace(/^/gm, '  '));
    const { records, rejections } = kept(
      `[\n${pretty.map((json, i) => (i === 1 ? breakIt(json) : json)).join(',\n')}\n]`,
    );
    expect(records.map((r) => [r.line, r.id])).toEqual([
      [2, 'j1'],
      [12, 'j3'],
      [17, 'j4'],
    ]);
    expect(rejections).toEqual([
      { file: 'a.json', line: 7, reason: expect.stringMatching(/^not valid JSON/) },
    ]);
  });

  it('keeps the articles after a broken one on the same line', () => {
    const { records, rejections } = kept(
      `[${[1, 2, 3].map((i) => (i === 2 ? line(i).replace('}', '') : line(i))).join(',')}]`,
    );
    expect(records.map((r) => r.id)).toEqual(['j1', 'j3']);
    expect(rejections).toEqual([
      { file: 'a.json', line: 1, reason: expect.stringMatching(/^not valid JSON/) },
    ]);
  });

  // Articles whose titles hold JSON's own punctuation, laid out as files are, one of them broken in one
  // of the ways a hand edit breaks JSON: every article is kept or rejected at the line where it starts.
  const layouts = {
    'one a line': (elements: string[]) => `[\n${elements.join(',\n')}\n]`,
    'pretty-printed': (elements: string[]) => `[\n${elements.join(',\n')}\n]`,
    'on one line': (elements: string[]) => `[${elements.join(',')}]`,
  };
  const breaks: Record<string, (json: string, at: number) => string> = {
    'a quote dropped': (json, at) => {
      const quotes = [...json.matchAll(/"/g)].map((m) => m.index);
      const cut = quotes[at % quotes.length]!;
      return json.slice(0, cut) + json.slice(cut + 1);
    },
    'a quote added': (json, at) => {
      const cut = 1 + (at % (json.length - 1));
      return `${json.slice(0, cut)}"${json.slice(cut)}`;
    },
    'its closing brace dropped': (json) =>
      json.slice(0, json.lastIndexOf('}')) + json.slice(json.lastIndexOf('}') + 1),
    'a colon dropped': (json) => json.replace(':', ''),
    'the comma after it dropped': (json) => `${json}<no comma>`,
  };

  it('keeps or rejects at its line every article of an array one article breaks, however it breaks', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({
            unit: fc.constantFrom('{', '}', '[', ']', ',', '"', ':', ' ', '\\', 'ب'),
            maxLength: 12,
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom(...(Object.keys(layouts) as Array<keyof typeof layouts>)),
        fc.constantFrom(...Object.keys(breaks)),
        fc.nat(),
        fc.nat(),
        (titles, layout, how, pick, at) => {
          const broken = pick % titles.length;
          const jsons = titles.map((title, i) => {
            const value = {
              id: `a${i}`,
              title: `عنوان ${title}`,
              body: ['نص'],
              image: { src: '/a.jpg', alt: `{${title}}` },
            };
            return layout === 'pretty-printed'
              ? JSON.stringify(value, null, 2).replace(/^/gm, '  ')
              : JSON.stringify(value);
          });
          const starts = jsons.map((_, i) =>
            layout === 'on one line'
              ? 1
              : 2 + jsons.slice(0, i).reduce((n, json) => n + json.split('\n').length, 0),
          );
          const elements = jsons.map((json, i) => (i === broken ? breaks[how]!(json, at) : json));
          // The dropped comma: the marker the break left, with the comma after it if there is one.
          const text = layouts[layout](elements).replace(/<no comma>,?/, '');
          const { records, rejections } = parseJsonArray(bytes(text), 'a.json');
          const keptAt = new Map(records.map((r) => [r.id, r.line]));
          jsons.forEach((_, i) => {
            if (i !== broken) expect(keptAt.get(`a${i}`), `article ${i}`).toBe(starts[i]);
          });
          if (!keptAt.has(`a${broken}`)) expect(rejections.map((r) => r.line)).toContain(starts[broken]);
          expect(records.length).toBeLessThanOrEqual(titles.length);
          // Nothing else is rejected: a broken article may end too soon and read as valid, its rest rejected.
          const end = starts[broken]! + jsons[broken]!.split('\n').length - 1;
          for (const r of rejections)
            expect(r.line).toSatisfy((n: number) => n >= starts[broken]! && n <= end);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('image in JSON articles', () => {
  it.each([
    ['a URL string', 'https://cdn.example/a.jpg', { src: 'https://cdn.example/a.jpg', alt: null, caption: null, credit: null, width: null, height: null }],
    [
      'the object form',
      { src: '/images/a.jpg', alt: 'جسر', caption: 'الجسر الجديد', credit: 'رويترز', width: 1200, height: 800 },
      { src: '/images/a.jpg', alt: 'جسر', caption: 'الجسر الجديد', credit: 'رويترز', width: 1200, height: 800 },
    ],
  ])('reads %s', (_, image, expected) => {
    const { records, warnings } = parseJsonl(jsonl({ ...GOOD, image }), 'a.jsonl');
    expect(warnings).toEqual([]);
    expect(records[0]!.image).toEqual(expected);
  });

  it('drops a bad picture with a warning on its line and keeps the article', () => {
    const { records, rejections, warnings } = parseJsonl(jsonl(GOOD, { ...GOOD, id: 'g2', image: 'javascript:alert(1)' }), 'a.jsonl');
    expect(rejections).toEqual([]);
    expect(records.map((r) => r.image)).toEqual([null, null]);
    expect(warnings).toEqual([{ file: 'a.jsonl', line: 2, message: expect.stringMatching(/image dropped.*article kept/) }]);
  });
});

describe('parseJsonlStream', () => {
  /** A file's bytes as a stream of `size`-byte chunks, as a read stream with that highWaterMark gives them. */
  async function* chunks(input: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < input.length; at += size) yield input.subarray(at, at + size);
  }
  // Arabic (two bytes a letter) so that chunks cut characters, a bad line, blank and CRLF lines, a line
  // that is not JSON, a rejected article, a warning, and a last line with no newline.
  const input = new Uint8Array([
    ...bytes('\uFEFF'),
    ...jsonl(GOOD, '', { ...GOOD, id: 'g2', date: 'last Tuesday' }),
    ...bytes('\r\n{"title": \n'),
    0xff,
    0x0a,
    ...jsonl({ ...GOOD, id: 'g3', title: '' }, { ...GOOD, id: 'g4', body: ['فقرة '.repeat(500)] }, '   ', { ...GOOD, id: 'g5' }),
  ]);

  it('gives what parseJsonl gives on the whole file, for any chunk size', async () => {
    const whole = parseJsonl(input, 'a.jsonl');
    expect(whole.records.map((r) => r.id)).toEqual(['g1', 'g2', 'g4', 'g5']);
    expect(whole.rejections.map((r) => r.line)).toEqual([4, 5, 6]);
    for (const size of [1, 2, 3, 7, 64, 1000, input.length]) {
      expect(await parseJsonlStream(chunks(input, size), 'a.jsonl'), `chunks of ${size} bytes`).toStrictEqual(whole);
    }
  });

  it('reads a file stream in small chunks', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parse-jsonl-'));
    try {
      await writeFile(path.join(dir, 'a.jsonl'), input);
      const streamed = await parseJsonlStream(createReadStream(path.join(dir, 'a.jsonl'), { highWaterMark: 5 }), 'a.jsonl');
      expect(streamed).toStrictEqual(parseJsonl(input, 'a.jsonl'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('hands each record to keep as it is parsed, and keeps what keep returns', async () => {
    const seen: string[] = [];
    const { records } = await parseJsonlStream(chunks(input, 16), 'a.jsonl', (r) => (seen.push(r.id!), { ...r, body: [] }));
    expect(seen).toEqual(['g1', 'g2', 'g4', 'g5']);
    expect(records.every((r) => r.body.length === 0)).toBe(true);
  });
});

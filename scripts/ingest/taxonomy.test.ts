import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTaxonomy, parseTaxonomy, sourceNamer, topicForms } from './taxonomy.ts';

const shipped = new URL('../../content/taxonomy.json', import.meta.url);

describe('parseTaxonomy', () => {
  it('fills defaults for optional lists', () => {
    const taxonomy = parseTaxonomy({ topics: [{ slug: 'ukraine', label: 'أوكرانيا' }] });
    expect(taxonomy).toEqual({
      topics: [{ slug: 'ukraine', label: 'أوكرانيا', aliases: [], adjectives: [], exclude: [] }],
      tags: [],
      drop: [],
      sources: [],
    });
  });

  it.each([
    ['a missing topics list', {}, /topics/],
    ['a non-ASCII topic slug', { topics: [{ slug: 'أوكرانيا', label: 'أوكرانيا' }] }, /topics\.0\.slug/],
    ['an empty label', { topics: [{ slug: 'ukraine', label: '  ' }] }, /topics\.0\.label/],
    [
      'a duplicate topic slug',
      {
        topics: [
          { slug: 'iran', label: 'إيران' },
          { slug: 'iran', label: 'طهران' },
        ],
      },
      /duplicate topic slug/,
    ],
    [
      'an adjective that is not a nisba form',
      { topics: [{ slug: 'ukraine', label: 'أوكرانيا', adjectives: ['أوكرانيا'] }] },
      /topics\.0\.adjectives\.0/,
    ],
    [
      'a written form shared by two tags',
      { topics: [], tags: [{ label: 'أذربيجان' }, { label: 'باكو', aliases: ['اذربيجان'] }] },
      /tags\.1\.aliases\.0.*أذربيجان/,
    ],
    [
      'a name shared by two sources',
      {
        topics: [],
        sources: [
          { label: 'العربية', aliases: ['alarabiya'] },
          { label: 'العربية نت', aliases: ['Al Arabiya'] },
        ],
      },
      /sources\.1\.aliases\.0.*العربية/,
    ],
    [
      'a source name of punctuation only',
      { topics: [], sources: [{ label: 'العربية', aliases: ['—'] }] },
      /sources\.0\.aliases\.0/,
    ],
  ])('rejects %s, naming the file and the path', (_case, json, issue) => {
    expect(() => parseTaxonomy(json, 'content/taxonomy.json')).toThrow(/^content\/taxonomy\.json: /);
    expect(() => parseTaxonomy(json, 'content/taxonomy.json')).toThrow(issue);
  });
});

describe('sourceNamer', () => {
  const name = sourceNamer(
    parseTaxonomy({
      topics: [],
      sources: [{ label: 'سكاي نيوز عربية', aliases: ['skynews', 'Sky News Arabia'] }],
    }),
  );

  it.each([
    'skynews',
    'SkyNews',
    'sky-news',
    'Sky News Arabia',
    'sky_news_arabia',
    ' skynews ',
    'سكاي نيوز عربيه',
  ])('shows %s by the name readers know', (given) => expect(name(given)).toBe('سكاي نيوز عربية'));

  it('leaves a source the taxonomy does not name, and a missing one, as they are', () => {
    expect(name('الأسبوع')).toBe('الأسبوع');
    expect(name('sky')).toBe('sky');
    expect(name(null)).toBeNull();
  });
});

describe('topicForms', () => {
  it('lists the label, the aliases and the inflections of each adjective', () => {
    const [topic] = parseTaxonomy({
      topics: [{ slug: 'ukraine', label: 'أوكرانيا', aliases: ['كييف'], adjectives: ['أوكراني'] }],
    }).topics;
    expect(topic && topicForms(topic)).toEqual([
      'أوكرانيا',
      'كييف',
      'أوكراني',
      'أوكرانية',
      'أوكرانيون',
      'أوكرانيين',
      'أوكرانيان',
      'أوكرانيتين',
      'أوكرانيات',
    ]);
  });
});

describe('loadTaxonomy', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('loads the shipped taxonomy with the topics the reader expects', async () => {
    const taxonomy = await loadTaxonomy(shipped.pathname);
    expect(taxonomy.topics.map((topic) => topic.slug)).toEqual(
      expect.arrayContaining(['karabakh', 'ukraine', 'russia', 'armenia', 'azerbaijan']),
    );
  });

  it('names the file when it is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'taxonomy-'));
    dirs.push(dir);
    const file = join(dir, 'bad.json');
    await writeFile(file, '{ "topics": [', 'utf8');
    await expect(loadTaxonomy(file)).rejects.toThrow(`${file}: taxonomy is not valid JSON`);
  });

  it('names the file when it cannot be read', async () => {
    await expect(loadTaxonomy('/nonexistent/taxonomy.json')).rejects.toThrow(
      '/nonexistent/taxonomy.json: cannot read taxonomy',
    );
  });
});

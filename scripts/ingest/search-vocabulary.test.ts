import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Article } from '../../src/data/schema.ts';
import { tokenize } from '../../src/shared/lib/arabic.ts';
import {
  shardIndexHas,
  suggestFile,
  suggestionMatches,
  suggestionWords,
  vocabFile,
  vocabKey,
  type ShardIndex,
} from '../../src/shared/lib/search-shards.ts';
import { countTokens } from '../../src/shared/lib/search-terms.ts';
import { buildSuggestions, buildVocabulary, writeSearchShards } from './search-vocabulary.ts';
import { parseTaxonomy } from './taxonomy.ts';

const taxonomy = parseTaxonomy({
  topics: [
    { slug: 'karabakh', label: 'ناغورني قره باغ', aliases: ['كاراباخ'] },
    { slug: 'ukraine', label: 'أوكرانيا', aliases: [] },
  ],
  tags: [],
});

function article(id: string, date: string, title: string, tag: string | null = null): Article {
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    title,
    date,
    source: null,
    url: null,
    body: ['نص الخبر عن أوكرانيا.'],
    readingMinutes: 1,
    tags: tag ? [{ slug: tag, label: tag }] : [],
    topics: [{ slug: 'karabakh', label: 'ناغورني قره باغ' }],
    related: [],
    readAlso: [],
  };
}

const articles = Array.from({ length: 15 }, (_, i) =>
  article(`a${i}`, `2023-09-${String(10 + i).padStart(2, '0')}T00:00:00.000Z`, `أرمينيا ترفع دعوى رقم ${i}`, 'أرمينيا'),
);
const counts = countTokens(articles.flatMap((a) => [a.title, ...a.body]));

describe('buildVocabulary', () => {
  const shards = buildVocabulary(articles, taxonomy, counts);
  const entry = (word: string) => shards.get(vocabKey(word))?.find((e) => e[0] === word);

  it('keys each word by its first letters and weighs titles, tags and topic names', () => {
    expect(entry('ارمينيا')?.[1]).toBeGreaterThan(entry('دعوي')![1]);
    expect(entry('كاراباخ')).toBeDefined();
  });

  it('keeps how titles write a word when its normalised form differs', () => {
    expect(entry('ارمينيا')?.[2]).toBe('أرمينيا');
    expect(entry('دعوي')?.[2]).toBe('دعوى');
  });

  it('leaves out digits and words seen too rarely to trust', () => {
    expect(entry('12')).toBeUndefined();
    expect([...shards.values()].flat().every(([, weight]) => weight >= 3)).toBe(true);
  });

  it('counts a word written behind a clitic for its bare form too, when the corpus writes it alone', () => {
    const glued = countTokens(['قالت ميغان', 'وميغان وأوليفر', 'لميغان ولأوليفر']);
    const vocab = buildVocabulary([], parseTaxonomy({ topics: [], tags: [] }), glued);
    const weight = (word: string) => vocab.get(vocabKey(word))?.find((e) => e[0] === word)?.[1];
    expect(weight('ميغان')).toBe(3);
    expect(weight('اوليفر')).toBeUndefined();
  });

  it('marks a word that is a whole tag label or topic name as a name, and no other', () => {
    expect(entry('ارمينيا')?.slice(2)).toEqual(['أرمينيا', 1]);
    expect(entry('كاراباخ')?.[3]).toBe(1);
    // A word of the titles alone is not a name, nor one of a label of several words.
    expect(entry('دعوي')?.[3]).toBeUndefined();
    const phrase = buildVocabulary([article('p', '2023-09-01T00:00:00.000Z', 'خبر', 'قطاع غزة')], taxonomy, counts);
    const word = phrase.get(vocabKey('قطاع'))?.find((e) => e[0] === 'قطاع');
    expect(word).toBeDefined();
    expect(word?.[3]).toBeUndefined();
  });

  it('sorts each shard commonest first', () => {
    for (const list of shards.values()) {
      expect(list.map((e) => e[1])).toEqual([...list.map((e) => e[1])].sort((a, b) => b - a));
    }
  });
});

describe('buildSuggestions', () => {
  const shards = buildSuggestions(articles, taxonomy);

  it('finds a topic by the first letters of any of its names, but not a topic with no article', () => {
    expect(shards.get('كار')?.find((e) => e.kind === 'topic')?.id).toBe('karabakh');
    expect(shards.get('قر')?.some((e) => e.id === 'karabakh')).toBe(true);
    expect([...shards.values()].flat().some((e) => e.id === 'ukraine')).toBe(false);
  });

  it('keeps the newest dozen headlines under three letters, none under two', () => {
    const headlines = shards.get('ترف')?.filter((e) => e.kind === 'article') ?? [];
    expect(headlines.map((e) => e.id)).toEqual(Array.from({ length: 12 }, (_, i) => `a${14 - i}`));
    expect((shards.get('ار') ?? []).map((e) => e.kind)).toEqual(['tag']);
  });

  it('matches what a reader types, with or without «ال»', () => {
    const words = suggestionWords({ label: 'الحرب في أوكرانيا' });
    expect(suggestionMatches(words, tokenize('حرب اوكر'))).toBe(true);
    expect(suggestionMatches(words, tokenize('حرب روس'))).toBe(false);
  });
});

describe('writeSearchShards', () => {
  it('writes beside the shards an index that holds exactly the keys with a file', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'search-shards-'));
    try {
      const stats = await writeSearchShards(root, articles, taxonomy, counts);
      const cases = [
        { dir: 'vocab', keys: [...buildVocabulary(articles, taxonomy, counts).keys()], file: vocabFile },
        { dir: 'suggest', keys: [...buildSuggestions(articles, taxonomy).keys()], file: suggestFile },
      ];
      for (const { dir, keys, file } of cases) {
        const json = await readFile(path.join(root, dir, 'index.json'), 'utf8');
        const index = JSON.parse(json) as ShardIndex;
        const written = new Set(await readdir(path.join(root, dir)));
        for (const key of keys) {
          expect(shardIndexHas(index, key)).toBe(true);
          expect(written.has(path.basename(file(key)))).toBe(true);
        }
        // Every letter the index lists is one file: nothing more is claimed than written.
        const listed = Object.values(index).reduce((n, letters) => n + [...letters].length, 0);
        expect(listed).toBe(keys.length);
        expect(written.size).toBe(keys.length + 1);
        expect(stats[dir as 'vocab' | 'suggest'].indexBytes).toBe(Buffer.byteLength(json));
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

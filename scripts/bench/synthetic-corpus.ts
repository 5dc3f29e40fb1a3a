import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { random } from './random.ts';

/** The synthetic corpus of the benchmarks: deterministic, clearly made up, of real length. */

const LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';

function makeWords(rand: () => number, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const length = 3 + Math.floor(rand() * 5);
    let word = '';
    for (let i = 0; i < length; i++) word += LETTERS[Math.floor(rand() * LETTERS.length)];
    words.add(word);
  }
  return [...words];
}

/** Index into a list of `n` items with probability ∝ 1 / (rank + 1)^s. */
function zipf(rand: () => number, n: number, s: number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cumulative[i] = sum += 1 / Math.pow(i + 1, s);
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface CorpusOptions {
  /** Seed of the generator (default: the count, so the same --count gives the same corpus). */
  seed?: number;
  /** Ids are `${idPrefix}${i}`. */
  idPrefix?: string;
  /** Dates fall in the `days` days from `start` (ms since the epoch). */
  start?: number;
  days?: number;
  /** Paragraphs and keyword tags an article, [least, most] (default [3, 7] and [3, 10]). */
  paragraphs?: [number, number];
  tags?: [number, number];
}

/** About 2,700 characters and 10 tags an article: the length of real news (issue #8). */
export const REAL_LENGTH: Pick<CorpusOptions, 'paragraphs' | 'tags'> = { paragraphs: [6, 12], tags: [8, 12] };

/**
 * Writes `count` synthetic articles of real length as JSONL: made-up Arabic-looking words, 3 to 10
 * Zipf-distributed keyword tags an article, some topic aliases from the taxonomy, 2% undated.
 */
export async function generateCorpus(file: string, count: number, taxonomyFile: string, options: CorpusOptions = {}): Promise<void> {
  const taxonomy = JSON.parse(await readFile(taxonomyFile, 'utf8')) as { topics: Array<{ label: string; aliases?: string[] }> };
  const aliases = taxonomy.topics.flatMap((t) => [t.label, ...(t.aliases ?? [])]);
  const rand = random(options.seed ?? count);
  const words = makeWords(rand, 20_000);
  const word = zipf(rand, words.length, 0.9);
  const tagPool = Array.from({ length: 8_000 }, (_, i) =>
    i % 4 === 0 ? `وسم${words[i]} ${words[i + 1]}` : `وسم${words[i]}`,
  );
  const tag = zipf(rand, tagPool.length, 1.05);
  const phrase = (n: number): string => Array.from({ length: n }, () => words[word()]).join(' ');
  const start = options.start ?? Date.UTC(2022, 0, 1);
  const days = options.days ?? 730;
  const paragraphs = options.paragraphs ?? [3, 7];
  const tagRange = options.tags ?? [3, 10];
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) {
    const alias = rand() < 0.15 ? aliases[Math.floor(rand() * aliases.length)]! : null;
    const title = `${phrase(3 + Math.floor(rand() * 5))}${alias ? ` ${alias}` : ''}`;
    const body = Array.from({ length: paragraphs[0] + Math.floor(rand() * (paragraphs[1] - paragraphs[0] + 1)) }, (_, p) =>
      `${p === 0 && alias ? `${alias} ` : ''}${phrase(30 + Math.floor(rand() * 40))}.`,
    );
    // 3 to 10 keywords, as a site's «كلمات دلالية» line gives (the seed's gives 11): with 1 to 5, a fifth of
    // the articles had one tag, which no keyword line looks like.
    const tags = [...new Set(Array.from({ length: tagRange[0] + Math.floor(rand() * (tagRange[1] - tagRange[0] + 1)) }, () => tagPool[tag()]!))];
    const date = rand() < 0.02 ? undefined : new Date(start + Math.floor(rand() * days * 86_400_000)).toISOString();
    const record = {
      id: `${options.idPrefix ?? 'bench-'}${i}`,
      title,
      body,
      date,
      source: `مصدر ${1 + (i % 12)}`,
      tags: rand() < 0.3 ? tags.join('، ') : tags,
    };
    if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}


/**
 * `npx tsx scripts/bench/related-eval.ts DIR`
 *
 * Counts, over an ingest's output folder (DIR/articles/**.json), the related links that share a tag with
 * their article, the links per article and the articles with at least one: the figure the issue sets at
 * ≥ 90% on a corpus with real keyword tags. `npm run bench:ingest` prints the same line from memory.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { articleSchema } from '../../src/data/schema.ts';
import { formatRelatedQuality, measureRelated } from '../ingest/related.ts';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (dir === undefined) {
    console.error('usage: tsx scripts/bench/related-eval.ts DIR   (an ingest output folder)');
    process.exit(2);
  }
  const root = path.join(dir, 'articles');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const lists = [];
  for (const file of files) lists.push(articleSchema.parse(JSON.parse(await readFile(file, 'utf8'))).related);
  console.log(
    `${files.length.toLocaleString('en-US')} articles in ${dir}: ${formatRelatedQuality(measureRelated(lists))}`,
  );
}

await main();

/**
 * `npx tsx scripts/bench/related-eval.ts DIR`
 * `npx tsx scripts/bench/related-eval.ts CORPUS.jsonl [--taxonomy FILE]`
 *
 * Over an ingest's output folder (DIR/articles/**.json): the related links that share a tag with their
 * article, the links per article and the articles with at least one: the figure the issue sets at ≥ 90% on
 * a corpus with real keyword tags. `npm run bench:ingest` prints the same line from memory.
 *
 * Over a corpus (any input file the ingest reads), the figures behind the panel's near-duplicate rule
 * (`headline-similarity.ts`): how many pairs of headlines in the corpus, and in the panels as they are
 * without the rule (an article and a card, two cards), fall in each band of similarity; then for each
 * threshold the panels that change, the links and the share sharing a tag; and the pairs the default
 * threshold parts in the panels, by id and source (never their text).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { articleSchema } from '../../src/data/schema.ts';
import { normalizeArabic } from '../../src/shared/lib/arabic.ts';
import { headlineBigrams, headlineSimilarity, NEAR_DUPLICATE } from '../ingest/headline-similarity.ts';
import { parseFile, tagCorpus } from '../ingest/pipeline.ts';
import { formatRelatedQuality, measureRelated, relateArticles } from '../ingest/related.ts';
import { loadTaxonomy } from '../ingest/taxonomy.ts';

const BANDS = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const THRESHOLDS = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
/** All pairs are compared only up to this many articles: the count is quadratic. */
const MOST_FOR_ALL_PAIRS = 20_000;

async function evalOutput(dir: string): Promise<void> {
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

/** «≥0.6: 12, ≥0.7: 4, …»: how many of the similarities reach each band. */
function formatBands(values: readonly number[]): string {
  return BANDS.map((band) => `≥${band}: ${values.filter((v) => v >= band).length}`).join(', ');
}

async function evalCorpus(corpus: string, taxonomyFile: string): Promise<void> {
  const parsed = await parseFile(corpus, path.basename(corpus));
  const { articles } = tagCorpus(parsed.records, await loadTaxonomy(taxonomyFile));
  const n = articles.length;
  const bigrams = articles.map((a) => headlineBigrams(normalizeArabic(a.title)));
  const similarity = (a: number, b: number): number => headlineSimilarity(bigrams[a]!, bigrams[b]!);
  console.log(
    `${n.toLocaleString('en-US')} articles in ${corpus}; headline similarity: Dice of character bigrams`,
  );

  if (n <= MOST_FOR_ALL_PAIRS) {
    const pairs: number[] = [];
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) if (similarity(a, b) >= BANDS[0]!) pairs.push(similarity(a, b));
    console.log(`pairs of headlines in the corpus: ${formatBands(pairs)}`);
  }

  const without = relateArticles(articles, { nearDuplicate: Infinity });
  const own: number[] = [];
  const cards: number[] = [];
  without.docs.forEach((docs, i) => {
    for (let x = 0; x < docs.length; x++) {
      own.push(similarity(i, docs[x]!));
      for (let y = 0; y < x; y++) cards.push(similarity(docs[y]!, docs[x]!));
    }
  });
  console.log(`without the rule, article and card: ${formatBands(own)}`);
  console.log(`without the rule, two cards of a panel: ${formatBands(cards)}`);
  console.log(`without the rule: ${formatRelatedQuality(measureRelated(without.related))}`);

  for (const threshold of THRESHOLDS) {
    const { related, docs } = relateArticles(articles, { nearDuplicate: threshold });
    let changed = 0;
    let shorter = 0;
    docs.forEach((list, i) => {
      const before = without.docs[i]!;
      if (list.length < before.length) shorter++;
      if (list.length !== before.length || Array.from(list).some((doc, x) => doc !== before[x])) changed++;
    });
    console.log(
      `at ${threshold}${threshold === NEAR_DUPLICATE ? ' (default)' : ''}: ${changed} panels changed, ${shorter} shorter, ` +
        formatRelatedQuality(measureRelated(related)),
    );
  }

  // The pairs the default parts, as a reader would have seen them, for the decision note's examples.
  const name = (doc: number): string => `${articles[doc]!.id} (${articles[doc]!.source ?? 'no source'})`;
  without.docs.forEach((docs, i) => {
    for (let x = 0; x < docs.length; x++) {
      const doc = docs[x]!;
      if (similarity(i, doc) >= NEAR_DUPLICATE)
        console.log(`  ${name(i)}: card ${x + 1} ${name(doc)}, ${similarity(i, doc).toFixed(2)}`);
      for (let y = 0; y < x; y++) {
        const other = docs[y]!;
        if (similarity(other, doc) >= NEAR_DUPLICATE) {
          console.log(
            `  ${name(i)}: cards ${y + 1} and ${x + 1}, ${name(other)} and ${name(doc)}, ${similarity(other, doc).toFixed(2)}`,
          );
        }
      }
    }
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--taxonomy');
  const taxonomy = at >= 0 ? args.splice(at, 2)[1] : 'content/taxonomy.json';
  const input = args[0];
  if (input === undefined || taxonomy === undefined) {
    console.error('usage: tsx scripts/bench/related-eval.ts DIR | CORPUS.jsonl [--taxonomy FILE]');
    process.exit(2);
  }
  if (/\.(jsonl|ndjson|json|txt)$/i.test(input)) await evalCorpus(input, taxonomy);
  else await evalOutput(input);
}

await main();

/**
 * Checks topic membership on a real corpus and prints the figures behind the rule in topics.ts.
 *
 *   npx tsx scripts/bench/topics-eval.ts CORPUS.jsonl [--taxonomy FILE] [--examples N]
 *
 * CORPUS is JSONL: {id, title, body: string[], tags?: string[]}. For each topic it prints
 *   - titles naming the topic, by a check written independently of topics.ts (normalised title tokens,
 *     clitics stripped, multi-word forms as substrings, excluded phrases removed first), and how many of
 *     them the topic holds: must be all;
 *   - members that never mention a form anywhere (title, body, tags): must be 0;
 *   - members by body alone, with example titles to eyeball;
 *   - non-members that do mention the topic in the body, by where and how often, so a change of the
 *     threshold can be weighed.
 * Exits 1 when a requirement fails. Paragraphs that are link lists («اقرأ أيضا»، «للمزيد:») are skipped as
 * the ingest skips them.
 */
import { readFileSync } from 'node:fs';
import { stripClitics, tokenize } from '../../src/shared/lib/arabic.ts';
import { assignTopics, topicEvidence, topicMatcher } from '../ingest/topics.ts';
import { loadTaxonomy, topicForms, type TaxonomyTopic } from '../ingest/taxonomy.ts';

interface CorpusArticle {
  id: string;
  title: string;
  body: string[];
  tags: string[];
}

function parseArgs(argv: string[]): { corpus: string; taxonomy: string; examples: number } {
  let corpus: string | undefined;
  let taxonomy = 'content/taxonomy.json';
  let examples = 8;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--taxonomy') taxonomy = argv[++i] ?? taxonomy;
    else if (arg === '--examples') examples = Number(argv[++i] ?? examples);
    else corpus = arg;
  }
  if (corpus === undefined) {
    console.error('usage: tsx scripts/bench/topics-eval.ts CORPUS.jsonl [--taxonomy FILE] [--examples N]');
    process.exit(2);
  }
  return { corpus, taxonomy, examples };
}

const LINK_LIST = /^\s*(?:اقرأ|إقرأ)\s+أيضا|^\s*للمزيد\s*:/;

function readCorpus(file: string): CorpusArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const raw = JSON.parse(line) as { id?: unknown; title?: unknown; body?: unknown; tags?: unknown };
      const body = Array.isArray(raw.body) ? raw.body.map(String) : [String(raw.body ?? '')];
      return {
        id: String(raw.id ?? ''),
        title: String(raw.title ?? ''),
        body: body.filter((paragraph) => !LINK_LIST.test(paragraph)),
        tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
      };
    });
}

/** The independent check: does this text name the topic anywhere? */
function namesTopic(text: string, topic: TaxonomyTopic): boolean {
  let normal = ` ${tokenize(text).join(' ')} `;
  for (const phrase of topic.exclude) normal = normal.replaceAll(` ${tokenize(phrase).join(' ')} `, ' ');
  const forms = topicForms(topic).map((form) => tokenize(form).join(' '));
  const single = new Set(forms.filter((form) => !form.includes(' ')));
  if (forms.some((form) => form.includes(' ') && normal.includes(` ${form} `))) return true;
  // A multi-word form behind a clitic («وقره باغ»): strip the first word's clitics against first words too.
  const heads = new Set(
    forms.filter((form) => form.includes(' ')).map((form) => form.split(' ')[0] as string),
  );
  const words = normal.trim().split(' ');
  return words.some((word, i) => {
    if (single.has(stripClitics(word, (bare) => single.has(bare)))) return true;
    const head = stripClitics(word, (bare) => heads.has(bare));
    if (head === word || !heads.has(head)) return false;
    const rest = [head, ...words.slice(i + 1)].join(' ');
    return forms.some((form) => form.includes(' ') && `${rest} `.startsWith(`${form} `));
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const taxonomy = await loadTaxonomy(args.taxonomy);
  const matcher = topicMatcher(taxonomy);
  const articles = readCorpus(args.corpus);
  const inputs = articles.map((article) => ({
    ...article,
    tags: article.tags.map((label) => ({ slug: label, label })),
  }));
  const assigned = inputs.map((input) => assignTopics(input, taxonomy));
  // Timed on a second, warm pass: the first one pays for the JIT.
  const before = process.cpuUsage();
  for (const input of inputs) assignTopics(input, taxonomy);
  const cpu = process.cpuUsage(before);
  const micros = cpu.user + cpu.system;

  console.log(`topics-eval: ${articles.length} articles from ${args.corpus}`);
  console.log(
    `assignTopics: ${(micros / 1000).toFixed(0)} ms CPU (${(micros / articles.length).toFixed(0)} µs/article)\n`,
  );

  let failed = false;
  taxonomy.topics.forEach((topic, index) => {
    const slug = topic.slug;
    let titled = 0;
    let titledHeld = 0;
    let members = 0;
    let unmentioned = 0;
    const titledMissed: string[] = [];
    const bodyOnly: string[] = [];
    const outside = new Map<string, number>();
    articles.forEach((article, i) => {
      const member = assigned[i]?.some((ref) => ref.slug === slug) ?? false;
      const inTitle = namesTopic(article.title, topic);
      if (inTitle) {
        titled++;
        if (member) titledHeld++;
        else titledMissed.push(article.title);
      }
      const evidence = topicEvidence(
        { ...article, tags: article.tags.map((label) => ({ slug: label, label })) },
        matcher,
      );
      const body = evidence.body[index] ?? 0;
      const lede = (evidence.firstParagraph[index] ?? 0) > 0 ? 'lede' : 'no lede';
      if (member) {
        members++;
        const anywhere =
          inTitle ||
          article.body.some((p) => namesTopic(p, topic)) ||
          article.tags.some((t) => namesTopic(t, topic));
        if (!anywhere) unmentioned++;
        if (!inTitle && !article.tags.some((t) => namesTopic(t, topic))) {
          bodyOnly.push(
            `${article.title}  [${body} mentions in ${evidence.paragraphs[index] ?? 0} of ${article.body.length} paragraphs, ${lede}]`,
          );
        }
      } else if (body > 0) {
        const paragraphs = evidence.paragraphs[index] ?? 0;
        const key = `${lede}, ${paragraphs} paragraph${paragraphs === 1 ? '' : 's'}`;
        outside.set(key, (outside.get(key) ?? 0) + 1);
      }
    });
    const ok = titledHeld === titled && unmentioned === 0;
    if (!ok) failed = true;
    console.log(`${slug} (${topic.label}): ${members} members${ok ? '' : '  ** FAIL **'}`);
    console.log(`  titles naming it: ${titled}, held: ${titledHeld}${titled === titledHeld ? ' (all)' : ''}`);
    for (const title of titledMissed.slice(0, args.examples)) console.log(`    missed: ${title}`);
    console.log(`  members never mentioning it: ${unmentioned}`);
    console.log(`  members by body alone: ${bodyOnly.length}`);
    for (const line of bodyOnly.slice(0, args.examples)) console.log(`    ${line}`);
    const left = [...outside].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => `${key}: ${n}`);
    console.log(`  left out though the body mentions it: ${left.length > 0 ? left.join('; ') : 'none'}\n`);
  });

  if (failed) {
    console.error('topics-eval: a requirement failed (see ** FAIL ** above)');
    process.exit(1);
  }
  console.log('topics-eval: every title naming a topic is in it; no member lacks a mention');
}

await main();

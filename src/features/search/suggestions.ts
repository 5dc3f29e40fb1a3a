/**
 * Suggestions as the reader types: topics, tags and headlines from the prefix shards the ingest writes
 * (`src/shared/lib/search-shards.ts`), one small shard a keystroke at most (and none once cached). The
 * header's box imports this module on first input, so no page's first view pays for it.
 */
import * as z from 'zod/mini';
import { tokenize } from '../../shared/lib/arabic.ts';
import { fetchShard, NotFoundError } from '../../shared/lib/fetch-shard.ts';
import { articleHref, tagHref, topicHref } from '../../shared/lib/hrefs.ts';
import {
  PAGEFIND_DIR,
  SUGGEST_INDEX_FILE,
  SUGGEST_KEY_LETTERS,
  suggestFile,
  suggestionMatches,
  suggestionWords,
  type SuggestEntry,
} from '../../shared/lib/search-shards.ts';
import { MAX_QUERY_CHARS } from '../../shared/lib/search-terms.ts';
import { shardIndexLookup } from './shard-index.ts';

/** Suggestions shown at most, and of those at most this many topics and tags. */
const MAX_SUGGESTIONS = 8;
const MAX_LABELS = 4;

const suggestShardSchema = z.array(
  z.object({
    kind: z.enum(['topic', 'tag', 'article']),
    id: z.string(),
    label: z.string(),
    aliases: z.optional(z.array(z.string())),
  }),
);

export interface Suggestion {
  kind: SuggestEntry['kind'];
  label: string;
  href: string;
}

const hrefOf = (entry: SuggestEntry): string =>
  entry.kind === 'topic' ? topicHref(entry.id) : entry.kind === 'tag' ? tagHref(entry.id) : articleHref(entry.id);

/** The shard to read for what was typed: its longest word's first two or three letters; null when too short. */
export function suggestPrefix(typed: string): string | null {
  const longest = tokenize(typed.slice(0, MAX_QUERY_CHARS)).reduce((a, b) => (b.length > a.length ? b : a), '');
  const letters = Math.min(longest.length, SUGGEST_KEY_LETTERS[1]);
  return letters >= SUGGEST_KEY_LETTERS[0] ? longest.slice(0, letters) : null;
}

/** The suggestions of one shard that match every typed word: topics and tags first, then headlines. */
export function pickSuggestions(entries: readonly SuggestEntry[], typed: string): Suggestion[] {
  const words = tokenize(typed.slice(0, MAX_QUERY_CHARS));
  const matching = entries.filter((e) => suggestionMatches(suggestionWords(e), words));
  const labels = matching.filter((e) => e.kind !== 'article').slice(0, MAX_LABELS);
  const headlines = matching.filter((e) => e.kind === 'article');
  return [...labels, ...headlines]
    .slice(0, MAX_SUGGESTIONS)
    .map((e) => ({ kind: e.kind, label: e.label, href: hrefOf(e) }));
}

const hasSuggestShard = shardIndexLookup(SUGGEST_INDEX_FILE);

export async function fetchSuggestions(typed: string): Promise<Suggestion[]> {
  const prefix = suggestPrefix(typed);
  // No shard (by the index the ingest writes): no word of any topic, tag or headline starts that way.
  if (prefix === null || !(await hasSuggestShard(prefix))) return [];
  try {
    return pickSuggestions(await fetchShard(`${PAGEFIND_DIR}${suggestFile(prefix)}`, suggestShardSchema), typed);
  } catch (error) {
    // No shard: no word of any topic, tag or headline starts that way.
    if (error instanceof NotFoundError) return [];
    throw error;
  }
}

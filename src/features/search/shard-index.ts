/**
 * The indexes of which vocabulary and suggestion shards exist (`ShardIndex` in search-shards.ts), each
 * loaded once, on the first key asked of it: only the search page and the search box ask, so no other
 * page's first view pays for them. A key the index lacks is never fetched: its shard would be a 404.
 */
import * as z from 'zod/mini';
import { onDataBuildChange } from '../../shared/lib/data-build.ts';
import { fetchShard, NotFoundError } from '../../shared/lib/fetch-shard.ts';
import { PAGEFIND_DIR, shardIndexHas, type ShardIndex } from '../../shared/lib/search-shards.ts';

const shardIndexSchema = z.record(z.string(), z.string());

/**
 * Whether `key` has a shard, by the index at `indexFile` (inside the Pagefind folder). An index that fails
 * to load is asked for again next time (offline); a missing one (data built before the indexes) says no
 * key has a shard: fewer suggestions, never a 404 a keystroke.
 */
export function shardIndexLookup(indexFile: string): (key: string) => Promise<boolean> {
  let index: Promise<ShardIndex> | null = null;
  onDataBuildChange(() => {
    index = null;
  });
  return async (key) => {
    index ??= fetchShard(`${PAGEFIND_DIR}${indexFile}`, shardIndexSchema).catch((error: unknown) => {
      if (error instanceof NotFoundError) return {};
      index = null;
      throw error;
    });
    return shardIndexHas(await index, key);
  };
}

import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The output folder a run replaces as a whole, checked before anything is touched: replacing a folder the
 * ingest did not write (a typo in `--out`, `--out .`, the content folder itself) would delete whatever it
 * held, articles included.
 */

/** Every ingest output has one; a folder without it was not written by the ingest. */
export const OUTPUT_MARK = 'manifest.json';

/**
 * `out` with its symbolic links resolved, so that a linked output is updated where the link points (the
 * link stays) and two spellings of one folder share one lock. A folder that does not exist yet resolves
 * through its nearest existing parent.
 */
export function realOutput(out: string): string {
  const absolute = path.resolve(out);
  const missing: string[] = [];
  let at = absolute;
  while (!existsSync(at) && path.dirname(at) !== at) {
    missing.unshift(path.basename(at));
    at = path.dirname(at);
  }
  return path.join(realpathSync(at), ...missing);
}

const within = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
};

/**
 * Why the run must not replace `out` (already resolved by `realOutput`), or null: it is a file, a folder
 * the ingest did not write and that is not empty, or it holds or lies inside an input, the taxonomy or
 * the build cache.
 */
export function outputProblem(
  out: string,
  others: { inputs: readonly string[]; taxonomyFile: string; cacheDir: string },
): string | null {
  const shown = (p: string): string => path.relative(process.cwd(), p) || '.';
  const clash = (what: string, p: string): string | null => {
    const real = realOutput(p);
    if (within(real, out))
      return `--out "${shown(out)}" holds ${what} "${shown(p)}", which replacing it would delete`;
    if (within(out, real)) return `--out "${shown(out)}" is inside ${what} "${shown(p)}"`;
    return null;
  };
  for (const input of others.inputs) {
    const problem = clash('the input', input);
    if (problem) return problem;
  }
  const problem = clash('the taxonomy', others.taxonomyFile) ?? clash('the build cache', others.cacheDir);
  if (problem) return problem;
  if (!existsSync(out)) return null;
  if (!statSync(out).isDirectory()) return `--out "${shown(out)}" is a file, not a folder`;
  if (existsSync(path.join(out, OUTPUT_MARK)) || readdirSync(out).length === 0) return null;
  return `--out "${shown(out)}" is a folder the ingest did not write (it has no ${OUTPUT_MARK}); it would be replaced as a whole, so choose a new or empty folder`;
}

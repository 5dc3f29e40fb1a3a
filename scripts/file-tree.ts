/**
 * File operations on a folder of the site (the built `dist/`, the served folder): list it, compare a file,
 * place a file by a hard link where the file system allows it. Shared by the prerender, which brings `dist/`
 * up to date (scripts/prerender/site-files.ts), and the deploy (scripts/deploy/deploy.ts).
 */
import { copyFileSync, existsSync, linkSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `root`, relative and `/`-separated; none when `root` is not there. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The two files hold the same bytes (false when either is missing). */
export function sameBytes(a: string, b: string): boolean {
  try {
    return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

/**
 * Makes `target` a hard link to `source`, or a copy where a link cannot be made (two file systems, or links
 * refused); says which.
 */
export function linkOrCopy(source: string, target: string): 'linked' | 'copied' {
  try {
    linkSync(source, target);
    return 'linked';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
    copyFileSync(source, target);
    return 'copied';
  }
}

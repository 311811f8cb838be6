import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Where builds of one content folder keep their caches (Astro's content layer and
 * incremental build, Lectern's rendered Markdown and search records): one folder per
 * content folder, so building a test fixture never reuses entries of the demo archive.
 */
export function cacheDir(content: string, root: string = process.cwd()): string {
  const key = createHash('sha256').update(path.resolve(content)).digest('hex').slice(0, 12);
  return path.join(root, 'node_modules', '.astro', key);
}

import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Every entry under `root` with the SHA-256 of its bytes (`dir` for folders,
 * `link -> target` for symbolic links), keyed by `/`-separated relative path and
 * sorted, so two trees compare with one `toEqual` and a diff names the files.
 * An empty object when `root` does not exist.
 */
export function hashTree(root: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  if (!existsSync(root)) return hashes;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const absolute = path.join(dir, name);
      const key = path.relative(root, absolute).split(path.sep).join('/');
      const stat = lstatSync(absolute);
      if (stat.isSymbolicLink()) hashes[key] = `link -> ${readlinkSync(absolute)}`;
      else if (stat.isDirectory()) {
        hashes[key] = 'dir';
        walk(absolute);
      } else hashes[key] = createHash('sha256').update(readFileSync(absolute)).digest('hex');
    }
  };
  walk(root);
  return hashes;
}

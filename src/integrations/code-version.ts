import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A hash of Lectern's own code (`src/`, the Astro config, the lockfile), part of every
 * page's cache key (src/data/cache-keys.ts): Astro compares the modules a page imports,
 * but not code that reaches a page another way (the content loader, Vite plugins), so a
 * page is never taken from the cache after any change to Lectern itself.
 */
export function codeVersion(root: string): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(root, 'src'));
  files.push(path.join(root, 'astro.config.mjs'), path.join(root, 'package-lock.json'));
  for (const file of files.sort()) {
    hash.update(path.relative(root, file));
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('-');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export const CODE_VERSION_ENV = 'LECTERN_CODE_VERSION';

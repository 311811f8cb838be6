import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Astro's virtual module holding the content store (astro/dist/content/consts.js). */
const RESOLVED_DATA_STORE_ID = '\0astro:data-layer-content';

/**
 * Astro builds its content store (every entry's data and rendered HTML) into the server
 * bundle as one string literal: 19 MB at 1,000 documents, 190 MB at 10,000, which the
 * bundler then parses, copies and writes, and Node parses again as source code before the
 * first page renders — most of the memory and a third of the time of a large build
 * (measured in docs/scaling.md). The prerenderer runs on this machine, next to the store
 * file, so the module can read the file when it is imported instead. Build only: `astro
 * dev` keeps Astro's own module, which it reloads when content changes.
 */
export function dataStoreFromDisk(cacheDir: string): Plugin {
  const file = path.join(cacheDir, 'data-store.json');
  return {
    name: 'lectern:data-store-from-disk',
    apply: 'build',
    transform(_code, id) {
      if (id !== RESOLVED_DATA_STORE_ID || !existsSync(file)) return null;
      return {
        code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`,
        map: { mappings: '' },
      };
    },
  };
}

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { HEADINGS_KEY, HTML_KEY, htmlCacheDir } from '../markdown/html-cache.ts';

/** Imported by the store module (bundled with it): the format of the body files, and how to read a file of UTF-8. */
const HTML_CACHE_MODULE = fileURLToPath(new URL('../markdown/html-cache.ts', import.meta.url));
const UTF8_FILE_MODULE = fileURLToPath(new URL('../archive/utf8-file.ts', import.meta.url));

/** Astro's virtual module holding the content store (astro/dist/content/consts.js). */
const RESOLVED_DATA_STORE_ID = '\0astro:data-layer-content';

/**
 * Astro builds its content store (every entry's data and rendered HTML) into the server
 * bundle as one string literal: 19 MB at 1,000 documents, 190 MB at 10,000, which the
 * bundler then parses, copies and writes, and Node parses again as source code before the
 * first page renders — most of the memory and much of the time of a large build
 * (measured in docs/scaling.md). The prerenderer runs on this machine, next to the store
 * file, so the module reads the file when it is imported instead, and gives each entry
 * whose body Lectern keeps in a file of its own (html-cache.ts) an `html` and `headings`
 * that read its file, once, when a page renders it. The store holds no Markdown bodies
 * either: pages read one from its source file (src/data/entry-body.ts). Build only:
 * `astro dev` keeps Astro's own module and a full store.
 */
export function dataStoreFromDisk(cacheDir: string): Plugin {
  const file = path.join(cacheDir, 'data-store.json');
  const htmlDir = htmlCacheDir(cacheDir);
  // devalue is Astro's own dependency (the store's format); resolve it from Astro.
  const astroRequire = createRequire(createRequire(import.meta.url).resolve('astro/package.json'));
  const devalue = astroRequire.resolve('devalue');
  return {
    name: 'lectern:data-store-from-disk',
    apply: 'build',
    transform(_code, id) {
      if (id !== RESOLVED_DATA_STORE_ID || !existsSync(file)) return null;
      const code = `import { readUtf8 } from ${JSON.stringify(UTF8_FILE_MODULE)};
import { unflatten } from ${JSON.stringify(devalue)};
import { cachedBodyFile, readCachedBody } from ${JSON.stringify(HTML_CACHE_MODULE)};
const store = unflatten(JSON.parse(readUtf8(${JSON.stringify(file)})));
for (const entries of store.values()) {
  for (const entry of entries.values()) {
    const key = entry.rendered?.metadata?.[${JSON.stringify(HTML_KEY)}];
    if (typeof key !== 'string') continue;
    let body;
    const read = () => (body ??= readCachedBody(cachedBodyFile(${JSON.stringify(htmlDir)}, key)));
    Object.defineProperty(entry.rendered, 'html', { enumerable: true, get: () => read().html });
    if (entry.rendered.metadata[${JSON.stringify(HEADINGS_KEY)}] !== true) continue;
    Object.defineProperty(entry.rendered.metadata, 'headings', { enumerable: true, get: () => read().headings });
  }
}
export default store;
`;
      return { code, map: { mappings: '' } };
    },
  };
}

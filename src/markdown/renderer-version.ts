import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Changes whenever a stored entry could change: the source of Lectern's Markdown modules,
 * of the loader that writes entries and of the body cache, and the versions of the
 * packages they use. Part of every entry's digest, so a new Lectern
 * never serves HTML a previous version rendered (Astro itself clears its store when the
 * Astro config changes, which covers the unified pipeline's plugins).
 */
export const RENDERER_VERSION = rendererVersion();

function rendererVersion(): string {
  const hash = createHash('sha256');
  for (const file of ['./render-markdown.ts', './heading-ids.ts', './html-cache.ts', '../loaders/archive-loader.ts', '../loaders/render-pool.ts', '../loaders/render-worker.ts', '../lib/outline.ts', '../lib/slug.ts']) {
    hash.update(readFileSync(new URL(file, import.meta.url)));
  }
  const require = createRequire(import.meta.url);
  for (const pkg of ['markdown-it', 'markdown-it-cjk-friendly', 'pinyin-pro']) {
    hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
  }
  return hash.digest('hex').slice(0, 16);
}

import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Rendered document bodies kept as files beside Astro's content store, one per digest
 * (text + data + renderer version), instead of inside the store: the store is then small
 * enough to write in a moment after one document changed, and each page reads only the
 * body it shows (see data-store-from-disk.ts, which wires the store entries to these files).
 */
export function htmlCacheDir(cacheDir: string): string {
  return path.join(cacheDir, 'lectern-html');
}

/** The metadata key a store entry carries instead of its HTML. */
export const HTML_KEY = 'lecternHtml';

/** The metadata key holding the entry's source file, whose body is read when a page asks for `entry.body`. */
export const SOURCE_KEY = 'lecternSource';

export function writeCachedHtml(dir: string, digest: string, html: string): void {
  const file = path.join(dir, `${digest}.html`);
  if (existsSync(file)) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, html);
}

/** Removes bodies no entry refers to any more (documents changed or deleted since). */
export function pruneCachedHtml(dir: string, keep: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (keep.has(name.replace(/\.html$/, ''))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** Set by the Lectern integration for `astro build`; `astro dev` keeps bodies in the store, as Astro does. */
export const EXTERNAL_HTML_ENV = 'LECTERN_EXTERNAL_HTML';

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

/** The metadata key holding the entry's source file, whose body a page reads through src/data/entry-body.ts. */
export const SOURCE_KEY = 'lecternSource';

/**
 * The metadata key marking an entry whose headings are in a file beside its HTML. A
 * lecture's outline was most of its store entry (13 of the store's 19 MB at 10,000
 * documents), and Astro serializes the whole store on every build.
 */
export const HEADINGS_KEY = 'lecternHeadings';

/** How a cached entry's files end: its digest, then these. */
export const HTML_FILE = '.html';
export const HEADINGS_FILE = '.headings.json';

/** The file holding the HTML (or, with `headings`, the headings) of the entry with this digest. */
export function cachedHtmlFile(dir: string, digest: string, headings = false): string {
  return path.join(dir, digest + (headings ? HEADINGS_FILE : HTML_FILE));
}

export function writeCachedHtml(dir: string, digest: string, html: string, headings: readonly unknown[] = []): void {
  const file = cachedHtmlFile(dir, digest);
  const headingsFile = cachedHtmlFile(dir, digest, true);
  const writeHtml = !existsSync(file);
  const writeHeadings = headings.length > 0 && !existsSync(headingsFile);
  if (writeHtml || writeHeadings) mkdirSync(dir, { recursive: true });
  if (writeHtml) writeFileSync(file, html);
  if (writeHeadings) writeFileSync(headingsFile, JSON.stringify(headings));
}

/** Removes bodies no entry refers to any more (documents changed or deleted since). */
export function pruneCachedHtml(dir: string, keep: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (keep.has(name.slice(0, name.endsWith(HEADINGS_FILE) ? -HEADINGS_FILE.length : -HTML_FILE.length))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** Set by the Lectern integration for `astro build`; `astro dev` keeps bodies in the store, as Astro does. */
export const EXTERNAL_HTML_ENV = 'LECTERN_EXTERNAL_HTML';

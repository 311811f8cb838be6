import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readUtf8 } from '../archive/utf8-file.ts';

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
 * The metadata key marking an entry whose headings are in its body's file. A
 * lecture's outline was most of its store entry (13 of the store's 19 MB at 10,000
 * documents), and Astro serializes the whole store on every build.
 */
export const HEADINGS_KEY = 'lecternHeadings';

/**
 * How a cached entry's file ends: its digest, then this. One file a body, holding its
 * outline as JSON on the first line (JSON has no raw line break) and its HTML after:
 * creating a file is what writing the cache costs on a slow disk (0.6 ms each here; two
 * files a body took half of the content sync at 10,000 documents).
 */
export const BODY_FILE = '.body';

/** The file holding the outline and HTML of the entry with this digest. */
export function cachedBodyFile(dir: string, digest: string): string {
  return path.join(dir, digest + BODY_FILE);
}

/** Writes an entry's body once: a file already there holds the same digest, so the same body. */
export function writeCachedBody(dir: string, digest: string, html: string, headings: readonly unknown[] = []): void {
  const file = cachedBodyFile(dir, digest);
  const text = `${JSON.stringify(headings)}\n${html}`;
  try {
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    if (isCode(error, 'EEXIST')) return;
    if (!isCode(error, 'ENOENT')) throw error;
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
  }
}

/** A cached body's HTML and outline, from one read of its file (a document page shows both). */
export function readCachedBody(file: string): { html: string; headings: unknown[] } {
  const text = readUtf8(file);
  const end = text.indexOf('\n');
  return { html: text.slice(end + 1), headings: JSON.parse(text.slice(0, end)) as unknown[] };
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** Removes bodies no entry refers to any more (documents changed or deleted since). */
export function pruneCachedHtml(dir: string, keep: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    // Files of another form (an earlier Lectern's `.html` and `.headings.json`) go too.
    if (name.endsWith(BODY_FILE) && keep.has(name.slice(0, -BODY_FILE.length))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** Set by the Lectern integration for `astro build`; `astro dev` keeps bodies in the store, as Astro does. */
export const EXTERNAL_HTML_ENV = 'LECTERN_EXTERNAL_HTML';

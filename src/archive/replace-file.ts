import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes `data` to a new file and renames it over `file`: a reader never sees half a
 * file, and the old file itself is never written into, so a hard link to it (the
 * published site's pages and index files, see published-pages.ts) keeps what it held.
 */
export function replaceFile(file: string, data: string | NodeJS.ArrayBufferView): void {
  const temporary = `${file}.new-${process.pid}`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

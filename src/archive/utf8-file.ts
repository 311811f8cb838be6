import { readFileSync } from 'node:fs';

/**
 * A file's text, decoded as UTF-8. Node 24's `readFileSync(file, 'utf8')` decodes
 * Chinese about eight times slower than reading the bytes and decoding those:
 * 115 µs against 14 µs for 24 KB of Han text (docs/scaling.md, item 23), and a
 * build reads every page and body of the archive at least once.
 */
export function readUtf8(file: string | URL): string {
  return readFileSync(file).toString('utf8');
}

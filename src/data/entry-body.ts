import { splitFrontmatter } from '../archive/frontmatter.ts';
import { SOURCE_KEY } from '../markdown/html-cache.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

/** What a content entry carries that its body can be found from. */
interface EntryWithBody {
  body?: string;
  rendered?: { metadata?: Record<string, unknown> };
}

/**
 * An entry's Markdown body. A build keeps bodies out of Astro's content store
 * (data-store-from-disk.ts) and reads one from its source file when a page asks, here:
 * a lazy `body` on the entry itself was read for every entry, since `getCollection`
 * copies each entry's properties (10,000 files and about 1 s of every build).
 * `astro dev` keeps bodies in the store.
 */
export function entryBody(entry: EntryWithBody): string {
  if (entry.body !== undefined) return entry.body;
  const source = entry.rendered?.metadata?.[SOURCE_KEY];
  return typeof source === 'string' ? splitFrontmatter(readUtf8(source)).body : '';
}

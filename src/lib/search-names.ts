/**
 * The name index: for every known name (people.yaml, the documents' people), the
 * pages where it stands and how often. The typical first search is a person's
 * name; Pagefind would answer it by loading, in every shard, the index chunks of
 * each character of the name (1.9 MB at 10,000 documents, docs/scaling.md). The
 * name index answers it with one small file and the pages' fragments, without
 * loading Pagefind at all.
 *
 * The index build writes one file per name, `pagefind/lectern-names/<hash>.json`
 * (`NameFile`); names are counted in the same text Pagefind indexes, the longest
 * known name at each place, as the index keeps names whole (search-text.ts).
 */
import type { PagefindFragment, PagefindResult } from './search-engine.ts';

/** Folder of the name files, inside the primary bundle. */
export const NAMES_FOLDER = 'lectern-names';

/** [bundle index (0: `pagefind/`, then `SearchData.shards`), Pagefind page id, occurrences, characters of indexed text] */
export type NamePosting = [bundle: number, page: string, count: number, length: number];

/** A name file: names whose hashes collide share it. */
export type NameFile = Record<string, NamePosting[]>;

/** The file of a name, relative to the primary bundle. */
export function nameFilePath(name: string): string {
  return `${NAMES_FOLDER}/${fnv1a(name).toString(16).padStart(8, '0')}.json`;
}

/** 32-bit FNV-1a of a string's UTF-16 code units: a stable, fast hash for file names and shard numbers. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** What the search page hands over to read the name index. */
export interface NameIndex {
  /** The name's file, or undefined when it has none. */
  file(name: string): Promise<NameFile | undefined>;
  /** A page's Pagefind fragment (URL, text, meta), read from its bundle. */
  fragment(bundle: number, page: string): Promise<PagefindFragment>;
  /** Average characters of indexed text per page (`SearchData.averageLength`). */
  averageLength: number;
}

/**
 * A name's pages as Pagefind-like results, by a BM25 weight of the name's count
 * (k1 1.2, b 0.75, as Pagefind ranks by default): a page that names the person
 * often for its length comes first; search-engine.ts then reads the first pages
 * and raises those where the person is a speaker or in the title.
 */
export async function nameResults(index: NameIndex, name: string): Promise<PagefindResult[]> {
  const postings = (await index.file(name))?.[name] ?? [];
  const average = index.averageLength || 1;
  return postings.map(([bundle, page, count, length]) => ({
    id: page,
    score: (count * 2.2) / (count + 1.2 * (0.25 + (0.75 * length) / average)),
    words: [],
    data: () => index.fragment(bundle, page),
  }));
}

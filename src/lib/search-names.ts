/**
 * The word indexes: for every known name (people.yaml, the documents' people) and
 * every known term (the glossary, the documents' tags), the pages where it stands
 * and how often. The typical first searches are a person's name or a term of
 * people's-congress work; Pagefind would answer them by loading, in every shard,
 * the index chunks of each of their words (1.9 MB for a name, 3.0 MB for a common
 * term at 10,000 documents, docs/scaling.md). A word index answers with one small
 * file and the pages' fragments, without loading Pagefind at all.
 *
 * The index build writes one file per word (`WordFile`): `pagefind/lectern-names/`
 * for names, counted with the longest known name at each place, as the index keeps
 * names whole; `pagefind/lectern-terms/`, gzipped, for terms, counted wherever
 * they occur (search-text.ts, search-prepare.ts).
 */
import type { PagefindFragment, PagefindResult, ReadyDetail } from './search-engine.ts';

/** Names, or the terms of the glossary and the documents' tags. */
export type WordKind = 'name' | 'term';

/** Folders of the name and term files, inside the primary bundle. */
export const WORD_FOLDERS: Record<WordKind, string> = { name: 'lectern-names', term: 'lectern-terms' };

/**
 * [bundle index (0: `pagefind/`, then `SearchData.shards`), Pagefind page id, occurrences,
 * characters of indexed text, and for the word's first `READY_RESULTS` pages the result as
 * shown (URL without the site base), so that the first page of results needs no fragment]
 */
export type WordPosting = [bundle: number, page: string, count: number, length: number, ready?: ReadyDetail];

/** How many of a word's pages carry their result, ready to show: the pages a search reads first (search-engine.ts). */
export const READY_RESULTS = 20;

/** A name or term file: words whose hashes collide share it. */
export type WordFile = Record<string, WordPosting[]>;

/** The file of a name or term, relative to the primary bundle (term files are gzipped). */
export function wordFilePath(kind: WordKind, word: string): string {
  return `${WORD_FOLDERS[kind]}/${fnv1a(word).toString(16).padStart(8, '0')}.json${kind === 'term' ? '.gz' : ''}`;
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

/** What the search page hands over to read the name and term indexes. */
export interface WordIndex {
  /** The known terms (the search page's dictionary): a query that is one of them is answered from the term index. */
  terms: ReadonlySet<string>;
  /** The file of a name or term, or undefined when it has none. */
  file(kind: WordKind, word: string): Promise<WordFile | undefined>;
  /** A page's Pagefind fragment (URL, text, meta), read from its bundle. */
  fragment(bundle: number, page: string): Promise<PagefindFragment>;
  /** Average characters of indexed text per page (`SearchData.averageLength`). */
  averageLength: number;
  /** A page's address as a fragment gives it, under the site base. */
  url(path: string): string;
}

/**
 * A name's pages as Pagefind-like results, by a BM25 weight of the name's count
 * (k1 1.2, b 0.75, as Pagefind ranks by default): a page that names the person
 * often for its length comes first; search-engine.ts then reads the first pages
 * and raises those where the person is a speaker or in the title.
 */
export async function wordResults(index: WordIndex, kind: WordKind, word: string): Promise<PagefindResult[]> {
  const postings = (await index.file(kind, word))?.[word] ?? [];
  return postings.map(([bundle, page, count, length, ready]) => ({
    id: page,
    score: wordScore(count, length, index.averageLength),
    words: [],
    data: () => index.fragment(bundle, page),
    ...(ready && { ready: async () => ({ ...ready, url: index.url(ready.url) }) }),
  }));
}

export function wordScore(count: number, length: number, averageLength: number): number {
  return (count * 2.2) / (count + 1.2 * (0.25 + (0.75 * length) / (averageLength || 1)));
}

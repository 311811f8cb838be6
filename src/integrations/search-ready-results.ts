import { byScore, pageDetail, pageText, type PagefindFragment, type PageText, type ReadyDetail, type ResultDetail } from '../lib/search-engine.ts';
import { READY_RESULTS, wordScore, type WordKind } from '../lib/search-names.ts';
import { buildDictionary, intlSegmenter, planQuery, type QueryPart } from '../lib/search-query.ts';

/** A page's known names and terms with their counts, and its characters of indexed text. */
export interface WordCounts {
  names: readonly [string, number][];
  terms: readonly [string, number][];
  length: number;
}

/** A page as the word indexes see it. */
export interface IndexedPage {
  counts: WordCounts;
  /** Pagefind's id of the page (its fragment's name). */
  id: string;
  /** Reads the page's fragment: only the pages whose results are not in the cache need it. */
  fragment: () => PagefindFragment;
  /** The fragment's file, for a worker thread to read. */
  file: string;
  /** Hash of the built page: a result worked out for the same word on the same page is taken from the cache. */
  hash: string;
}

/** A word a page's result is wanted for. */
export interface ReadyWord {
  kind: WordKind;
  word: string;
}

/**
 * Works out a page's results for some of its words (undefined where the search page
 * would not take the word index's path): on this thread, or handed to a worker
 * (search-prepare-pool.ts), which runs `pageReadyDetails` on the fragment file.
 */
export type ReadyWork = (page: IndexedPage, words: readonly ReadyWord[]) => Promise<(ReadyDetail | undefined)[]>;

/** Results worked out before, by `<kind> <word> <page URL> <page hash>` (joined with NUL). */
export type ReadyCache = Record<string, ReadyDetail>;

/** For each name and term: its first pages' results, ready to show, by page URL; and all of them as a cache for the next build. */
export type ReadyResults = Record<WordKind, Map<string, Map<string, ReadyDetail>>> & { entries: ReadyCache; reused: number };

/**
 * Works out, at build time, the results a search for one known name or term shows
 * first: for each word, its `READY_RESULTS` best pages in the order the search page
 * ranks them (wordResults, then by id), with the detail `pageDetail` gives for the
 * query that is the word alone — the same code the search page would run on the
 * fragment. The word files carry them, so the first page of results needs no
 * fragment. `names` and `terms` are the dictionary as the search page builds it
 * (`SearchData`), so the query parts are the ones the page plans.
 */
export async function readyResults(
  pages: ReadonlyMap<string, IndexedPage>,
  names: readonly string[],
  terms: readonly string[],
  averageLength: number,
  /** Results of the last build with the same code and dictionary. */
  cache: ReadyCache = {},
  work?: ReadyWork,
): Promise<ReadyResults> {
  // Which pages each word shows first.
  const postings: Record<WordKind, Map<string, { url: string; id: string; score: number }[]>> = { name: new Map(), term: new Map() };
  for (const [url, page] of pages) {
    for (const kind of ['name', 'term'] as const) {
      for (const [word, count] of kind === 'name' ? page.counts.names : page.counts.terms) {
        const list = postings[kind].get(word) ?? [];
        list.push({ url, id: page.id, score: wordScore(count, page.counts.length, averageLength) });
        postings[kind].set(word, list);
      }
    }
  }
  const wanted = new Map<string, ReadyWord[]>();
  for (const kind of ['name', 'term'] as const) {
    for (const [word, list] of postings[kind]) {
      list.sort(byScore);
      for (const { url } of list.slice(0, READY_RESULTS)) {
        const words = wanted.get(url) ?? [];
        words.push({ kind, word });
        wanted.set(url, words);
      }
    }
  }

  const partOf = queryParts(names, terms);
  const here: ReadyWork = async (page, words) => pageReadyDetails(page.id, page.fragment(), words, partOf);
  const keyOf = (url: string, { kind, word }: ReadyWord) => `${kind}\0${word}\0${url}\0${pages.get(url)!.hash}`;
  // Page by page, so that each page's text is cleaned and keyed once; the pages may be
  // worked on in parallel, and their results are then taken in order, so the same build
  // gives the same files.
  let reused = 0;
  const perPage = [...wanted].map(([url, words]) => {
    const fresh = words.filter((word) => !cache[keyOf(url, word)] && partOf(word.word));
    reused += words.length - words.filter((word) => !cache[keyOf(url, word)]).length;
    return { url, words, fresh, details: fresh.length > 0 ? (work ?? here)(pages.get(url)!, fresh) : Promise.resolve([]) };
  });
  const ready: ReadyResults = { name: new Map(), term: new Map(), entries: {}, reused };
  for (const { url, words, fresh, details } of perPage) {
    const worked = new Map((await details).map((detail, i) => [fresh[i], detail]));
    for (const word of words) {
      const detail = cache[keyOf(url, word)] ?? worked.get(word);
      if (!detail) continue;
      ready.entries[keyOf(url, word)] = detail;
      const byUrl = ready[word.kind].get(word.word) ?? new Map<string, ReadyDetail>();
      byUrl.set(url, detail);
      ready[word.kind].set(word.word, byUrl);
    }
  }
  return ready;
}

/** The query part a search for one known word plans, when the search page would answer it from the word index (by word, cached). */
export function queryParts(names: readonly string[], terms: readonly string[]): (word: string) => QueryPart | undefined {
  const dictionary = buildDictionary(names, terms);
  const segment = intlSegmenter();
  const parts = new Map<string, QueryPart | undefined>();
  return (word) => {
    if (!parts.has(word)) {
      const [stage] = planQuery(word, dictionary, segment);
      const part = stage?.level === 'phrase' && stage.parts.length === 1 ? stage.parts[0] : undefined;
      // Only where the search page would take the word index's path for this very word.
      parts.set(word, part?.key === word ? part : undefined);
    }
    return parts.get(word);
  };
}

/** A page's results for `words`, as `pageDetail` gives them for the query that is the word alone. */
export function pageReadyDetails(id: string, fragment: PagefindFragment, words: readonly ReadyWord[], partOf: (word: string) => QueryPart | undefined): (ReadyDetail | undefined)[] {
  let text: PageText | undefined;
  return words.map(({ word }) => {
    const part = partOf(word);
    return part ? withoutId(pageDetail(id, (text ??= pageText(fragment)), [part], part)) : undefined;
  });
}

function withoutId({ id: _id, ...detail }: ResultDetail): ReadyDetail {
  return detail;
}

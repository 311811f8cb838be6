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
  /** Hash of the built page: a result worked out for the same word on the same page is taken from the cache. */
  hash: string;
}

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
export function readyResults(
  pages: ReadonlyMap<string, IndexedPage>,
  names: readonly string[],
  terms: readonly string[],
  averageLength: number,
  /** Results of the last build with the same code and dictionary. */
  cache: ReadyCache = {},
): ReadyResults {
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
  const wanted = new Map<string, { kind: WordKind; word: string }[]>();
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

  const dictionary = buildDictionary(names, terms);
  const segment = intlSegmenter();
  const parts = new Map<string, QueryPart | undefined>();
  const partOf = (word: string) => {
    if (!parts.has(word)) {
      const [stage] = planQuery(word, dictionary, segment);
      const part = stage?.level === 'phrase' && stage.parts.length === 1 ? stage.parts[0] : undefined;
      // Only where the search page would take the word index's path for this very word.
      parts.set(word, part?.key === word ? part : undefined);
    }
    return parts.get(word);
  };
  const ready: ReadyResults = { name: new Map(), term: new Map(), entries: {}, reused: 0 };
  // Page by page, so that each page's text is cleaned and keyed once, then let go.
  for (const [url, words] of wanted) {
    const page = pages.get(url)!;
    let text: PageText | undefined;
    for (const { kind, word } of words) {
      const part = partOf(word);
      if (!part) continue;
      const key = `${kind}\0${word}\0${url}\0${page.hash}`;
      if (cache[key]) ready.reused++;
      const detail = (ready.entries[key] = cache[key] ?? withoutId(pageDetail(page.id, (text ??= pageText(page.fragment())), [part], part)));
      const byUrl = ready[kind].get(word) ?? new Map<string, ReadyDetail>();
      byUrl.set(url, detail);
      ready[kind].set(word, byUrl);
    }
  }
  return ready;
}

function withoutId({ id: _id, ...detail }: ResultDetail): ReadyDetail {
  return detail;
}

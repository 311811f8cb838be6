/**
 * The name and term indexes (src/lib/search-names.ts) as the search page reads
 * them: name files as JSON, term files gzipped, page fragments straight from
 * Pagefind's bundles (gzip around `pagefind_dcd` and JSON), so such a search loads
 * none of Pagefind's code or index.
 */
import type { PagefindFragment } from '../lib/search-engine.ts';
import { wordFilePath, type WordFile, type WordIndex, type WordKind } from '../lib/search-names.ts';
import { joinBase } from '../lib/urls.ts';
import { gunzipIfNeeded, readGzipJson } from './gzip.ts';

const SIGNATURE = 'pagefind_dcd';

/**
 * `bundles` are the bundle folders relative to the site base, `pagefind/` first,
 * in the order the postings number them.
 */
export function browserWordIndex(base: string, bundles: readonly string[], averageLength: number, terms: Iterable<string>): BrowserWordIndex {
  const url = (path: string) => joinBase(base, path.replace(/^\//, ''));
  // By file, so that a file fetched ahead (`prefetch`) or holding several words is fetched once.
  const files = new Map<string, Promise<WordFile | undefined>>();
  const file = (kind: WordKind, word: string): Promise<WordFile | undefined> => {
    const path = wordFilePath(kind, word);
    let loading = files.get(path);
    if (!loading) {
      loading = fetchWordFile(joinBase(base, `${bundles[0]}${path}`));
      files.set(path, loading);
      // A failed fetch is tried again by the next query.
      loading.catch(() => files.delete(path));
    }
    return loading;
  };
  return {
    averageLength,
    terms: new Set(terms),
    file,
    prefetch(kind, word) {
      file(kind, word).catch(() => undefined);
    },
    async fragment(bundle, page) {
      const response = await fetch(joinBase(base, `${bundles[bundle]}fragment/${page}.pf_fragment`));
      if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
      const text = await fragmentText(await response.arrayBuffer());
      const fragment = JSON.parse(text) as PagefindFragment;
      // As Pagefind's own result.data() gives it: the URL under the site base.
      return { ...fragment, url: url(fragment.url) };
    },
    url,
  };
}

/** The word index, with a way to fetch a word's file before the query is planned. */
export interface BrowserWordIndex extends WordIndex {
  prefetch(kind: WordKind, word: string): void;
}

async function fetchWordFile(address: string): Promise<WordFile | undefined> {
  const response = await fetch(address);
  // No file: no page has that name or term.
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  return readGzipJson<WordFile>(response);
}

async function fragmentText(bytes: ArrayBuffer): Promise<string> {
  const plain = await gunzipIfNeeded(bytes);
  const decoder = new TextDecoder();
  if (decoder.decode(plain.slice(0, SIGNATURE.length)) !== SIGNATURE) throw new Error('not a Pagefind fragment');
  return decoder.decode(plain.slice(SIGNATURE.length));
}

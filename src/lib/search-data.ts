/**
 * `pagefind/lectern-search.json`, the one file the search page reads before it can
 * plan a query: written by the index build (src/integrations/search-index-build.ts),
 * read by the page (src/scripts/search-page.ts).
 */

/** Its name, in the primary bundle. */
export const SEARCH_DATA_FILE = 'lectern-search.json';

/** `pagefind/lectern-search.json`: what the search page needs before it can plan a query. */
export interface SearchData {
  version: 1;
  /** Names indexed one character at a time. */
  names: string[];
  /** Terms indexed as words of their own. */
  terms: string[];
  /** Bundle folders besides `pagefind/` (relative to the site base), merged with `mergeIndex`. */
  shards: string[];
  /**
   * Base paths of other Lectern sites on the same server searched together with this one
   * (`LECTERN_SEARCH_SITES`, see docs/scaling.md): each has its own `pagefind/`, shards,
   * dictionary and facets, merged by the search page.
   */
  sites?: string[];
  /**
   * Average characters of indexed text per page; present when the name and term
   * indexes (`lectern-names/`, `lectern-terms/`, search-names.ts) were written.
   */
  averageLength?: number;
}

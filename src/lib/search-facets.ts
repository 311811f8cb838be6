/**
 * What the search page knows about every indexed page besides its words: course,
 * kind, date, people and tags. The index build writes it next to Pagefind's
 * bundle (`pagefind/lectern-facets.json.gz`, gzipped: 680 KB of JSON at 10,000
 * documents is 190 KB sent, whatever the server), keyed by Pagefind's page id, so the
 * page can filter, sort by date and count results per filter value for any
 * result list — including lists Pagefind did not compute itself, such as the
 * pages where a phrase was found.
 */
import type { FilterKey, SearchState } from './search-state.ts';

/** The facets file in the primary bundle. */
export const FACETS_FILE = 'lectern-facets.json.gz';

/** [course index, kind, date (partial: 2024, 2024-04, 2024-04-01), person indexes, tag indexes] */
export type FacetRow = [course: number, kind: string, date: string, people: number[], tags: number[]];

export interface SearchFacets {
  version: 1;
  /** [id, title] of every course with an indexed page. */
  courses: [string, string][];
  /** [id, name] of every person named by an indexed page. */
  people: [string, string][];
  tags: string[];
  /** Pagefind page id → facets. */
  pages: Record<string, FacetRow>;
}

/** A page's value(s) for each filter. */
export type PageValues = Record<FilterKey, string[]>;

export function pageValues(row: FacetRow, facets: SearchFacets): PageValues {
  const [course, kind, date, people, tags] = row;
  return {
    course: [facets.courses[course]?.[0]].filter((v): v is string => v !== undefined),
    kind: [kind],
    year: [date.slice(0, 4)],
    person: people.map((i) => facets.people[i]?.[0]).filter((v): v is string => v !== undefined),
    tag: tags.map((i) => facets.tags[i]).filter((v): v is string => v !== undefined),
  };
}

/** Whether a page has every filter value of `filters`, ignoring the filter `except`. */
export function matchesFilters(values: PageValues, filters: SearchState['filters'], except?: FilterKey): boolean {
  for (const [key, wanted] of Object.entries(filters) as [FilterKey, string | undefined][]) {
    if (key === except || wanted === undefined) continue;
    if (!values[key].includes(wanted)) return false;
  }
  return true;
}

/** The pages of `ids` that have every filter value; pages without facets never do. */
export function filterPages(ids: readonly string[], facets: SearchFacets, filters: SearchState['filters']): string[] {
  return ids.filter((id) => {
    const row = facets.pages[id];
    return row !== undefined && matchesFilters(pageValues(row, facets), filters);
  });
}

export type FacetCounts = Record<FilterKey, Map<string, number>>;

/**
 * For each filter, how many of `ids` each value would leave, with the other
 * filters applied: choosing a value shows exactly that many results.
 */
export function facetCounts(ids: readonly string[], facets: SearchFacets, filters: SearchState['filters']): FacetCounts {
  const counts: FacetCounts = { course: new Map(), kind: new Map(), year: new Map(), person: new Map(), tag: new Map() };
  for (const id of ids) {
    const row = facets.pages[id];
    if (!row) continue;
    const values = pageValues(row, facets);
    for (const key of Object.keys(counts) as FilterKey[]) {
      if (!matchesFilters(values, filters, key)) continue;
      for (const value of new Set(values[key])) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
    }
  }
  return counts;
}

/** Newest first; pages without facets last, in their given order. */
export function sortByDate(ids: readonly string[], facets: SearchFacets): string[] {
  const date = (id: string) => facets.pages[id]?.[2] ?? '';
  return [...ids].map((id, i) => ({ id, i })).sort((a, b) => {
    const da = date(a.id);
    const db = date(b.id);
    return da < db ? 1 : da > db ? -1 : a.i - b.i;
  }).map(({ id }) => id);
}

/** Every page with facets that has every filter value, newest first (the list for a search without words). */
export function browsePages(facets: SearchFacets, filters: SearchState['filters']): string[] {
  return sortByDate(filterPages(Object.keys(facets.pages), facets, filters), facets);
}

/** The display label of a course or person id; other values are their own label. */
export function facetLabel(key: FilterKey, value: string, facets: SearchFacets): string {
  if (key === 'course') return facets.courses.find(([id]) => id === value)?.[1] ?? value;
  if (key === 'person') return facets.people.find(([id]) => id === value)?.[1] ?? value;
  return value;
}

/**
 * The facets of several sites searched together (LECTERN_SEARCH_SITES) as one: each
 * site numbers its courses, people and tags from 0, so the rows of the later ones are
 * renumbered into the first one's lists. Page ids are Pagefind's content hashes, unique
 * across sites.
 */
/**
 * The index of `item` in `list` by its `key` (in `map`), added at the end the first
 * time: how facet rows refer to courses, people and tags.
 */
export function placeIn<T>(map: Map<string, number>, list: T[], key: string, item: T): number {
  let at = map.get(key);
  if (at === undefined) {
    at = list.push(item) - 1;
    map.set(key, at);
  }
  return at;
}

export function mergeFacets(all: readonly SearchFacets[]): SearchFacets {
  const merged: SearchFacets = { version: 1, courses: [], people: [], tags: [], pages: {} };
  const courseAt = new Map<string, number>();
  const personAt = new Map<string, number>();
  const tagAt = new Map<string, number>();
  for (const facets of all) {
    const courses = facets.courses.map((course) => placeIn(courseAt, merged.courses, course[0], course));
    const people = facets.people.map((person) => placeIn(personAt, merged.people, person[0], person));
    const tags = facets.tags.map((tag) => placeIn(tagAt, merged.tags, tag, tag));
    for (const [id, [course, kind, date, persons, pageTags]] of Object.entries(facets.pages)) {
      merged.pages[id] = [courses[course], kind, date, persons.map((p) => people[p]), pageTags.map((t) => tags[t])];
    }
  }
  return merged;
}


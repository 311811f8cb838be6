/**
 * The search page's state, which lives in its URL so that a result list can be
 * linked, reloaded and walked with back/forward:
 * `/search/?q=票决制&course=xinyang-2024&kind=lecture&year=2024&person=wu-wenyi&tag=预算&sort=date`.
 */

/** The filters, in the order the page shows them. */
export const filterKeys = ['course', 'kind', 'year', 'person', 'tag'] as const;
export type FilterKey = (typeof filterKeys)[number];

export const sortOrders = ['relevance', 'date'] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface SearchState {
  /** The query as typed (trimmed). */
  q: string;
  /** One value per filter at most: a course id, a kind (speech, lecture, writeup), a year, a person id, a tag. */
  filters: Partial<Record<FilterKey, string>>;
  /** Relevance (the default) or date, newest first. */
  sort: SortOrder;
}

/** Longer queries are cut: nobody types more, and a pasted page would only slow the search down. */
export const MAX_QUERY_LENGTH = 200;

export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  return { q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH), filters, sort };
}

/** The URL parameters of a state, in a fixed order, leaving out what is empty or default. */
export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of filterKeys) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** `?q=…` for a state, or the empty string when nothing is set. */
export function stateToSearch(state: SearchState): string {
  const query = stateToParams(state).toString();
  return query ? `?${query}` : '';
}

/** The state with one filter set to `value`, or removed when `value` is undefined. */
export function withFilter(state: SearchState, key: FilterKey, value: string | undefined): SearchState {
  const filters = { ...state.filters };
  if (value === undefined) delete filters[key];
  else filters[key] = value;
  return { ...state, filters };
}

export function hasFilters(state: SearchState): boolean {
  return filterKeys.some((key) => state.filters[key] !== undefined);
}

/**
 * The search page in the browser: reads the state from the URL, runs it through
 * Lectern's query handling against Pagefind, and renders results and filters.
 * Every change (a query, a filter, the sort order) is a new URL, so reload and
 * back/forward show the same list. Bundled by Astro: no inline script.
 */
import { t, type UiKey } from '../i18n/ui.ts';
import { dateToChinese } from '../lib/chinese-date.ts';
import type { PartialDate } from '../lib/partial-date.ts';
import { searchArchive, type PagefindApi, type ResultDetail, type SearchAnswer } from '../lib/search-engine.ts';
import { FACETS_FILE, facetCounts, facetLabel, mergeFacets, type FacetCounts, type SearchFacets } from '../lib/search-facets.ts';
import { buildDictionary, intlSegmenter, normalizeQuery, planQuery, type QueryStage, type SearchDictionary, type WordSegmenter } from '../lib/search-query.ts';
import { filterKeys, hasFilters, stateFromParams, stateToSearch, withFilter, type FilterKey, type SearchState } from '../lib/search-state.ts';
import { SEARCH_DATA_FILE, type SearchData } from '../lib/search-data.ts';
import type { WordIndex } from '../lib/search-names.ts';
import { joinBase } from '../lib/urls.ts';
import { fetchGzipJson } from './gzip.ts';
import { browserWordIndex, type BrowserWordIndex } from './search-word-index.ts';

/** `pagefind.js` as Lectern loads it (the module also has `filters`, `preload`, …). */
interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
}

const PAGE_SIZE = 10;
/** Title and people count for more than body text (Pagefind's default gives the title 5). */
const ranking = { metaWeights: { title: 5, people: 3, subtitle: 2, display_title: 0, kind: 0, date: 0, course: 0 } };

const base = import.meta.env.BASE_URL;
const bundleUrl = (file: string) => joinBase(base, `pagefind/${file}`);

const form = document.querySelector<HTMLFormElement>('[data-lectern-search-form]');
const input = document.querySelector<HTMLInputElement>('[data-lectern-search-input]');
const sortSelect = document.querySelector<HTMLSelectElement>('[data-lectern-search-sort]');
const main = document.querySelector<HTMLElement>('[data-lectern-search]');
const status = document.querySelector<HTMLElement>('[data-lectern-status]');
const list = document.querySelector<HTMLOListElement>('[data-lectern-results]');
const more = document.querySelector<HTMLButtonElement>('[data-lectern-more]');
const facetsBox = document.querySelector<HTMLElement>('[data-lectern-facets]');
const facetList = document.querySelector<HTMLElement>('[data-lectern-facet-list]');
const browse = document.querySelector<HTMLElement>('[data-lectern-browse]');
const pageTitle = document.title;

interface Engine {
  /** Pagefind, loaded with its shards and the other sites' indexes on the first query that needs it. */
  pagefind: PagefindApi;
  /** The name and term indexes, when this site has them and searches no other site. */
  words?: WordIndex;
  dictionary: SearchDictionary;
  /**
   * Fetched only when needed (filters, date order) or once the first results are
   * shown (for the counts): the first query needs nothing but Pagefind.
   */
  facets: () => Promise<SearchFacets>;
}

let engine: Promise<Engine> | undefined;
let runId = 0;

function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    let facets: Promise<SearchFacets> | undefined;
    const data = await fetchJson<SearchData>(bundleUrl(SEARCH_DATA_FILE));
    // Other sites built apart (one per course or year) and searched as one archive:
    // their indexes, dictionaries and facets join this site's. One that cannot be read is left out.
    const sites = (
      await Promise.all(
        (data.sites ?? []).map((site) =>
          fetchJson<SearchData>(joinBase(site, `pagefind/${SEARCH_DATA_FILE}`)).then(
            (siteData) => ({ site, data: siteData }),
            (error: unknown) => {
              console.warn(error);
              return undefined;
            },
          ),
        ),
      )
    ).filter((site) => site !== undefined);
    let pagefind: Promise<PagefindModule> | undefined;
    const loadPagefind = async () => {
      const module = (await import(/* @vite-ignore */ bundleUrl('pagefind.js'))) as PagefindModule;
      // On the main thread: the worker would be a second copy of Pagefind's code
      // (43 kB) on the first query; a search takes milliseconds.
      await module.options({ baseUrl: base, ranking, noWorker: true });
      await module.init();
      for (const shard of data.shards) await module.mergeIndex(joinBase(base, shard), { baseUrl: base, ranking });
      for (const { site, data: siteData } of sites) {
        for (const folder of ['pagefind/', ...siteData.shards]) await module.mergeIndex(joinBase(site, folder), { baseUrl: site, ranking });
      }
      return module;
    };
    const loadFacets = async () => {
      const own = fetchGzipJson<SearchFacets>(bundleUrl(FACETS_FILE));
      if (sites.length === 0) return own;
      const others = sites.map(({ site }) => fetchGzipJson<SearchFacets>(joinBase(site, `pagefind/${FACETS_FILE}`)).catch(() => undefined));
      return mergeFacets([await own, ...(await Promise.all(others)).filter((f) => f !== undefined)]);
    };
    const words = data.averageLength !== undefined && sites.length === 0 ? browserWordIndex(base, ['pagefind/', ...data.shards], data.averageLength, data.terms) : undefined;
    if (words) prefetchWholeQuery(words, data);
    return {
      pagefind: { search: async (term, options) => (await (pagefind ??= loadPagefind())).search(term, options) },
      words,
      facets: () => (facets ??= loadFacets()),
      dictionary: buildDictionary(
        [...data.names, ...sites.flatMap(({ data: siteData }) => siteData.names)],
        [...data.terms, ...sites.flatMap(({ data: siteData }) => siteData.terms)],
      ),
    };
  })();
  return engine;
}

/**
 * The commonest first search is one name or one term, which reads one word file: it is
 * fetched now, while the dictionary is built and the query planned.
 */
function prefetchWholeQuery(words: BrowserWordIndex, data: SearchData): void {
  const word = normalizeQuery(stateFromParams(new URLSearchParams(location.search)).q).replace(/ /g, '');
  if (!word) return;
  if (data.names.includes(word)) words.prefetch('name', word);
  else if (data.terms.includes(word)) words.prefetch('term', word);
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

// Made on the first query, after the word file it needs has been asked for: building
// the segmenter loads ICU's word-break data, about 20 ms in a fresh Chromium tab.
let segmenter: WordSegmenter | undefined;
const segment: WordSegmenter = (text) => (segmenter ??= intlSegmenter())(text);

async function run(state: SearchState): Promise<void> {
  const id = ++runId;
  fillForm(state);
  document.title = state.q ? `${state.q} - ${pageTitle}` : pageTitle;
  main?.removeAttribute('hidden');
  main?.setAttribute('aria-busy', 'true');
  list?.setAttribute('data-lectern-state', 'loading');
  setStatus(t('search.loading'));
  let loaded: Engine;
  try {
    loaded = await loadEngine();
  } catch (error) {
    console.error(error);
    if (id !== runId) return;
    finish(id, 'error');
    setStatus(t('search.unavailable'));
    clear();
    browse?.removeAttribute('hidden');
    return;
  }
  const stages = planQuery(state.q, loaded.dictionary, segment);
  // Relevance order without filters needs nothing but Pagefind: show it first, count after.
  const needFacets = stages.length === 0 || hasFilters(state) || state.sort === 'date';
  let facets: SearchFacets | undefined;
  try {
    facets = needFacets ? await loaded.facets() : undefined;
    const answer = await searchArchive({ pagefind: loaded.pagefind, words: loaded.words, facets, stages, state });
    if (id !== runId) return;
    clear();
    if (list) list.dataset.lecternStage = answer.stage?.level ?? '';
    renderStatus(state, answer);
    await renderMore(id, answer);
    finish(id, 'done');
    facets ??= await loaded.facets();
    if (id !== runId) return;
    renderFacets(state, facetCounts(answer.found, facets, state.filters), facets);
    facetsBox?.setAttribute('data-lectern-state', 'done');
  } catch (error) {
    console.error(error);
    if (id !== runId) return;
    finish(id, 'error');
    setStatus(t('search.unavailable'));
    browse?.removeAttribute('hidden');
  }
}

function finish(id: number, outcome: string): void {
  if (id !== runId) return;
  main?.removeAttribute('aria-busy');
  list?.setAttribute('data-lectern-state', outcome);
}

function clear(): void {
  list?.replaceChildren();
  if (list) list.dataset.lecternShown = '0';
  facetList?.replaceChildren();
  facetsBox?.setAttribute('hidden', '');
  facetsBox?.removeAttribute('data-lectern-state');
  more?.setAttribute('hidden', '');
  browse?.setAttribute('hidden', '');
}

function setStatus(text: string): void {
  if (status) status.textContent = text;
}

function renderStatus(state: SearchState, answer: SearchAnswer): void {
  const filtered = hasFilters(state);
  if (!state.q && !filtered) {
    setStatus(t('search.prompt'));
    browse?.removeAttribute('hidden');
    return;
  }
  if (answer.ids.length === 0) {
    setStatus(t(filtered ? 'search.noneFiltered' : 'search.none', { query: state.q }));
    browse?.removeAttribute('hidden');
    return;
  }
  const lines: string[] = [];
  if (answer.stage && answer.loosened) lines.push(loosenedNotice(state.q, answer.stage));
  if (!state.q) lines.push(t('search.browseCount', { count: answer.ids.length }));
  else if (filtered) lines.push(t('search.countFiltered', { count: answer.ids.length, total: answer.found.length }));
  else lines.push(t('search.count', { count: answer.ids.length }));
  setStatus(lines.join(''));
}

function loosenedNotice(query: string, stage: QueryStage): string {
  const parts = stage.parts.map((part) => t('search.loosened.part', { part: part.label })).join(t('search.loosened.separator'));
  return t(stage.level === 'parts' ? 'search.loosened.parts' : 'search.loosened.words', { query, parts });
}

/** Shows the next page of results, reading their text as needed. */
async function renderMore(id: number, answer: SearchAnswer): Promise<void> {
  if (!list) return;
  let shown = Number(list.dataset.lecternShown ?? 0);
  let added = 0;
  // A page of results can come out empty when all of it turns out not to hold the
  // phrase: then read on rather than show nothing.
  while (added === 0 && shown < answer.ids.length) {
    const next = answer.ids.slice(shown, shown + PAGE_SIZE);
    const details = await Promise.all(next.map((resultId) => answer.detail(resultId)));
    if (id !== runId) return;
    shown += next.length;
    list.dataset.lecternShown = String(shown);
    for (const detail of details) {
      // A page found by words standing side by side, whose text turns out not to hold the phrase.
      if (!detail.verified && answer.stage && answer.stage.level !== 'words') continue;
      list.append(resultItem(detail));
      added++;
    }
  }
  const remaining = answer.ids.length > shown;
  if (more) {
    more.hidden = !remaining;
    more.onclick = remaining
      ? async () => {
          more.disabled = true;
          await renderMore(id, answer);
          more.disabled = false;
        }
      : null;
  }
}

function resultItem(detail: ResultDetail): HTMLLIElement {
  const item = element('li', 'result');
  const link = element('a', 'result-title');
  link.href = detail.url;
  link.textContent = detail.title;
  item.append(link);
  const meta = element('p', 'doc-meta');
  if (detail.kind) meta.append(element('span', 'kind', t(`kind.${detail.kind}` as UiKey)));
  if (detail.course) meta.append(element('span', 'result-course', detail.course));
  if (detail.date) {
    const time = element('time', '', dateToChinese(detail.date as PartialDate));
    time.dateTime = detail.date;
    meta.append(time);
  }
  if (detail.people.length > 0) meta.append(element('span', 'result-people', detail.people.slice(0, 4).join('、')));
  item.append(meta);
  const excerpt = element('p', 'result-excerpt');
  // Built by buildExcerpt: the page's text escaped, with only <mark> added.
  excerpt.innerHTML = detail.excerpt;
  item.append(excerpt);
  return item;
}

function renderFacets(state: SearchState, counts: FacetCounts, facets: SearchFacets): void {
  if (!facetList || !facetsBox) return;
  let any = false;
  for (const key of filterKeys) {
    const selected = state.filters[key];
    const values = [...counts[key].entries()].filter(([, count]) => count > 0);
    if (selected && !counts[key].has(selected)) values.push([selected, 0]);
    if (values.length === 0) continue;
    any = true;
    const section = element('section', 'facet');
    section.append(element('h3', '', t(`search.filter.${key}` as UiKey)));
    const ul = element('ul', '');
    ul.append(facetItem(t('search.filter.all'), withFilter(state, key, undefined), !selected));
    for (const [value, count] of sortValues(key, values, facets).slice(0, 15)) {
      const label = key === 'kind' ? t(`kind.${value}` as UiKey) : facetLabel(key, value, facets);
      ul.append(facetItem(label, withFilter(state, key, value), value === selected, count));
    }
    section.append(ul);
    facetList.append(section);
  }
  if (Object.keys(state.filters).length > 0) {
    const clearAll = element('p', 'facet-clear');
    clearAll.append(stateLink(t('search.clearFilters'), { ...state, filters: {} }));
    facetList.append(clearAll);
    any = true;
  }
  facetsBox.hidden = !any;
}

function sortValues(key: FilterKey, values: [string, number][], facets: SearchFacets): [string, number][] {
  const kinds = ['speech', 'lecture', 'writeup'];
  return [...values].sort(([a, ca], [b, cb]) => {
    if (key === 'kind') return kinds.indexOf(a) - kinds.indexOf(b);
    if (key === 'year') return b.localeCompare(a);
    return cb - ca || facetLabel(key, a, facets).localeCompare(facetLabel(key, b, facets), 'zh-CN');
  });
}

function facetItem(label: string, state: SearchState, current: boolean, count?: number): HTMLLIElement {
  const item = element('li', '');
  const link = stateLink(label, state);
  if (current) link.setAttribute('aria-current', 'true');
  if (count !== undefined) link.append(element('span', 'count', t('search.filter.count', { count })));
  item.append(link);
  return item;
}

function stateLink(label: string, state: SearchState): HTMLAnchorElement {
  const link = element('a', '', label);
  link.href = `${location.pathname}${stateToSearch(state)}`;
  link.dataset.lecternState = '';
  return link;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The form shows the state being searched (after back/forward too). */
function fillForm(state: SearchState): void {
  if (input && input.value.trim() !== state.q) input.value = state.q;
  if (sortSelect) sortSelect.value = state.sort;
}

function currentState(): SearchState {
  return stateFromParams(new URLSearchParams(location.search));
}

function navigate(state: SearchState): void {
  const url = `${location.pathname}${stateToSearch(state)}`;
  if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  void run(state);
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const state = currentState();
  navigate({ ...state, q: (input?.value ?? '').trim(), sort: sortSelect?.value === 'date' ? 'date' : 'relevance' });
});

sortSelect?.addEventListener('change', () => {
  navigate({ ...currentState(), sort: sortSelect.value === 'date' ? 'date' : 'relevance' });
});

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a[data-lectern-state]');
  if (!(link instanceof HTMLAnchorElement) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(stateFromParams(new URL(link.href).searchParams));
});

window.addEventListener('popstate', () => void run(currentState()));

void run(currentState());

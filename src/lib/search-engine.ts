/**
 * Runs a planned query against Pagefind and ranks what it finds. Pagefind is
 * passed in (the browser hands over its `pagefind.js` module; tests hand over a
 * fake), so this module has no browser or Astro dependency.
 *
 * For each stage of the plan (search-query.ts), strictest first, and each part
 * of the stage, Pagefind is asked for the part's words; a page counts only where
 * those words stand next to each other (and, for a name, not as the start of a
 * longer name). A page must have every part. The first stage that finds a page
 * is the answer — followed by the next stage's pages when the reader separated
 * the parts. Pages are ranked by Pagefind's score (BM25 with title, heading and
 * people weights) raised by how often the phrase occurs; the first results are
 * then read and re-ranked against their text: a page whose title holds the whole
 * phrase, or whose people include the name searched for, moves up, and a page
 * where the phrase is not actually found (its words only happen to stand side by
 * side) is dropped.
 */
import { buildExcerpt, countOccurrences, matchKey, type MatchKey } from './search-excerpt.ts';
import { filterPages, sortByDate, type SearchFacets } from './search-facets.ts';
import { wordResults, type WordIndex } from './search-names.ts';
import { countRuns, type QueryPart, type QueryStage } from './search-query.ts';
import { BODY_START, readableIndexedText } from './search-text.ts';
import { hasFilters, type SearchState } from './search-state.ts';

/** The part of a Pagefind fragment Lectern reads (`await result.data()`). */
export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

/** The part of a Pagefind search result Lectern reads. */
export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words in the page. */
  words: number[];
  data(): Promise<PagefindFragment>;
  /** The result as shown, worked out at build time for the query it was found by (search-names.ts). */
  ready?(): Promise<ReadyDetail>;
}

/** A result as shown, without its id: what a word index keeps for a word's first pages. */
export type ReadyDetail = Omit<ResultDetail, 'id'>;

export interface PagefindSearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** What Lectern uses of `pagefind.js`. */
export interface PagefindApi {
  search(term: string | null, options?: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null>;
}

/** A page found by a stage. */
export interface Hit {
  id: string;
  /** Coarse score: Pagefind's score of each part, raised by the number of phrase occurrences. */
  score: number;
  /** The stage that found the page: its parts are what the page is checked and marked for. */
  stage: QueryStage;
  result: PagefindResult;
}

export interface StageOutcome {
  /** The first stage that found pages, or undefined when none did. */
  stage: QueryStage | undefined;
  /** By stage, then by coarse score. */
  hits: Hit[];
}

/**
 * Runs the stages in order until one finds a page (and the inclusive stage after
 * it, if any); returns the hits, each stage's after the one before.
 */
export async function findHits(pagefind: PagefindApi, stages: readonly QueryStage[]): Promise<StageOutcome> {
  const cache = new Map<string, Promise<PagefindResult[]>>();
  const lookup = (tokens: readonly string[]) => {
    const term = tokens.join(' ');
    let found = cache.get(term);
    if (!found) {
      found = pagefind.search(term).then((search) => search?.results ?? []);
      cache.set(term, found);
    }
    return found;
  };
  const hits: Hit[] = [];
  const seen = new Set<string>();
  let first: QueryStage | undefined;
  for (const stage of stages) {
    if (first && !stage.inclusive) break;
    const found = await stageHits(stage, lookup);
    const fresh = found.filter((hit) => !seen.has(hit.id));
    for (const hit of fresh) seen.add(hit.id);
    hits.push(...fresh);
    if (!first && found.length > 0) first = stage;
  }
  return { stage: first, hits };
}

/**
 * The hits of a query that is one known name or term, from the name or term
 * index: the pages where it stands, as the phrase stage would find them.
 * Undefined for any other query.
 */
async function wordHits(words: WordIndex, stages: readonly QueryStage[]): Promise<StageOutcome | undefined> {
  const [first] = stages;
  if (first?.level !== 'phrase' || first.parts.length !== 1) return undefined;
  const [part] = first.parts;
  const kind = part.name ? 'name' : words.terms.has(part.key) ? 'term' : undefined;
  if (!kind) return undefined;
  const results = await wordResults(words, kind, part.key);
  const hits = results
    .map((result): Hit => ({ id: result.id, score: result.score, stage: first, result }))
    .sort(byScore);
  return { stage: hits.length > 0 ? first : undefined, hits };
}

/** Hits best first, ties by page id so that the order is stable: the order results are read in (and made ready in, search-ready-results.ts). */
export function byScore(a: { id: string; score: number }, b: { id: string; score: number }): number {
  return b.score - a.score || a.id.localeCompare(b.id);
}

/** The pages that have every part of a stage, by coarse score. */
async function stageHits(stage: QueryStage, lookup: (tokens: readonly string[]) => Promise<PagefindResult[]>): Promise<Hit[]> {
  let hits: Map<string, Hit> | undefined;
  for (const part of stage.parts) {
    const [results, ...longer] = await Promise.all([lookup(part.tokens), ...part.longer.map((name) => lookup(name.tokens))]);
    // Each occurrence of a longer name (吴文毅) holds one occurrence of this one (吴文) that does not count.
    const inLonger = new Map<string, number>();
    longer.forEach((list, i) => {
      for (const result of list) {
        inLonger.set(result.id, (inLonger.get(result.id) ?? 0) + countRuns(result.words, part.longer[i].tokens.length));
      }
    });
    const next = new Map<string, Hit>();
    for (const result of results) {
      const runs = countRuns(result.words, part.tokens.length) - (inLonger.get(result.id) ?? 0);
      if (runs <= 0) continue;
      const previous = hits?.get(result.id);
      if (hits && !previous) continue;
      next.set(result.id, {
        id: result.id,
        score: (previous?.score ?? 0) + result.score * (1 + Math.log1p(runs)),
        stage,
        result: previous?.result ?? result,
      });
    }
    hits = next;
  }
  return [...(hits?.values() ?? [])].sort(byScore);
}

/** A result ready to show. */
export interface ResultDetail {
  id: string;
  url: string;
  title: string;
  /** HTML: the excerpt, escaped, with each occurrence of a query part in <mark>. */
  excerpt: string;
  /** speech, lecture or writeup (SearchMeta.astro). */
  kind: string;
  /** Partial date: 2024, 2024-04 or 2024-04-01. */
  date: string;
  course: string;
  people: string[];
  /** Every part was found in the page's text, title or people. */
  verified: boolean;
  /** Found by a looser stage, the page still holds the whole query as one phrase (with punctuation inside). */
  whole: boolean;
  /** Multiplier from the page's own text: whole phrase in the title, searched name among its people. */
  boost: number;
}

/** Lectern's word spaces and marks, kept out of what readers see. */
export function cleanMeta(value: string | undefined): string {
  return readableIndexedText(value ?? '').trim();
}

/**
 * Pagefind ends a block that ends in a letter with ". " (讲稿. 发展…); after a
 * Chinese character that reads as a full stop.
 */
function readableContent(content: string): string {
  return readableIndexedText(content.replace(/(\p{Script=Han})[ \u200A]*\.(?=[ \u200A])/gu, '$1。')).replace(/([：。；，、])\s+/g, '$1');
}

/** A page's text and meta, cleaned and keyed for matching: read once, checked against any query. */
export interface PageText {
  url: string;
  meta: Record<string, string | undefined>;
  content: string;
  contentKey: MatchKey;
  titleKey: MatchKey;
  people: string[];
  /** Where the body starts in `content`, after the kind, the title and the byline. */
  bodyStart: number;
}

/** Cleans a page's Pagefind fragment for matching and excerpts. */
export function pageText(fragment: PagefindFragment): PageText {
  const meta = fragment.meta;
  // The byline marker (search-text.ts BODY_START), found before the text is cleaned.
  const bylineEnd = fragment.content.indexOf(BODY_START);
  const content = readableContent(fragment.content);
  // The text opens with the kind, the title and the byline; the result shows the
  // title above the excerpt, so the excerpt prefers what follows.
  const title = cleanMeta(meta.title);
  const titleAt = title ? content.indexOf(title) : -1;
  const bodyStart =
    bylineEnd >= 0 ? readableContent(fragment.content.slice(0, bylineEnd)).length : titleAt >= 0 && titleAt < 40 ? titleAt + title.length : 0;
  return {
    url: fragment.url,
    meta,
    content,
    contentKey: matchKey(content),
    titleKey: matchKey(title),
    people: cleanMeta(meta.people).split('、').filter(Boolean),
    bodyStart,
  };
}

/**
 * Reads a page and checks and weighs the query's parts against its text. `phrase`
 * is the whole query as one phrase: a page found by a looser stage may still hold
 * it with punctuation inside (“三单”对应 for 三单对应), which the word positions
 * cannot show; it is then marked whole and ranked as a phrase match. A result
 * worked out at build time (a word index's first pages) is taken as it is.
 */
export async function loadDetail(id: string, result: PagefindResult, parts: readonly QueryPart[], phrase?: QueryPart): Promise<ResultDetail> {
  if (result.ready) return { id, ...(await result.ready()) };
  return pageDetail(id, pageText(await result.data()), parts, phrase);
}

/** What a result shows of a page for a query, and how its text weighs it (see loadDetail). */
export function pageDetail(id: string, page: PageText, parts: readonly QueryPart[], phrase?: QueryPart): ResultDetail {
  const { meta, contentKey, titleKey, people } = page;
  const has = (key: MatchKey, part: QueryPart) => countOccurrences(key, part.key, part.longer.map((l) => l.key)) > 0;
  let inTitle = 0;
  let nameInPeople = false;
  let verified = true;
  for (const part of parts) {
    const titled = has(titleKey, part);
    const person = people.some((name) => matchKey(name).key === part.key);
    if (titled) inTitle++;
    if (part.name && person) nameInPeople = true;
    if (!titled && !person && !has(contentKey, part)) verified = false;
  }
  const titleBoost = parts.length === 0 ? 1 : inTitle === parts.length ? 3 : 1 + inTitle / parts.length;
  const looser = phrase !== undefined && !(parts.length === 1 && parts[0].key === phrase.key);
  const whole = looser && (has(contentKey, phrase) || has(titleKey, phrase));
  const needles = whole ? [phrase] : parts;
  return {
    id,
    url: page.url,
    title: cleanMeta(meta.display_title) || cleanMeta(meta.title),
    excerpt: buildExcerpt(
      page.content,
      needles.map((p) => ({ key: p.key, exclude: p.longer.map((l) => l.key) })),
      { bodyStart: page.bodyStart },
    ),
    kind: cleanMeta(meta.kind),
    date: cleanMeta(meta.date),
    course: cleanMeta(meta.course),
    people,
    verified,
    whole,
    boost: titleBoost * (nameInPeople ? 3 : 1) * (whole ? 3 : 1),
  };
}

/** Everything the page shows for a search. */
export interface SearchAnswer {
  /** The first stage that found pages (undefined for a search without words). */
  stage: QueryStage | undefined;
  /** Result ids in the order shown, filters applied. */
  ids: string[];
  /** Every page found, before filters: what filter counts are counted over. */
  found: string[];
  /**
   * The results are a looser match than the reader asked for: the stage that found
   * them is not the phrase (nor parts the reader separated), and none of the first
   * results turned out to hold the phrase after all.
   */
  loosened: boolean;
  /** The details of a result (read once, then remembered). */
  detail(id: string): Promise<ResultDetail>;
}

/**
 * How many windows of results a search reads at most while looking for a window of
 * pages that hold the phrase: past that, what is left is listed unread.
 */
const MAX_WINDOWS_READ = 10;

export interface SearchRequest {
  pagefind: PagefindApi;
  stages: readonly QueryStage[];
  state: SearchState;
  /** Needed to filter, to sort by date and to browse without words; relevance without filters does without. */
  facets?: SearchFacets;
  /** How many of the first results are read and re-ranked against their text. */
  window?: number;
  /**
   * The name and term indexes (search-names.ts): a query that is one known name
   * or term is answered from them, without asking Pagefind.
   */
  words?: WordIndex;
}

/**
 * The results for a state: the stages' hits, filtered by the state's filters,
 * ordered by relevance (the first `window` read and re-ranked) or by date.
 * Without words, the pages the filters select, newest first.
 */
export async function searchArchive(request: SearchRequest): Promise<SearchAnswer> {
  const { pagefind, facets, stages, state } = request;
  const window = request.window ?? 20;
  if (stages.length === 0) return browseArchive(pagefind, facets, state);

  const { stage, hits } = (request.words && (await wordHits(request.words, stages))) || (await findHits(pagefind, stages));
  const byId = new Map(hits.map((hit) => [hit.id, hit]));
  const phrase = stages.find((s) => s.level === 'phrase')?.parts[0];
  const detail = remember((id: string) => loadDetail(id, byId.get(id)!.result, byId.get(id)!.stage.parts, phrase));
  let found = hits.map((hit) => hit.id);
  let ids = facets && hasFilters(state) ? filterPages(found, facets, state.filters) : found;
  if (facets && state.sort === 'date') ids = sortByDate(ids, facets);

  // Read the first results; drop those that turn out not to hold the phrase and,
  // for relevance, re-rank them within their stage by what their text says. When
  // many are dropped, read on, so that the first page of results is not empty
  // while later ones would have stood (a name that is often the start of others).
  const read: ResultDetail[] = [];
  const dropped = new Set<string>();
  const limit = Math.min(ids.length, window * MAX_WINDOWS_READ);
  while (read.length < limit && read.length - dropped.size < window) {
    const next = await Promise.all(ids.slice(read.length, Math.min(limit, read.length + window)).map(detail));
    for (const d of next) if (!d.verified && byId.get(d.id)!.stage.level !== 'words') dropped.add(d.id);
    read.push(...next);
  }
  if (state.sort === 'relevance') {
    const stageOrder = new Map(stages.map((s, i) => [s, i]));
    const reranked = read
      .filter((d) => !dropped.has(d.id))
      .map((d) => ({ id: d.id, stage: stageOrder.get(byId.get(d.id)!.stage) ?? 0, score: byId.get(d.id)!.score * d.boost }))
      .sort((a, b) => a.stage - b.stage || b.score - a.score)
      .map((d) => d.id);
    ids = [...reranked, ...ids.slice(read.length)];
  } else {
    ids = ids.filter((id) => !dropped.has(id));
  }
  found = found.filter((id) => !dropped.has(id));
  const loosened = stage !== undefined && stage.level !== 'phrase' && !stage.inclusive && !read.some((d) => d.whole);
  return { stage, ids, found, loosened, detail };
}

/** A search without words: the pages the filters select (none without filters), newest first. */
async function browseArchive(pagefind: PagefindApi, facets: SearchFacets | undefined, state: SearchState): Promise<SearchAnswer> {
  const all = facets ? Object.keys(facets.pages) : [];
  const selected = facets && hasFilters(state) ? sortByDate(filterPages(all, facets, state.filters), facets) : [];
  const results = new Map<string, PagefindResult>();
  if (selected.length > 0) {
    // Pagefind hands out a page's text only through a result, so ask it for the same pages.
    const search = await pagefind.search(null, { filters: { ...state.filters } });
    for (const result of search?.results ?? []) results.set(result.id, result);
  }
  const detail = remember((id: string) => loadDetail(id, results.get(id)!, []));
  return { stage: undefined, ids: selected.filter((id) => results.has(id)), found: all, loosened: false, detail };
}

function remember<T>(load: (id: string) => Promise<T>): (id: string) => Promise<T> {
  const known = new Map<string, Promise<T>>();
  return (id) => {
    let found = known.get(id);
    if (!found) {
      found = load(id);
      known.set(id, found);
    }
    return found;
  };
}

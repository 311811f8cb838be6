import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dictionaryKey as keyOf, indexDictionary } from './search-dictionary.ts';
import { fnv1a, WORD_FOLDERS, wordFilePath, type WordFile, type WordKind } from '../lib/search-names.ts';
import { linkTree } from './link-tree.ts';
import { WORD_CACHE_ENTRIES, WordFileCache } from './word-file-cache.ts';
import { FileMemo } from './file-memo.ts';
import { scratchFolder } from './scratch-dir.ts';
import { packageVersion } from './package-version.ts';
import { addSearchCode, pagefindVersion as installedPagefind, runPagefind, SEARCH_CODE_FOLDER } from './pagefind-cli.ts';
import { writeBundle } from './pagefind-writer/write-bundle.ts';
import type { PageRecord } from './pagefind-writer/page-record.ts';
import { PreparePool, type PreparedPage } from './search-prepare-pool.ts';
import { PAGE_HASHES_FILE } from './search-early.ts';
import { FACETS_FILE, placeIn, type FacetRow, type SearchFacets } from '../lib/search-facets.ts';
import { SEARCH_DATA_FILE, type SearchData } from '../lib/search-data.ts';
import type { PagefindFragment, ReadyDetail } from '../lib/search-engine.ts';
import { readyResults, type IndexedPage, type ReadyCache, type ReadyWork } from './search-ready-results.ts';
import { readFragment } from './pagefind-writer/fragment-file.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

/** Where a page's fragment is (bundle index, Pagefind page id, file), and how to read what it holds. */
interface PageFragment {
  bundle: number;
  id: string;
  file: string;
  read: () => PagefindFragment;
}

/** A shard's fragments: [Pagefind page id, page URL], kept with the shard in the cache so that they are read only when indexed. */
type ShardFragments = [id: string, url: string][];

/** A page's known names with their counts, its characters of indexed text, its known terms with their counts. */
type PageCounts = [names: [string, number][], length: number, terms: [string, number][]];

export interface SearchIndexOptions {
  /** The folder the Astro build wrote (a staging folder under `lectern build`). */
  outDir: string;
  /** The content folder, for `people.yaml`. */
  content: string;
  /**
   * Pages per Pagefind index: Pagefind needs about 1 MB of memory per Chinese
   * page while it writes an index, so large archives are indexed in shards that
   * the search page merges (`mergeIndex`). Default 1,000.
   */
  shardSize?: number;
  /** Leave the pages as they are: no word breaks, no Traditional-to-Simplified conversion (for comparisons). */
  stock?: boolean;
  /** Bundle folder name under `outDir`. Default `pagefind`. */
  bundle?: string;
  /**
   * Where built shards are kept between builds (see shard caching below); none: every
   * shard is built every time.
   */
  cacheDir?: string;
  /** Pages prepared while Astro rendered (search-early.ts), taken when they are still the same. */
  early?: EarlyPages;
  /** The site's HTML files, when the caller has listed them (finish-site.ts); else the site is walked. */
  htmlFiles?: readonly string[];
  /** People.yaml's names as `lectern check` read them, when the caller has them; else the file is read. */
  peopleNames?: readonly string[];
}

/** What the index build asks of the pages prepared early. */
export interface EarlyPages {
  /** The page prepared early, if it was made from the page with `hash` with the dictionary of `dictionaryKey`. */
  take(url: string, hash: string, dictionaryKey: string): PreparedPage | undefined;
}

export interface SearchIndexReport {
  pages: number;
  shards: number;
  /** Pages found to be in Traditional characters and indexed in Simplified. */
  traditional: number;
  names: number;
  terms: number;
  /** Milliseconds: reading and preparing pages (Lectern), indexing (Pagefind), writing files, in all. */
  prepareMs: number;
  indexMs: number;
  writeMs: number;
  totalMs: number;
  /** Shards taken from the cache because none of their pages changed. */
  reused: number;
  /** Pages prepared while Astro rendered, taken as they were. */
  early: number;
  /** Pages of shards indexed again that had not changed, taken as the last build read them. */
  kept: number;
  /** Results the word files carry ready to show, and how many of them came from the last build. */
  ready: number;
  readyReused: number;
  /** Name and term files written, and those unchanged since the last build, linked from the cache. */
  wordFiles: { written: number; linked: number };
  /** Built pages (of any kind) not read, being the files the last build read (file-memo.ts). */
  unread: number;
}

/** What a document page says about itself for search (SearchMeta.astro). */
interface PageInfo {
  file: string;
  url: string;
  /** Hash of the built page, which (with the dictionary and the code) decides its shard's cache key. */
  hash: string;
  course: { id: string; label: string };
  kind: string;
  date: string;
  people: { id: string; label: string }[];
  tags: string[];
}

/**
 * Builds the Pagefind index of the document pages in `outDir` (those marked
 * `data-pagefind-body`), with Lectern's preparation of their text, and writes
 * the search page's dictionary and facets next to it.
 */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexReport> {
  const started = performance.now();
  const bundle = options.bundle ?? 'pagefind';
  const shardSize = Math.max(1, options.shardSize ?? 1000);
  const { pages, unread } = findDocumentPages(options.outDir, bundle, options.cacheDir, options.htmlFiles);
  const dictionary = indexDictionary(
    options.content,
    pages.flatMap((p) => p.people.map((person) => person.label)),
    pages.flatMap((p) => p.tags),
    options.peopleNames,
  );

  let prepareMs = 0;
  let indexMs = 0;
  let writeMs = 0;
  let traditional = 0;
  let early = 0;
  let kept = 0;
  const plan = planShards(pages, shardSize);
  const shards = plan.map(({ shard }, i) => (i === 0 ? bundle : `${bundle}-${shard}`));
  const cache = options.cacheDir ? path.join(options.cacheDir, 'lectern-search') : undefined;
  const dictionaryKey = keyOf(dictionary, options.stock ?? false);
  const keys = plan.map(({ pages: shardPages }) => shardKey(dictionaryKey, shardPages));
  const cachedDir = (i: number) => (cache ? path.join(cache, `shard-${plan[i].shard}`) : undefined);
  const isCached = (i: number) => {
    const cached = cachedDir(i);
    return cached !== undefined && readKey(cached) === keys[i] && existsSync(path.join(cached, 'counts.json')) && existsSync(path.join(cached, FRAGMENTS_FILE));
  };
  const todo = plan.map((_, i) => i).filter((i) => !isCached(i));
  const reused = plan.length - todo.length;
  /** Page URL → its known names and terms with their counts and its length, for the word indexes. */
  const counted = new Map<string, PageCounts>();
  const shardFragments: ShardFragments[] = [];
  for (let i = 0; i < plan.length; i++) {
    if (todo.includes(i)) continue;
    linkTree(path.join(cachedDir(i)!, 'files'), path.join(options.outDir, shards[i]));
    pruneBundle(path.join(options.outDir, shards[i]), i === 0);
    for (const [url, counts] of Object.entries(readJson<Record<string, PageCounts>>(path.join(cachedDir(i)!, 'counts.json')))) counted.set(url, counts);
    shardFragments[i] = readJson<ShardFragments>(path.join(cachedDir(i)!, FRAGMENTS_FILE));
  }

  // Worker threads prepare each shard's pages and read them as Pagefind would; the main
  // thread writes the shard's bundle (pagefind-writer/) while they prepare the next.
  // Stock pages are Chinese for Pagefind to cut itself, which only its binary does: they
  // are staged in a folder for it instead.
  const stock = options.stock ?? false;
  const staging = stock ? scratchFolder(options.cacheDir ?? path.dirname(options.outDir), 'lectern-index-staging') : undefined;
  const pool = todo.length > 0 ? new PreparePool({ names: [...dictionary.names], terms: [...dictionary.terms], stock }) : undefined;
  // What pages read for the index, and the results worked out from them, depend on: the code and the dictionary.
  const pagesKey = createHash('sha256').update(SEARCH_CODE_VERSION).update(dictionaryKey).digest('hex');
  const prepare = async (i: number): Promise<{ site?: string; records: PageRecord[]; done: PreparedPage[] }> => {
    const site = staging && path.join(staging, `shard-${plan[i].shard}`);
    if (site) rmSync(site, { recursive: true, force: true });
    // A shard indexed again because some of its pages changed keeps what it read of the others.
    const before = site ? undefined : keptPages(cachedDir(i), pagesKey);
    const done = await Promise.all(
      plan[i].pages.map((page) => {
        const ready = site ? undefined : options.early?.take(page.url, page.hash, dictionaryKey);
        if (ready) early++;
        const same = before?.get(page.url);
        if (!ready && same?.hash === page.hash) {
          kept++;
          return { ...same.prepared, ms: 0 };
        }
        return ready ?? pool!.prepare(page.file, site ? { target: path.join(site, path.relative(options.outDir, page.file)) } : { url: page.url });
      }),
    );
    done.forEach((page, n) => {
      if (page.traditional) traditional++;
      prepareMs += page.ms;
      counted.set(plan[i].pages[n].url, [page.names, page.length, page.terms]);
    });
    return { site, records: done.flatMap((page) => (page.record ? [page.record] : [])), done };
  };
  // The workers stay for the ready results of the word indexes.
  try {
    try {
      let next = todo.length > 0 ? prepare(todo[0]) : undefined;
      for (let t = 0; t < todo.length; t++) {
        const i = todo[t];
        const { site, records, done } = await next!;
        next = t + 1 < todo.length ? prepare(todo[t + 1]) : undefined;
        // A failure there surfaces when it is awaited, after this shard.
        next?.catch(() => undefined);
        const target = path.join(options.outDir, shards[i]);
        const cached = cachedDir(i);
        // Written whole into the cache when there is one, then linked into the site and pruned.
        const written = cached ? `${cached}.new-${process.pid}` : target;
        const files = cached ? path.join(written, 'files') : written;
        rmSync(written, { recursive: true, force: true });
        const indexStart = performance.now();
        if (site) {
          await runPagefind(site, files);
          rmSync(site, { recursive: true, force: true });
          shardFragments[i] = fragmentsOf(path.join(files, 'fragment'));
        } else {
          shardFragments[i] = writeBundle(files, records, installedPagefind()).fragments;
        }
        indexMs += performance.now() - indexStart;
        const writeStart = performance.now();
        if (cached) {
          writeFileSync(path.join(written, 'counts.json'), JSON.stringify(Object.fromEntries(plan[i].pages.map((page) => [page.url, counted.get(page.url)]))));
          writeFileSync(path.join(written, FRAGMENTS_FILE), JSON.stringify(shardFragments[i]));
          writeFileSync(path.join(written, PAGE_HASHES_FILE), JSON.stringify(Object.fromEntries(plan[i].pages.map((page) => [page.url, page.hash]))));
          writeFileSync(path.join(written, 'key'), keys[i]);
          if (!site) writeKeptPages(written, pagesKey, plan[i].pages, done);
          rmSync(cached, { recursive: true, force: true });
          renameSync(written, cached);
          linkTree(path.join(cached, 'files'), target);
        }
        pruneBundle(target, i === 0);
        writeMs += performance.now() - writeStart;
      }
    } finally {
      if (staging) rmSync(staging, { recursive: true, force: true });
    }
    // The search code (pagefind.js, its worker and WebAssembly) goes with the first bundle only.
    if (!stock && shards.length > 0) await addSearchCode(path.join(options.outDir, shards[0]), cache);
    if (cache) pruneShardCache(cache, new Set(plan.map((p) => p.shard)));
    if (shards.length === 0) {
      return { pages: 0, shards: 0, traditional: 0, names: 0, terms: 0, prepareMs, indexMs, writeMs, totalMs: performance.now() - started, reused, early, kept, ready: 0, readyReused: 0, wordFiles: { written: 0, linked: 0 }, unread };
    }

    const { facets, fragments } = facetsAndFragments(pages, shardFragments, shards.map((folder) => path.join(options.outDir, folder)));
    const bundleDir = path.join(options.outDir, bundle);
    const lengths = [...counted.values()].map(([, length]) => length);
    const data: SearchData = {
      version: 1,
      names: [...dictionary.names].sort(),
      terms: [...dictionary.terms].sort(),
      shards: shards.slice(1).map((folder) => `${folder}/`),
      sites: searchSites(),
      averageLength: options.stock || lengths.length === 0 ? undefined : Math.round(lengths.reduce((a, b) => a + b, 0) / lengths.length),
    };
    const ready =
      data.averageLength === undefined
        ? { count: 0, reused: 0, wordFiles: { written: 0, linked: 0 } }
        : await writeWordIndexes(bundleDir, { pages, counted, fragments, dictionary: data, averageLength: data.averageLength, cache, readyKey: pagesKey, pool });
    writeFileSync(path.join(bundleDir, SEARCH_DATA_FILE), JSON.stringify(data));
    writeFileSync(path.join(bundleDir, FACETS_FILE), gzipSync(JSON.stringify(facets), { level: 9 }));
    return {
      pages: pages.length,
      shards: shards.length,
      traditional,
      names: data.names.length,
      terms: data.terms.length,
      prepareMs,
      indexMs,
      writeMs,
      totalMs: performance.now() - started,
      reused,
      early,
      kept,
      ready: ready.count,
      readyReused: ready.reused,
      wordFiles: ready.wordFiles,
      unread,
    };
  } finally {
    await pool?.close();
  }
}

/** `LECTERN_SEARCH_SITES=/peixun/2019/,/peixun/2020/`: other sites' base paths, each with a slash at both ends. */
export function searchSites(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.LECTERN_SEARCH_SITES ?? '')
    .split(',')
    .map((site) => site.trim().replace(/^\/*/, '/').replace(/\/*$/, '/'))
    .filter((site) => site !== '/');
}

/**
 * Which pages go into which index. Pages of one course always share a shard, chosen by a
 * hash of the course id among a power of two of shards (`shardSize` pages each on
 * average), so a shard keeps its pages while the archive grows — until it doubles — and a
 * rebuild after a change re-indexes only the shards whose pages changed. One shard, in
 * URL order, when the archive fits in one.
 */
export function planShards<P extends { url: string; course: { id: string } }>(pages: readonly P[], shardSize: number): { shard: number; pages: P[] }[] {
  const count = pages.length <= shardSize ? 1 : 2 ** Math.ceil(Math.log2(Math.ceil(pages.length / shardSize)));
  const shards = new Map<number, P[]>();
  for (const page of pages) {
    const shard = count === 1 ? 0 : fnv1a(page.course.id || page.url) % count;
    const list = shards.get(shard);
    if (list) list.push(page);
    else shards.set(shard, [page]);
  }
  return [...shards.entries()].sort((a, b) => a[0] - b[0]).map(([shard, list]) => ({ shard, pages: list }));
}

/** Everything a shard's index is made from: the code, Pagefind, the dictionary and options, and each page. */
function shardKey(dictionaryKey: string, pages: readonly PageInfo[]): string {
  const hash = createHash('sha256').update(SEARCH_CODE_VERSION).update(dictionaryKey);
  for (const page of pages) hash.update(`\0${page.url}\0${page.hash}`);
  return hash.digest('hex');
}

/** In a cached shard's folder: its fragments' page ids and URLs (ShardFragments). */
const FRAGMENTS_FILE = 'fragments.json';

/** Ready results of earlier builds (search-ready-results.ts), when made by this code with this dictionary. */
const READY_CACHE_FILE = 'ready-results.json';

function readReadyCache(file: string, key: string): ReadyCache | undefined {
  try {
    const cached = readJson<{ key: string; entries: ReadyCache }>(file);
    return cached.key === key ? cached.entries : undefined;
  } catch {
    return undefined;
  }
}

function readKey(dir: string): string | undefined {
  try {
    return readUtf8(path.join(dir, 'key'));
  } catch {
    return undefined;
  }
}

/** Drops cached shards the archive no longer has (it shrank, or the shard count changed). */
function pruneShardCache(cache: string, keep: ReadonlySet<number>): void {
  if (!existsSync(cache)) return;
  for (const name of readdirSync(cache)) {
    const shard = /^shard-(\d+)$/.exec(name);
    const kept = name === READY_CACHE_FILE || WORD_CACHE_ENTRIES.includes(name) || name === `${SEARCH_CODE_FOLDER}${installedPagefind()}` || (shard && keep.has(Number(shard[1])));
    if (!kept) rmSync(path.join(cache, name), { recursive: true, force: true });
  }
}

/** Changes with the source of the code that prepares pages and works out ready results, and the versions of Pagefind and OpenCC. */
const SEARCH_CODE_VERSION = (() => {
  const hash = createHash('sha256');
  for (const file of [
    './search-index-build.ts',
    './search-prepare.ts',
    './search-dictionary.ts',
    './search-ready-results.ts',
    './word-file-cache.ts',
    '../lib/search-text.ts',
    '../lib/search-query.ts',
    '../lib/search-glossary.ts',
    '../lib/search-engine.ts',
    '../lib/search-excerpt.ts',
    '../lib/search-names.ts',
    './pagefind-writer/cbor.ts',
    './pagefind-writer/fossick.ts',
    './pagefind-writer/html-tokens.ts',
    './pagefind-writer/indexable-words.ts',
    './pagefind-writer/page-record.ts',
    './pagefind-writer/write-bundle.ts',
  ]) {
    hash.update(readFileSync(new URL(file, import.meta.url)));
  }
  for (const pkg of ['pagefind', 'opencc-js']) hash.update(`${pkg}@${packageVersion(pkg)}`);
  return hash.digest('hex');
})();

/**
 * Pagefind writes its ready-made search interfaces into every bundle; Lectern's
 * search page uses only the search API (`pagefind.js`), so they go (430 kB a
 * bundle). A merged shard needs only its index: the primary bundle's code and
 * WebAssembly search it.
 */
function pruneBundle(dir: string, primary: boolean): void {
  const unused = [
    'pagefind-ui.js',
    'pagefind-ui.css',
    'pagefind-modular-ui.js',
    'pagefind-modular-ui.css',
    'pagefind-component-ui.js',
    'pagefind-component-ui.css',
    'pagefind-highlight.js',
  ];
  for (const name of readdirSync(dir)) {
    const code = name === 'pagefind.js' || name === 'pagefind-worker.js' || /^wasm\..*\.pagefind$/.test(name);
    if (unused.includes(name) || (!primary && code)) rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Every built page marked for indexing, with what SearchMeta.astro says about it, in URL
 * order. A rebuild reads only the pages that are new files: what the others hold comes
 * from the last build (file-memo.ts), since a rebuild's unchanged pages are the
 * published site's files linked in (published-pages.ts).
 */
function findDocumentPages(outDir: string, bundle: string, cacheDir: string | undefined, listed: readonly string[] | undefined): { pages: PageInfo[]; unread: number } {
  const memo = new FileMemo<Omit<PageInfo, 'file'> | null>(cacheDir && path.join(cacheDir, PAGES_MEMO_FILE), `${SEARCH_CODE_VERSION}:${bundle}`, outDir);
  const pages: PageInfo[] = [];
  const skipped = (top: string) => top === bundle || top.startsWith(`${bundle}-`) || top === '_astro';
  const look = (file: string) => {
    const known = memo.get(file);
    if (known === undefined) {
      const page = readDocumentPage(file, outDir);
      memo.set(file, page && withoutFile(page));
      if (page) pages.push(page);
    } else if (known) {
      pages.push({ ...known, file });
    }
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir !== outDir || !skipped(entry.name)) walk(full);
      } else if (entry.name.endsWith('.html')) {
        look(full);
      }
    }
  };
  if (listed) {
    for (const file of listed) if (!skipped(path.relative(outDir, file).split(path.sep)[0])) look(file);
  } else {
    walk(outDir);
  }
  memo.save();
  return { pages: pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)), unread: memo.hits };
}

function withoutFile({ file: _, ...page }: PageInfo): Omit<PageInfo, 'file'> {
  return page;
}

/** The page at `file` if it is marked for indexing, else null. */
function readDocumentPage(file: string, outDir: string): PageInfo | null {
  // Bytes, not text: of a 14,000-page site only the part holding the filters is decoded.
  const bytes = readFileSync(file);
  const body = bytes.indexOf('data-pagefind-body');
  if (body < 0) return null;
  // Pagefind reads filters inside the body only; SearchMeta.astro puts them at its start.
  const last = Math.max(bytes.lastIndexOf('data-pagefind-filter'), bytes.lastIndexOf('data-pagefind-sort'));
  const end = last < body ? body : bytes.indexOf('>', last);
  const meta = bytes.toString('utf8', body, end < 0 ? bytes.length : end + 1);
  return { ...pageInfo(file, outDir, meta), hash: createHash('sha1').update(bytes).digest('base64') };
}

/** In each cached shard's folder: what was read of each of its pages (`PreparedPage`), for when the shard is indexed again. */
const KEPT_PAGES_FILE = 'pages.v8';

interface KeptPages {
  /** The search code and dictionary the pages were read with. */
  key: string;
  pages: { url: string; hash: string; prepared: PreparedPage }[];
}

function writeKeptPages(folder: string, key: string, pages: readonly PageInfo[], prepared: readonly PreparedPage[]): void {
  const kept: KeptPages = { key, pages: pages.map((page, n) => ({ url: page.url, hash: page.hash, prepared: prepared[n] })) };
  writeFileSync(path.join(folder, KEPT_PAGES_FILE), serialize(kept));
}

/** URL → the page as the last build read it, if the shard's cache has it for the same code and dictionary. */
function keptPages(folder: string | undefined, key: string): Map<string, { hash: string; prepared: PreparedPage }> | undefined {
  if (folder === undefined) return undefined;
  try {
    const kept = deserialize(readFileSync(path.join(folder, KEPT_PAGES_FILE))) as KeptPages;
    if (kept.key !== key) return undefined;
    return new Map(kept.pages.map(({ url, hash, prepared }) => [url, { hash, prepared }]));
  } catch {
    return undefined;
  }
}

/** Beside the search cache folder, whose contents are pruned to the shards in use. */
const PAGES_MEMO_FILE = 'lectern-search-pages.json';

function pageInfo(file: string, outDir: string, html: string): Omit<PageInfo, 'hash'> {
  const relative = path.relative(outDir, file).split(path.sep).join('/');
  const url = `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
  const info: Omit<PageInfo, 'hash'> = { file, url, course: { id: '', label: '' }, kind: '', date: '', people: [], tags: [] };
  for (const tag of html.matchAll(/<span\b[^>]*\bdata-pagefind-(?:filter|sort)="[^"]*"[^>]*>/g)) {
    const attrs = attributes(tag[0]);
    const key = (attrs['data-pagefind-filter'] ?? attrs['data-pagefind-sort'] ?? '').replace(/\[.*$/, '');
    const value = attrs['data-value'] ?? '';
    const label = attrs['data-label'] ?? value;
    if (key === 'course') info.course = { id: value, label };
    else if (key === 'kind') info.kind = value;
    else if (key === 'date') info.date = value;
    else if (key === 'person') info.people.push({ id: value, label });
    else if (key === 'tag') info.tags.push(value);
  }
  return info;
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[name] = decodeEntities(value);
  return attrs;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The fragments of a shard Pagefind has just written: each one is read once, for the URL of its page. */
function fragmentsOf(folder: string): ShardFragments {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .sort()
    .map((name) => [name.replace(/\.pf_fragment$/, ''), readFragment(path.join(folder, name)).url]);
}

/**
 * The facets of every indexed page, keyed by the page id Pagefind gave it (its
 * fragment's name), and where each page's fragment is, by URL.
 */
function facetsAndFragments(
  pages: readonly PageInfo[],
  shardFragments: readonly ShardFragments[],
  bundleDirs: readonly string[],
): { facets: SearchFacets; fragments: Map<string, PageFragment> } {
  const fragments = new Map<string, PageFragment>();
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const courses = new Map<string, number>();
  const people = new Map<string, number>();
  const tags = new Map<string, number>();
  const facets: SearchFacets = { version: 1, courses: [], people: [], tags: [], pages: {} };
  shardFragments.forEach((list, bundle) => {
    for (const [id, url] of list) {
      const page = byUrl.get(url);
      if (!page) continue;
      const file = path.join(bundleDirs[bundle], 'fragment', `${id}.pf_fragment`);
      fragments.set(page.url, { bundle, id, file, read: () => readFragment(file) });
      const row: FacetRow = [
        placeIn(courses, facets.courses, page.course.id, [page.course.id, page.course.label]),
        page.kind,
        page.date,
        page.people.map((p) => placeIn(people, facets.people, p.id, [p.id, p.label])),
        page.tags.map((tag) => placeIn(tags, facets.tags, tag, tag)),
      ];
      facets.pages[id] = row;
    }
  });
  return { facets, fragments };
}

/**
 * Writes the name and term indexes with their ready results (search-ready-results.ts),
 * taking the results of unchanged pages from the cache and keeping this build's there.
 */
async function writeWordIndexes(
  bundleDir: string,
  input: {
    pages: readonly PageInfo[];
    counted: ReadonlyMap<string, PageCounts>;
    fragments: ReadonlyMap<string, PageFragment>;
    /** The names and terms as the search page builds its dictionary from them. */
    dictionary: Pick<SearchData, 'names' | 'terms'>;
    averageLength: number;
    cache: string | undefined;
    /** The code and dictionary the cached results must have been made with. */
    readyKey: string;
    /** Worker threads to work out the results on, if there are any. */
    pool: PreparePool | undefined;
  },
): Promise<{ count: number; reused: number; wordFiles: { linked: number; written: number } }> {
  const { pages, counted, fragments, dictionary, averageLength, cache, readyKey, pool } = input;
  const hashes = new Map(pages.map((page) => [page.url, page.hash]));
  const indexed = new Map<string, IndexedPage>();
  for (const [url, [names, length, terms]] of counted) {
    const fragment = fragments.get(url);
    if (fragment) indexed.set(url, { counts: { names, terms, length }, id: fragment.id, fragment: fragment.read, file: fragment.file, hash: hashes.get(url)! });
  }
  const readyCache = cache ? path.join(cache, READY_CACHE_FILE) : undefined;
  const work: ReadyWork | undefined = pool && ((page, words) => pool.ready(page.file, page.id, [...words]));
  const ready = await readyResults(indexed, dictionary.names, dictionary.terms, averageLength, readyCache ? readReadyCache(readyCache, readyKey) : undefined, work);
  if (readyCache) {
    mkdirSync(path.dirname(readyCache), { recursive: true });
    writeFileSync(readyCache, JSON.stringify({ key: readyKey, entries: ready.entries }));
  }
  const output = new WordFileCache(cache, readyKey);
  writeWordIndex(bundleDir, 'name', counted, fragments, ready.name, output);
  writeWordIndex(bundleDir, 'term', counted, fragments, ready.term, output);
  await output.finish();
  return { count: Object.keys(ready.entries).length, reused: ready.reused, wordFiles: { linked: output.linked, written: output.written } };
}

/** Writes the name or the term index (search-names.ts): for each known name or term, its pages' postings. */
function writeWordIndex(
  bundleDir: string,
  kind: WordKind,
  counted: ReadonlyMap<string, PageCounts>,
  fragments: ReadonlyMap<string, PageFragment>,
  ready: ReadonlyMap<string, ReadonlyMap<string, ReadyDetail>>,
  output: WordFileCache,
): void {
  const files = new Map<string, WordFile>();
  for (const [url, [names, length, terms]] of [...counted].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const fragment = fragments.get(url);
    if (!fragment) continue;
    for (const [word, count] of kind === 'name' ? names : terms) {
      const file = wordFilePath(kind, word);
      const entries = files.get(file) ?? {};
      const detail = ready.get(word)?.get(url);
      (entries[word] ??= []).push(detail ? [fragment.bundle, fragment.id, count, length, detail] : [fragment.bundle, fragment.id, count, length]);
      files.set(file, entries);
    }
  }
  mkdirSync(path.join(bundleDir, WORD_FOLDERS[kind]), { recursive: true });
  for (const [file, entries] of files) output.write(bundleDir, file, JSON.stringify(entries), kind === 'term');
}

function readJson<T>(file: string): T {
  return JSON.parse(readUtf8(file)) as T;
}

import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { Converter } from 'opencc-js/t2cn';
import { parse } from 'yaml';
import { peopleFileSchema } from '../schemas/person.ts';
import { searchGlossary } from '../lib/search-glossary.ts';
import { buildDictionary, intlSegmenter, type SearchDictionary, type WordSegmenter } from '../lib/search-query.ts';
import { BODY_START, htmlText, isTraditional, mapHtmlText, protectText } from '../lib/search-text.ts';
import type { FacetRow, SearchFacets } from '../lib/search-facets.ts';

/** Where the search page finds Lectern's files next to Pagefind's bundle. */
export const SEARCH_DATA_FILE = 'lectern-search.json';
export const FACETS_FILE = 'lectern-facets.json';

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
}

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
  /** Cut all Chinese text where the browser's segmenter cuts it, not only known names and terms. */
  align?: boolean;
  /** Leave the pages as they are: no word breaks, no Traditional-to-Simplified conversion (for comparisons). */
  stock?: boolean;
  /** Bundle folder name under `outDir`. Default `pagefind`. */
  bundle?: string;
  /**
   * Where built shards are kept between builds (see shard caching below); none: every
   * shard is built every time.
   */
  cacheDir?: string;
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
  const pages = findDocumentPages(options.outDir, bundle);
  const toSimplified = Converter({ from: 'tw', to: 'cn' });
  // Terms recur on every page: cut each once. (With `align`, all text goes through
  // the segmenter, which is what makes that option slow; see docs/search.md.)
  const segmenter = intlSegmenter();
  const cuts = new Map<string, string[]>();
  const segment: WordSegmenter = options.align
    ? segmenter
    : (text) => {
        let words = cuts.get(text);
        if (!words) {
          words = segmenter(text);
          cuts.set(text, words);
        }
        return words;
      };
  const simplify = (text: string) => toSimplified(text);
  const dictionary = buildDictionary(
    [...peopleNames(options.content), ...pages.flatMap((p) => p.people.map((person) => person.label))].map(simplify),
    [...searchGlossary, ...pages.flatMap((p) => p.tags)].map(simplify),
  );

  let prepareMs = 0;
  let indexMs = 0;
  let writeMs = 0;
  let traditional = 0;
  let reused = 0;
  const shards: string[] = [];
  const plan = planShards(pages, shardSize);
  const cache = options.cacheDir ? path.join(options.cacheDir, 'lectern-search') : undefined;
  const dictionaryKey = JSON.stringify([[...dictionary.names].sort(), [...dictionary.terms].sort(), options.align ?? false, options.stock ?? false]);
  try {
    for (const { shard, pages: shardPages } of plan) {
      const folder = shards.length === 0 ? bundle : `${bundle}-${shard}`;
      const target = path.join(options.outDir, folder);
      const key = shardKey(dictionaryKey, shardPages);
      const cached = cache ? path.join(cache, `shard-${shard}`) : undefined;
      if (cached && readKey(cached) === key) {
        cpSync(path.join(cached, 'files'), target, { recursive: true });
        pruneBundle(target, shards.length === 0);
        shards.push(folder);
        reused++;
        continue;
      }
      const addStart = performance.now();
      let shardPrepareMs = 0;
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not start an index: ${errors.join('; ')}`);
      await forEachLimited(shardPages, 4, async (page) => {
        const prepareStart = performance.now();
        const raw = readFileSync(page.file, 'utf8');
        const prepared = options.stock ? { html: raw, traditional: false } : prepareHtml(raw, dictionary, segment, toSimplified, options.align);
        if (prepared.traditional) traditional++;
        shardPrepareMs += performance.now() - prepareStart;
        const added = await index.addHTMLFile({ url: page.url, content: prepared.html });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join('; ')}`);
      });
      const writeStart = performance.now();
      prepareMs += shardPrepareMs;
      indexMs += writeStart - addStart - shardPrepareMs;
      // Written whole (with Pagefind's code) into the cache when there is one, then copied and pruned.
      const written = cached ? `${cached}.new-${process.pid}` : target;
      rmSync(written, { recursive: true, force: true });
      const result = await index.writeFiles({ outputPath: cached ? path.join(written, 'files') : written });
      if (result.errors.length > 0) throw new Error(`Pagefind could not write ${folder}/: ${result.errors.join('; ')}`);
      await index.deleteIndex();
      // A fresh Pagefind process per shard gives its memory back (see docs/search.md).
      await pagefind.close();
      if (cached) {
        writeFileSync(path.join(written, 'key'), key);
        rmSync(cached, { recursive: true, force: true });
        renameSync(written, cached);
        cpSync(path.join(cached, 'files'), target, { recursive: true });
      }
      pruneBundle(target, shards.length === 0);
      writeMs += performance.now() - writeStart;
      shards.push(folder);
    }
  } finally {
    await pagefind.close();
  }
  if (cache) pruneShardCache(cache, new Set(plan.map((p) => p.shard)));
  if (shards.length === 0) {
    return { pages: 0, shards: 0, traditional: 0, names: 0, terms: 0, prepareMs, indexMs, writeMs, totalMs: performance.now() - started, reused };
  }

  const facets = buildFacets(pages, shards.map((folder) => path.join(options.outDir, folder)));
  const data: SearchData = {
    version: 1,
    names: [...dictionary.names].sort(),
    terms: [...dictionary.terms].sort(),
    shards: shards.slice(1).map((folder) => `${folder}/`),
    sites: searchSites(),
  };
  const bundleDir = path.join(options.outDir, bundle);
  writeFileSync(path.join(bundleDir, SEARCH_DATA_FILE), JSON.stringify(data));
  writeFileSync(path.join(bundleDir, FACETS_FILE), JSON.stringify(facets));
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
  };
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

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Everything a shard's index is made from: the code, Pagefind, the dictionary and options, and each page. */
function shardKey(dictionaryKey: string, pages: readonly PageInfo[]): string {
  const hash = createHash('sha256').update(SEARCH_CODE_VERSION).update(dictionaryKey);
  for (const page of pages) hash.update(`\0${page.url}\0${page.hash}`);
  return hash.digest('hex');
}

function readKey(dir: string): string | undefined {
  try {
    return readFileSync(path.join(dir, 'key'), 'utf8');
  } catch {
    return undefined;
  }
}

/** Drops cached shards the archive no longer has (it shrank, or the shard count changed). */
function pruneShardCache(cache: string, keep: ReadonlySet<number>): void {
  if (!existsSync(cache)) return;
  for (const name of readdirSync(cache)) {
    const shard = /^shard-(\d+)$/.exec(name);
    if (!shard || !keep.has(Number(shard[1]))) rmSync(path.join(cache, name), { recursive: true, force: true });
  }
}

/** Changes with the source of the code that prepares pages and the versions of Pagefind and OpenCC. */
const SEARCH_CODE_VERSION = (() => {
  const hash = createHash('sha256');
  for (const file of ['./search-index-build.ts', '../lib/search-text.ts', '../lib/search-query.ts', '../lib/search-glossary.ts']) {
    hash.update(readFileSync(new URL(file, import.meta.url)));
  }
  for (const pkg of ['pagefind', 'opencc-js']) hash.update(`${pkg}@${packageVersion(pkg)}`);
  return hash.digest('hex');
})();

/** A package's version, from `node_modules/<name>/package.json` (some packages do not export that file). */
function packageVersion(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '';
    dir = path.dirname(dir);
  }
  return '';
}

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
 * A page's HTML as Pagefind should read it: Traditional characters converted to
 * Simplified (the original title kept for display), word breaks around known
 * names and terms.
 */
export function prepareHtml(
  html: string,
  dictionary: SearchDictionary,
  segment: WordSegmenter,
  toSimplified: (text: string) => string,
  align = false,
): { html: string; traditional: boolean } {
  let out = html;
  const traditional = isTraditional(htmlText(bodyHtml(html)), toSimplified);
  if (traditional) {
    const title = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
    out = mapHtmlText(out, toSimplified);
    if (title !== undefined) {
      const value = htmlText(title).replace(/"/g, '&quot;').trim();
      out = out.replace('</body>', `<span hidden data-pagefind-meta="display_title[data-value]" data-value="${value}"></span></body>`);
    }
  }
  out = mapHtmlText(out, (text) => protectText(text, dictionary, segment, { align }));
  // Pagefind runs a <dt> and its <dd> together (讲话人谢天学场合开班式); in the
  // indexed copy they read as 讲话人：谢天学。场合：开班式。
  out = out.replace(/([^：:\s])(\s*)<\/dt>/g, '$1：$2</dt>').replace(/([^。；！？.;!?\s])(\s*)<\/dd>/g, '$1。$2</dd>');
  // Where the byline ends and the text proper begins, for excerpts (search-engine.ts).
  const start = out.indexOf('data-pagefind-body');
  const bylineEnd = start < 0 ? -1 : out.indexOf('</dl>', start);
  if (bylineEnd >= 0) out = `${out.slice(0, bylineEnd + 5)}${BODY_START}${out.slice(bylineEnd + 5)}`;
  return { html: out, traditional };
}

/** The indexed part of a page: from the `data-pagefind-body` element to the end of <main>. */
function bodyHtml(html: string): string {
  const start = html.indexOf('data-pagefind-body');
  if (start < 0) return html;
  const end = html.indexOf('</main>', start);
  return html.slice(html.indexOf('>', start) + 1, end < 0 ? undefined : end);
}

/** Every built page marked for indexing, with what SearchMeta.astro says about it, in URL order. */
function findDocumentPages(outDir: string, bundle: string): PageInfo[] {
  const pages: PageInfo[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === outDir && (entry.name === bundle || entry.name.startsWith(`${bundle}-`) || entry.name === '_astro')) continue;
        walk(full);
      } else if (entry.name.endsWith('.html')) {
        const html = readFileSync(full, 'utf8');
        if (html.includes('data-pagefind-body')) pages.push({ ...pageInfo(full, outDir, html), hash: createHash('sha1').update(html).digest('base64') });
      }
    }
  };
  walk(outDir);
  return pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

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

/** Names in `people.yaml` (already checked by `lectern check`; a broken file only means no names). */
function peopleNames(content: string): string[] {
  const file = path.join(content, 'people.yaml');
  if (!existsSync(file)) return [];
  const parsed = peopleFileSchema.safeParse(parse(readFileSync(file, 'utf8')) ?? []);
  return parsed.success ? parsed.data.map((person) => person.name) : [];
}

/** The facets of every indexed page, keyed by the page id Pagefind gave it (its fragment's name). */
function buildFacets(pages: readonly PageInfo[], bundleDirs: readonly string[]): SearchFacets {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const courses = new Map<string, number>();
  const people = new Map<string, number>();
  const tags = new Map<string, number>();
  const facets: SearchFacets = { version: 1, courses: [], people: [], tags: [], pages: {} };
  const indexOf = <T>(map: Map<string, number>, list: T[], key: string, item: T) => {
    let at = map.get(key);
    if (at === undefined) {
      at = list.push(item) - 1;
      map.set(key, at);
    }
    return at;
  };
  for (const dir of bundleDirs) {
    const fragments = path.join(dir, 'fragment');
    if (!existsSync(fragments)) continue;
    for (const name of readdirSync(fragments).sort()) {
      const fragment = readFragment(path.join(fragments, name));
      const page = byUrl.get(fragment.url);
      if (!page) continue;
      const row: FacetRow = [
        indexOf(courses, facets.courses, page.course.id, [page.course.id, page.course.label]),
        page.kind,
        page.date,
        page.people.map((p) => indexOf(people, facets.people, p.id, [p.id, p.label])),
        page.tags.map((tag) => indexOf(tags, facets.tags, tag, tag)),
      ];
      facets.pages[name.replace(/\.pf_fragment$/, '')] = row;
    }
  }
  return facets;
}

/** A Pagefind fragment file: gzip (or not) around `pagefind_dcd` and JSON. */
function readFragment(file: string): { url: string } {
  let bytes: Buffer = readFileSync(file);
  const signature = 'pagefind_dcd';
  if (bytes.subarray(0, signature.length).toString() !== signature) bytes = gunzipSync(bytes);
  return JSON.parse(bytes.subarray(signature.length).toString('utf8')) as { url: string };
}

/** Runs `work` over `items` with at most `limit` running at once, so reading a page overlaps Pagefind indexing the last. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(runners);
}

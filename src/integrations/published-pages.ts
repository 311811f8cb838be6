/**
 * A rebuild takes its unchanged pages from the published site by hard-linking them
 * into the folder Astro writes, instead of letting Astro copy each one out of its
 * incremental cache: at 10,000 documents that copy was 14,000 files and 8–12 s of a
 * rebuild after one changed document (docs/scaling.md). Astro treats a page it may
 * skip and finds already written as done ("cached"), so only the pages it renders
 * are written, and those are unlinked first: a rendered page is always a new file,
 * never written through a link into the site being served.
 *
 * A published page is linked only when it is the page Astro's cache holds for the
 * same cache key. That is true when the published site was swapped in by the build
 * that wrote Astro's incremental manifest, which `lectern build` records after each
 * swap (`recordPublishedSite`) and checks before the next build
 * (`reusablePublishedSite`): a build that failed after Astro wrote its manifest
 * leaves a manifest the published site does not match, and the next build copies
 * from Astro's cache as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PathWithRoute } from 'astro';
import { fileIdentity } from '../archive/file-identity.ts';
import { mark } from './timings.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

/** Set by `lectern build` for its renderer: the published site whose pages may be linked in. */
export const PUBLISHED_SITE_ENV = 'LECTERN_PUBLISHED_SITE';

/** Astro's incremental-build manifest, in the build's cache folder (node_modules/astro/dist/core/build/incremental.js). */
const ASTRO_MANIFEST = 'incremental-build.json';
/** Which published site matches that manifest. */
const RECORD = 'lectern-published.json';
/**
 * In the build's cache folder: the site the last build replaced, which `lectern build`
 * keeps (replaced-sites.ts) so that the links reuse its folders.
 */
export const SPARE_SITE = 'lectern-spare-site';

interface PublishedRecord {
  site: string;
  /** Which site stands there (`siteIdentity`): another build into the same folder, from other content, puts another. */
  identity: string;
  manifest: string;
}

/** The parts of Astro's manifest read here. */
interface AstroManifest {
  routes: Record<string, { paths: Record<string, { cacheKey?: string; outputFile?: string }> }>;
}

/** `outDir` when its pages are the ones Astro's cache holds (see above), else undefined. */
export function reusablePublishedSite(outDir: string, cacheDir: string): string | undefined {
  try {
    const record = JSON.parse(readUtf8(path.join(cacheDir, RECORD))) as PublishedRecord;
    if (record.site !== path.resolve(outDir) || record.identity !== siteIdentity(outDir)) return undefined;
    return record.manifest === manifestHash(cacheDir) ? path.resolve(outDir) : undefined;
  } catch {
    return undefined;
  }
}

/** After a swap: the site now at `outDir` is the one the build that wrote Astro's manifest rendered. */
export function recordPublishedSite(outDir: string, cacheDir: string): void {
  try {
    const record: PublishedRecord = { site: path.resolve(outDir), identity: siteIdentity(outDir), manifest: manifestHash(cacheDir) };
    writeFileSync(path.join(cacheDir, RECORD), JSON.stringify(record));
  } catch {
    // No manifest (Astro's incremental build off) or no cache folder: the next build copies as before.
  }
}

/**
 * The folder and its home page as the file system knows them: every build renders the
 * home page again (it has no cache key), so a site swapped in by any other build has
 * another home page file.
 */
function siteIdentity(outDir: string): string {
  const folder = statSync(outDir, { bigint: true });
  const home = fileIdentity(path.join(outDir, 'index.html'));
  if (home === undefined) throw new Error(`${outDir} has no home page`);
  return `${folder.dev}:${folder.ino}/${home}`;
}

function manifestHash(cacheDir: string): string {
  return createHash('sha1').update(readFileSync(path.join(cacheDir, ASTRO_MANIFEST))).digest('hex');
}

/** A page linked in: where Astro's manifest has it, and its file (relative to the site). */
export interface LinkedPage {
  component: string;
  pathname: string;
  cacheKey: string;
  file: string;
}

/**
 * The pages of the published site linked into Astro's output folder for one build,
 * by their address (without the base path or a trailing slash).
 */
export class PublishedPages {
  readonly #linked = new Map<string, string>();
  readonly #base: string;
  #linking: { done: Promise<LinkedPage[]>; folder: string; outDir: string } | undefined;

  constructor(base: string) {
    this.#base = base.replace(/\/+$/, '');
  }

  /** Whether pages are being linked in (a rebuild under `lectern build` with a site to link from). */
  get started(): boolean {
    return this.#linking !== undefined;
  }

  /** Pages linked in and not rendered since: those Astro took as they were. */
  get count(): number {
    return this.#linked.size;
  }

  /**
   * Starts linking every page Astro's manifest names, in a worker thread, while Astro
   * syncs the content and bundles the site (about 5 s at 10,000 documents; the links
   * take 2 s of a core). Into a folder of the cache, since Astro empties its output
   * folder before it bundles; `settle` moves them in.
   */
  start(site: string, outDir: string, cacheDir: string): void {
    if (this.#linking) return;
    const folder = path.join(cacheDir, LINKS_FOLDER);
    const worker = new Worker(new URL('./published-pages-worker.ts', import.meta.url), {
      workerData: { site, into: folder, manifest: path.join(cacheDir, ASTRO_MANIFEST), spare: path.join(cacheDir, SPARE_SITE) } satisfies LinkRequest,
    });
    // Marked for the benchmark's timings: whether Astro had to wait for the links.
    mark('published-links:start');
    const done = new Promise<LinkedPage[]>((resolve, reject) => {
      worker.once('message', (linked: LinkedPage[]) => {
        mark('published-links:end');
        resolve(linked);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`linking the published pages stopped (exit status ${code}) before it finished`)));
    });
    this.#linking = { done, folder, outDir };
  }

  /**
   * With this build's paths: moves the links into Astro's output folder and keeps
   * each page whose cache key is the one the manifest gives it (the pages Astro will
   * skip); the others are removed. Whatever Astro still renders is unlinked before it
   * writes (`release`).
   */
  async settle(paths: readonly PathWithRoute[]): Promise<void> {
    if (this.#linking === undefined) return;
    const { done, folder, outDir } = this.#linking;
    mark('published-settle:start');
    const linked = await done;
    mark('published-settle:end');
    const taken = moveInto(folder, outDir);
    rmSync(folder, { recursive: true, force: true });
    const keys = new Map<string, string>();
    for (const { pathname, route, cacheKey } of paths) if (cacheKey !== undefined) keys.set(`${route.component}\0${pathname}`, cacheKey);
    for (const page of linked) {
      if (!wasMoved(page.file, taken)) continue;
      const target = path.join(outDir, page.file);
      if (keys.get(`${page.component}\0${page.pathname}`) === page.cacheKey) this.#linked.set(this.#key(page.pathname), target);
      else unlinkSync(target);
    }
  }

  /** Before Astro renders the page at `url`: its linked copy is unlinked, so that the page is written as a new file. */
  release(url: string): void {
    const key = this.#key(new URL(url).pathname);
    const target = this.#linked.get(key);
    if (target === undefined) return;
    unlinkSync(target);
    this.#linked.delete(key);
  }

  /** `/base/courses/a/b/` and `/courses/a/b` alike → `/courses/a/b`. */
  #key(pathname: string): string {
    let key = safeDecode(pathname);
    if (this.#base && (key === this.#base || key.startsWith(`${this.#base}/`))) key = key.slice(this.#base.length);
    key = key.replace(/\/+$/, '');
    return key.startsWith('/') ? key : `/${key}`;
  }
}

/** In the build's cache folder: links made there wait for Astro to have emptied its output folder. */
const LINKS_FOLDER = 'lectern-published-links';

/**
 * Moves what `from` holds into `to`, a whole folder at a time where `to` has none of
 * that name (nearly all: `courses/`, `people/`, `tags/`); a file `to` already has is
 * left out. Gives what was moved (files and folders), relative to `to`.
 */
function moveInto(from: string, to: string, prefix = ''): Set<string> {
  const moved = new Set<string>();
  let entries: Dirent[];
  try {
    entries = readdirSync(from, { withFileTypes: true });
  } catch {
    return moved;
  }
  for (const entry of entries) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (!existsSync(target)) {
      try {
        renameSync(source, target);
        moved.add(name);
      } catch {
        // The cache and the output folder on two file systems: those pages are copied by Astro.
      }
    } else if (entry.isDirectory() && statSync(target).isDirectory()) {
      for (const inner of moveInto(source, target, name)) moved.add(inner);
    }
  }
  return moved;
}

/** Whether `file` or a folder it lies in was moved. */
function wasMoved(file: string, moved: Set<string>): boolean {
  for (let at = file.length; at > 0; at = file.lastIndexOf('/', at - 1)) {
    if (moved.has(file.slice(0, at))) return true;
  }
  return false;
}

export interface LinkRequest {
  site: string;
  /** An empty folder is made there (whatever stands there is removed first). */
  into: string;
  manifest: string;
  /**
   * A site an earlier build published, whose folders are taken for the links instead
   * of being made anew (`reuseSpare`); it is gone afterwards.
   */
  spare?: string;
}

/** Links every page Astro's manifest names from `site` into the folder `into` (published-pages-worker.ts). */
export function linkManifestPages({ site, into, manifest: manifestFile, spare }: LinkRequest): LinkedPage[] {
  rmSync(into, { recursive: true, force: true });
  let manifest: AstroManifest;
  try {
    manifest = JSON.parse(readUtf8(manifestFile)) as AstroManifest;
  } catch {
    return [];
  }
  const pages: (LinkedPage & { native: string })[] = [];
  for (const [component, route] of Object.entries(manifest.routes)) {
    for (const [pathname, entry] of Object.entries(route.paths)) {
      if (entry.outputFile === undefined || entry.cacheKey === undefined) continue;
      // Astro records the file as a URL path (`tags/%E4%BA%BA…/index.html`).
      const native = fileFromUrlPath(entry.outputFile);
      pages.push({ component, pathname, cacheKey: entry.cacheKey, file: native.split(path.sep).join('/'), native });
    }
  }
  const reused = spare === undefined ? new Set<string>() : reuseSpare(spare, into, site, new Set(pages.map((page) => page.native)));
  const linked: LinkedPage[] = [];
  const folders = new Set<string>();
  for (const { native, ...page } of pages) {
    if (!reused.has(native)) {
      const target = path.join(into, native);
      const folder = path.dirname(target);
      try {
        if (!folders.has(folder)) {
          mkdirSync(folder, { recursive: true });
          folders.add(folder);
        }
        linkSync(path.join(site, native), target);
      } catch {
        // Missing from the site (moved by a later step, removed by hand) or another file system: Astro copies it.
        continue;
      }
    }
    linked.push(page);
  }
  return linked;
}

/**
 * Makes the spare site the folder of links: renamed into place, so that none of its
 * 14,000 folders is made again (creating folders is most of what linking costs, see
 * replaced-sites.ts). Of its files, each page Astro's manifest names stays when it is
 * the published page itself (the same inode: every unchanged page is one file across
 * builds) and is linked anew when it is not; everything else is removed, so that no
 * file Astro writes can land on an old link. Gives the pages (`wanted`'s names) now
 * linked; on any failure, nothing (the folder is then removed and made anew).
 */
function reuseSpare(spare: string, into: string, site: string, wanted: ReadonlySet<string>): Set<string> {
  const reused = new Set<string>();
  try {
    renameSync(spare, into);
  } catch {
    return reused;
  }
  // Top-level folders no page lies in (the search bundles, Astro's assets) go whole.
  const tops = new Set([...wanted].map((file) => file.split(path.sep)[0]));
  const keep = (folder: string, relative: string): boolean => {
    let kept = false;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const name = relative ? path.join(relative, entry.name) : entry.name;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && (relative !== '' || tops.has(entry.name))) {
        if (keep(full, name)) kept = true;
        else rmdirSync(full);
      } else if (entry.isFile() && wanted.has(name) && isNowPublished(full, path.join(site, name))) {
        reused.add(name);
        kept = true;
      } else {
        rmSync(full, { recursive: true, force: true });
      }
    }
    return kept;
  };
  try {
    keep(into, '');
    return reused;
  } catch {
    rmSync(into, { recursive: true, force: true });
    return new Set();
  }
}

/** Whether `file` is the published file `source`: it was already (one inode), or it now is (linked anew); when `source` is missing, `file` is removed. */
function isNowPublished(file: string, source: string): boolean {
  const own = statSync(file);
  const published = statSync(source, { throwIfNoEntry: false });
  if (published !== undefined && own.ino === published.ino && own.dev === published.dev) return true;
  unlinkSync(file);
  if (published === undefined) return false;
  linkSync(source, file);
  return true;
}

function fileFromUrlPath(urlPath: string): string {
  return path.relative('/', fileURLToPath(new URL(urlPath, 'file:///')));
}

function safeDecode(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

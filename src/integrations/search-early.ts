/**
 * Prepares document pages for the search index while Astro is still rendering the rest
 * (search-prepare.ts): under `lectern build` Astro renders on one core in a child process
 * and the build's own process waits, so one worker thread prepares each page as soon as
 * it is written. The index build takes a prepared copy only when the page it finds at the
 * end has the same hash and the dictionary is the same (`take`); anything else — a page
 * read while half written, a page rewritten later, a dictionary that came out otherwise —
 * is prepared again then, so an early copy can never be stale.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PreparePool, type PreparedPage } from './search-prepare-pool.ts';
import { dictionaryKeyOf, indexDictionary, indexStagingDir } from './search-index-build.ts';

/** A document page the build is about to render, as the check knows it (render-site.ts). */
export interface PlannedPage {
  /** `/courses/<course>/<id>/` */
  url: string;
  /** The built file, relative to the output folder. */
  file: string;
  /** The names of its people and its tags, for the dictionary. */
  people: string[];
  tags: string[];
}

/** A page prepared early: where its prepared copy is and what preparing it found. */
export interface EarlyPage {
  file: string;
  page: PreparedPage;
}

/** Pages handed to the worker at once: enough to keep it busy, few enough to stop quickly. */
const IN_FLIGHT = 4;
/**
 * How often the output folder is looked at for newly written pages, and how many found
 * pages may wait: Astro writes about 250 pages a second at 10,000 documents, the worker
 * prepares about 200; a look stats every page not yet found, so not too often.
 */
const POLL_MS = 500;
const QUEUED = 256;

export class EarlyPreparation {
  readonly #outDir: string;
  readonly #folder: string;
  readonly #dictionaryKey: string;
  readonly #pool: PreparePool;
  /** Pages not yet prepared, by URL; a page read half written goes back in. */
  readonly #waiting: Map<string, PlannedPage>;
  readonly #queue: PlannedPage[] = [];
  readonly #prepared = new Map<string, EarlyPage>();
  /** Hashes of pages the shard cache already holds: those need no preparing at all. */
  readonly #cached: Map<string, string>;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #timer: NodeJS.Timeout;
  #stopped = false;

  constructor(options: { outDir: string; content: string; cacheDir?: string; pages: readonly PlannedPage[] }) {
    this.#outDir = options.outDir;
    this.#folder = path.join(indexStagingDir(options.outDir, options.cacheDir), 'early');
    const dictionary = indexDictionary(
      options.content,
      options.pages.flatMap((page) => page.people),
      options.pages.flatMap((page) => page.tags),
    );
    this.#dictionaryKey = dictionaryKeyOf(dictionary, false);
    this.#pool = new PreparePool({ names: [...dictionary.names], terms: [...dictionary.terms], stock: false }, 1);
    this.#waiting = new Map(options.pages.map((page) => [page.url, page]));
    this.#cached = options.cacheDir ? cachedPageHashes(options.cacheDir) : new Map();
    this.#timer = setInterval(() => this.#look(), POLL_MS);
  }

  /** How many pages were prepared early. */
  get count(): number {
    return this.#prepared.size;
  }

  /** The early copy of a page, when it was made from exactly this page (`hash`) with this dictionary. */
  take(url: string, hash: string, dictionaryKey: string): EarlyPage | undefined {
    const early = this.#prepared.get(url);
    if (!early || early.page.hash !== hash || dictionaryKey !== this.#dictionaryKey) return undefined;
    this.#prepared.delete(url);
    return early;
  }

  /** Stops looking for pages and waits for the worker to finish those it has. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#queue.length = 0;
    await Promise.all(this.#inFlight);
    await this.#pool.close();
  }

  #look(): void {
    if (this.#queue.length < QUEUED / 2) {
      for (const [url, page] of this.#waiting) {
        if (this.#queue.length >= QUEUED) break;
        const file = path.join(this.#outDir, page.file);
        if (!existsSync(file)) continue;
        this.#waiting.delete(url);
        const cached = this.#cached.get(url);
        // A page its shard cache already has is indexed from there; it may still be half written: then read again later.
        if (cached !== undefined && hashIfWhole(file) === cached) continue;
        this.#queue.push(page);
      }
    }
    this.#pump();
  }

  #pump(): void {
    while (!this.#stopped && this.#inFlight.size < IN_FLIGHT && this.#queue.length > 0) {
      const page = this.#queue.shift()!;
      const target = path.join(this.#folder, page.file);
      const work: Promise<void> = this.#pool
        .prepareWhole(path.join(this.#outDir, page.file), target)
        .then(
          (prepared) => {
            if (prepared) this.#prepared.set(page.url, { file: target, page: prepared });
            // Read while Astro was still writing it: look again later.
            else this.#waiting.set(page.url, page);
          },
          // Left for the index build to prepare, which reports what is wrong with it.
          () => undefined,
        )
        .finally(() => {
          this.#inFlight.delete(work);
          this.#pump();
        });
      this.#inFlight.add(work);
    }
  }
}

/** The hash of a built page as the index build takes it, or undefined while it is half written. */
function hashIfWhole(file: string): string | undefined {
  const html = readFileSync(file, 'utf8');
  return html.trimEnd().endsWith('</html>') ? createHash('sha1').update(html).digest('base64') : undefined;
}

/** URL → page hash of every page in the shard cache (`hashes.json` beside each shard). */
function cachedPageHashes(cacheDir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const folder = path.join(cacheDir, 'lectern-search');
  if (!existsSync(folder)) return hashes;
  for (const name of readdirSync(folder)) {
    try {
      const pages = JSON.parse(readFileSync(path.join(folder, name, 'hashes.json'), 'utf8')) as Record<string, string>;
      for (const [url, hash] of Object.entries(pages)) hashes.set(url, hash);
    } catch {
      // Not a shard, or one cached before hashes were kept.
    }
  }
  return hashes;
}

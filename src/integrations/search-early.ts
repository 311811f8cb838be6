/**
 * Prepares document pages for the search index while Astro is still rendering the
 * others. Under `lectern build` Astro renders in a child process on about one core and
 * the build's own process waits (outside-astro.ts); a worker thread at the lowest
 * priority takes what Astro leaves of the machine and reads and prepares each page as
 * soon as it is written (search-prepare-worker.ts), appending what it made to a file
 * rather than holding it (30 KB a page).
 *
 * The index build takes an early page only when the page it finds at the end has the
 * same hash and its dictionary is the same (`take`); anything else (a page read while
 * half written, a page written again later, a dictionary that came out otherwise) is
 * prepared again then, so an early page can never be stale.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { PreparePool, type PreparedPage } from './search-prepare-pool.ts';
import { dictionaryKey, indexDictionary } from './search-dictionary.ts';
import { processFolder } from './scratch-dir.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

/** A document page the build is about to render, as the check knows it (render-site.ts). */
export interface PlannedPage {
  /** `/courses/<course>/<id>/` */
  url: string;
  /** The built file, relative to the output folder. */
  file: string;
  /** The names of its people and its tags, as its search metadata will give them (SearchMeta.astro). */
  people: string[];
  tags: string[];
}

export interface EarlyOptions {
  /** The folder Astro is writing the site into. */
  outDir: string;
  content: string;
  /** The build's cache folder: early pages are kept there, and pages its shard cache holds are skipped. */
  cacheDir: string;
  pages: readonly PlannedPage[];
  /** People.yaml's names as the check read them (the index build's dictionary must be made from the same). */
  peopleNames?: readonly string[];
  /**
   * Worker threads. Default 1: at 10,000 documents a second one made Astro's page
   * generation slower (69.5 s against 37.6 s in the bench) and the build's peak 140 MB
   * larger, for few more pages prepared early.
   */
  workers?: number;
}

/** Where an early page is in its file, and the hash of the built page it was made from. */
interface EarlyPage {
  hash: string;
  file: string;
  offset: number;
  length: number;
}

/** `LECTERN_SEARCH_EARLY=off`: every page is prepared after Astro (for comparisons). */
export function earlyPreparationWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.LECTERN_SEARCH_EARLY !== 'off';
}

/** Pages handed to each worker at once: one at work, one waiting. */
const IN_FLIGHT_PER_WORKER = 2;
/** How often the output folder is looked at for pages Astro has written since. */
const POLL_MS = 300;
/**
 * Pages found at one look: Astro writes about 300 pages a second at 10,000 documents,
 * a background worker prepares 70 to 100.
 */
const FOUND = 128;
/**
 * Pages not yet written that a look passes before it stops. The pages are planned in
 * the order Astro renders them, four at a time, so the written ones are near the
 * front; a look through all 10,000 would cost more than the pages it finds.
 */
const LOOKAHEAD = 64;
/** A page found unfinished this many times is left to the index build. */
const TRIES = 3;

export class EarlyPreparation {
  readonly #outDir: string;
  readonly #folder: string;
  readonly #save: string;
  readonly #key: string;
  readonly #pool: PreparePool;
  readonly #capacity: number;
  /** Pages not yet handed to a worker, by URL, in the order Astro renders them; a page read unfinished goes back in. */
  readonly #waiting: Map<string, PlannedPage>;
  /** Pages found written, for the workers to take. */
  readonly #found: PlannedPage[] = [];
  readonly #tries = new Map<string, number>();
  readonly #prepared = new Map<string, EarlyPage>();
  /** Page hashes the shard cache holds, by URL: those pages need no preparing. */
  readonly #cached: ReadonlyMap<string, string>;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #timer: NodeJS.Timeout;
  #stopped = false;
  #ms = 0;
  /** Open files of early pages, by name. */
  readonly #files = new Map<string, number>();

  constructor(options: EarlyOptions) {
    this.#outDir = options.outDir;
    this.#folder = processFolder(options.cacheDir, EARLY_FOLDER);
    this.#save = path.join(this.#folder, 'pages.bin');
    mkdirSync(this.#folder, { recursive: true });
    const dictionary = indexDictionary(
      options.content,
      options.pages.flatMap((page) => page.people),
      options.pages.flatMap((page) => page.tags),
      options.peopleNames,
    );
    this.#key = dictionaryKey(dictionary, false);
    const workers = options.workers ?? 1;
    this.#pool = new PreparePool({ names: [...dictionary.names], terms: [...dictionary.terms], stock: false }, workers, { background: true });
    this.#capacity = workers * IN_FLIGHT_PER_WORKER;
    this.#waiting = new Map(options.pages.map((page) => [page.url, page]));
    this.#cached = cachedPageHashes(options.cacheDir);
    this.#timer = setInterval(() => this.#look(), POLL_MS);
  }

  /** The folder early pages are kept in while the build runs. */
  get folder(): string {
    return this.#folder;
  }

  /** Pages prepared early, and the worker milliseconds they took. */
  get count(): number {
    return this.#prepared.size;
  }

  get ms(): number {
    return this.#ms;
  }

  /** The early page for `url` when it was made from exactly this page (`hash`) with this dictionary (`key`). */
  take(url: string, hash: string, key: string): PreparedPage | undefined {
    const early = this.#prepared.get(url);
    if (!early || early.hash !== hash || key !== this.#key) return undefined;
    let fd = this.#files.get(early.file);
    if (fd === undefined) this.#files.set(early.file, (fd = openSync(early.file, 'r')));
    const bytes = Buffer.allocUnsafe(early.length);
    readSync(fd, bytes, 0, early.length, early.offset);
    return { ...(deserialize(bytes) as PreparedPage), ms: 0 };
  }

  /** Stops looking for pages and waits for the workers to finish those they have. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#timer);
    await Promise.all(this.#inFlight);
    await this.#pool.close();
  }

  /** Removes the early pages' file (the build has taken what it needed). */
  dispose(): void {
    for (const fd of this.#files.values()) closeSync(fd);
    this.#files.clear();
    rmSync(this.#folder, { recursive: true, force: true });
  }

  /** Finds pages Astro has written since the last look, enough to keep the workers busy until the next. */
  #look(): void {
    let missed = 0;
    for (const [url, page] of this.#waiting) {
      if (this.#found.length >= FOUND || missed >= LOOKAHEAD) break;
      if (!existsSync(path.join(this.#outDir, page.file))) {
        missed++;
        continue;
      }
      this.#waiting.delete(url);
      this.#found.push(page);
    }
    this.#pump();
  }

  #pump(): void {
    while (!this.#stopped && this.#inFlight.size < this.#capacity && this.#found.length > 0) this.#start(this.#found.shift()!);
  }

  #start(page: PlannedPage): void {
    const work: Promise<void> = this.#pool
      .early({ file: path.join(this.#outDir, page.file), url: page.url, save: this.#save, unless: this.#cached.get(page.url) })
      .then(
        (outcome) => {
          if (outcome.kind === 'saved') {
            this.#prepared.set(page.url, { hash: outcome.hash, file: outcome.file, offset: outcome.offset, length: outcome.length });
            this.#ms += outcome.ms;
          } else if (outcome.kind === 'partial') {
            const tries = (this.#tries.get(page.url) ?? 0) + 1;
            this.#tries.set(page.url, tries);
            if (tries < TRIES) this.#waiting.set(page.url, page);
          }
        },
        // Left to the index build, which reports what is wrong with the page.
        () => undefined,
      )
      .finally(() => {
        this.#inFlight.delete(work);
        this.#pump();
      });
    this.#inFlight.add(work);
  }
}

/** In the build's cache folder, per process. */
const EARLY_FOLDER = 'lectern-index-early';

/** In each cached shard's folder: the hash of each of its pages, by URL. */
export const PAGE_HASHES_FILE = 'hashes.json';

/** URL → page hash of every page the shard cache holds. */
function cachedPageHashes(cacheDir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const folder = path.join(cacheDir, 'lectern-search');
  if (!existsSync(folder)) return hashes;
  for (const name of readdirSync(folder)) {
    try {
      const pages = JSON.parse(readUtf8(path.join(folder, name, PAGE_HASHES_FILE))) as Record<string, string>;
      for (const [url, hash] of Object.entries(pages)) hashes.set(url, hash);
    } catch {
      // Not a shard, or one cached before hashes were kept.
    }
  }
  return hashes;
}

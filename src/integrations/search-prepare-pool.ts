/**
 * Worker threads that prepare pages for the search index (search-prepare-worker.ts)
 * and read them as Pagefind would (pagefind-writer/): the next shard is prepared
 * while the main thread writes this one's bundle.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PageRecord } from './pagefind-writer/page-record.ts';
import type { ReadyDetail } from '../lib/search-engine.ts';
import type { ReadyWord } from './search-ready-results.ts';

export interface PrepareWorkerData {
  names: string[];
  terms: string[];
  /** Copy pages as they are (for comparisons with stock Pagefind). */
  stock: boolean;
  /** Run at the lowest priority (set by the pool). */
  background?: boolean;
}

/** A page's ready results, worked out in a worker (search-ready-results.ts): its fragment file, Pagefind id and words. */
export interface ReadyRequest {
  id: number;
  ready: { file: string; page: string; words: ReadyWord[] };
}

export type ReadyResponse = { id: number; details: (ReadyDetail | undefined)[] } | { id: number; error: string };

export interface PrepareRequest {
  id: number;
  /** The built page. */
  file: string;
  /**
   * `{ target }`: write the prepared copy there, for Pagefind's binary (stock pages);
   * `{ url }`: read the prepared copy as Pagefind would and send back its record.
   */
  output: { target: string } | { url: string };
}

export type PrepareResponse = ({ id: number } & PreparedPage) | { id: number; error: string };

/**
 * A page Astro may still be writing (search-early.ts): prepared and read only when it
 * is whole, its `PreparedPage` (v8-serialized) appended to the worker's own file
 * `<save>.<thread id>`. A page whose
 * hash is `unless` is left alone: the shard cache has it.
 */
export interface EarlyRequest {
  id: number;
  early: { file: string; url: string; save: string; unless?: string };
}

export type EarlyResponse = { id: number; early: EarlyOutcome } | { id: number; error: string };

export type EarlyOutcome =
  /** Where the page is (file, offset, length), and the hash of the page it was made from. */
  | { kind: 'saved'; hash: string; file: string; offset: number; length: number; ms: number }
  /** Not yet written to its end. */
  | { kind: 'partial' }
  /** The page with the hash `unless`. */
  | { kind: 'cached' };

export interface PreparedPage {
  traditional: boolean;
  /** Known names in the page and how often each occurs (search-prepare.ts). */
  names: [string, number][];
  /** Known terms in the page and their weighted counts. */
  terms: [string, number][];
  /** Characters of indexed text. */
  length: number;
  /** Milliseconds the worker spent on the page. */
  ms: number;
  /** The page as the bundle writer needs it (when asked for by URL). */
  record?: PageRecord;
}

export class PreparePool {
  readonly #workers: Worker[];
  /** Each request's own promise knows its answer's type. */
  readonly #pending = new Map<number, { resolve: (answer: unknown) => void; reject: (error: Error) => void }>();
  #next = 0;

  /**
   * One worker per core (the main thread only waits meanwhile). `background`: the workers
   * run at the lowest priority, on what another process (Astro rendering) leaves over.
   */
  constructor(data: PrepareWorkerData, size = availableParallelism(), { background = false } = {}) {
    this.#workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(new URL('./search-prepare-worker.ts', import.meta.url), { workerData: { ...data, background } satisfies PrepareWorkerData });
      worker.on('message', (response: PrepareResponse | ReadyResponse | EarlyResponse) => this.#settle(response));
      worker.on('error', (error) => this.#failAll(error));
      return worker;
    });
  }

  /** Prepares the built page `file`: its copy written to `target`, or its record (Pagefind's reading of it) for the page at `url`. */
  prepare(file: string, output: PrepareRequest['output']): Promise<PreparedPage> {
    const id = this.#next++;
    return new Promise<PreparedPage>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (answer: unknown) => void, reject });
      this.#workers[id % this.#workers.length].postMessage({ id, file, output } satisfies PrepareRequest);
    });
  }

  /** Works out the ready results of the page whose fragment is `file` for `words` (search-ready-results.ts `pageReadyDetails`). */
  ready(file: string, page: string, words: ReadyWord[]): Promise<(ReadyDetail | undefined)[]> {
    const id = this.#next++;
    return new Promise<(ReadyDetail | undefined)[]>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (answer: unknown) => void, reject });
      this.#workers[id % this.#workers.length].postMessage({ id, ready: { file, page, words } } satisfies ReadyRequest);
    });
  }

  /** Prepares a page Astro may still be writing (EarlyRequest). */
  early(request: EarlyRequest['early']): Promise<EarlyOutcome> {
    const id = this.#next++;
    return new Promise<EarlyOutcome>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (answer: unknown) => void, reject });
      this.#workers[id % this.#workers.length].postMessage({ id, early: request } satisfies EarlyRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #settle(response: PrepareResponse | ReadyResponse | EarlyResponse): void {
    const pending = this.#pending.get(response.id);
    if (!pending) return;
    this.#pending.delete(response.id);
    if ('error' in response) pending.reject(new Error(response.error));
    else if ('details' in response) pending.resolve(response.details);
    else if ('early' in response) pending.resolve(response.early);
    else {
      const { id: _, ...page } = response;
      pending.resolve(page);
    }
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/**
 * Renders document bodies with the fast renderer (render-markdown.ts) in worker threads
 * during Astro's content sync, which otherwise renders them one after another on one core
 * while the other waits (about 10 s of a full build at 10,000 documents). Each worker
 * writes the HTML and outline of its bodies into the HTML cache itself (html-cache.ts)
 * and sends back only the outlines; the loader then records the entries in the store.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderedHeading } from '../markdown/render-markdown.ts';

export interface RenderJob {
  /** The entry's digest: the name of its files in the HTML cache. */
  digest: string;
  body: string;
}

export interface RenderBatch {
  id: number;
  htmlDir: string;
  jobs: RenderJob[];
}

export type RenderReply = { id: number; headings: RenderedHeading[][] } | { id: number; error: string };

/** Below this many bodies, starting threads costs more than it saves. */
export const BODIES_FOR_WORKERS = 500;

/** Bodies per message: small enough that both threads stay busy to the end. */
const BATCH = 200;

let pool: RenderPool | undefined;

/** The outline of each body, in order, once its HTML and outline are in `htmlDir`. */
export function renderInWorkers(jobs: readonly RenderJob[], htmlDir: string): Promise<RenderedHeading[][]> {
  pool ??= new RenderPool(Math.max(1, Math.min(availableParallelism(), 4)));
  return pool.render(jobs, htmlDir);
}

/** Stops the threads, once every collection has loaded. */
export async function closeRenderPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}

class RenderPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, { resolve: (headings: RenderedHeading[][]) => void; reject: (error: Error) => void }>();
  #next = 0;
  #turn = 0;

  constructor(threads: number) {
    this.#workers = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL('./render-worker.ts', import.meta.url));
      // Idle threads never keep the process alive (`render` holds them while they work).
      worker.unref();
      worker.on('message', (reply: RenderReply) => {
        const waiting = this.#pending.get(reply.id);
        this.#pending.delete(reply.id);
        if ('error' in reply) waiting?.reject(new Error(reply.error));
        else waiting?.resolve(reply.headings);
      });
      worker.on('error', (error) => this.#failAll(error));
      worker.on('exit', (code) => {
        if (this.#pending.size > 0) this.#failAll(new Error(`a Markdown rendering thread stopped (exit status ${code}) before it finished`));
      });
      return worker;
    });
  }

  async render(jobs: readonly RenderJob[], htmlDir: string): Promise<RenderedHeading[][]> {
    for (const worker of this.#workers) worker.ref();
    try {
      return await this.#dispatch(jobs, htmlDir);
    } finally {
      if (this.#pending.size === 0) for (const worker of this.#workers) worker.unref();
    }
  }

  async #dispatch(jobs: readonly RenderJob[], htmlDir: string): Promise<RenderedHeading[][]> {
    const batches: Promise<RenderedHeading[][]>[] = [];
    for (let at = 0; at < jobs.length; at += BATCH) {
      const id = this.#next++;
      const worker = this.#workers[this.#turn++ % this.#workers.length];
      batches.push(new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject })));
      worker.postMessage({ id, htmlDir, jobs: jobs.slice(at, at + BATCH) } satisfies RenderBatch);
    }
    return (await Promise.all(batches)).flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #failAll(error: Error): void {
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }
}

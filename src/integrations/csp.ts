import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { CspOptions } from '../lib/csp.ts';
import { addPoliciesTo, type PagePolicy, type PageResult } from './csp-pages.ts';
import { FileMemo } from './file-memo.ts';
import { finishesOutsideAstro, type StepLog } from './outside-astro.ts';

/**
 * Gives every built page its Content-Security-Policy (`src/lib/csp.ts`): after
 * the build, each HTML file's inline scripts and styles are hashed and the
 * policy goes first in its `<head>`. Working on the output, not on Astro's
 * components, keeps it right whatever scripts pages, integrations or Pagefind add
 * — provided it runs after them: keep it last in the integration list.
 */
export function csp(options: CspOptions = {}): AstroIntegration {
  let laterHooks: string[] = [];
  return {
    name: 'lectern:csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        const index = config.integrations.findIndex((integration) => integration.name === 'lectern:csp');
        laterHooks = config.integrations
          .slice(index + 1)
          .filter((i) => i.hooks['astro:build:done'] && !WRITES_NO_PAGES.has(i.name))
          .map((i) => i.name);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (finishesOutsideAstro()) return;
        if (laterHooks.length > 0) {
          logger.warn(`${laterHooks.join(', ')} run(s) after lectern:csp; inline scripts added there would be blocked: list csp() last`);
        }
        await addPolicies(fileURLToPath(dir), options, logger);
      },
    },
  };
}

/** Integrations that may run after this one: they write no page. */
const WRITES_NO_PAGES = new Set(['lectern:timings']);

/** Adds the policy to every page of the built site in `outDir`; warns of inline content it blocks. */
export async function addPolicies(
  outDir: string,
  options: CspOptions,
  logger: StepLog,
  {
    shares = 0,
    cacheDir,
    files: listed,
    background = false,
  }: {
    /** Worker threads to share the pages among (1: none); by default one per core for a large site. */
    shares?: number;
    /**
     * The worker threads run at the lowest priority: the pass runs beside another that
     * writes no page (the search index) and takes what that leaves of the machine.
     */
    background?: boolean;
    /** Where what each page held is kept, so that a rebuild reads only the pages that are new files (file-memo.ts). */
    cacheDir?: string;
    /** The site's HTML files (`htmlFiles`), when the caller has listed them; else the site is walked. */
    files?: readonly string[];
  } = {},
): Promise<void> {
  const memo = new FileMemo<PagePolicy>(cacheDir && path.join(cacheDir, MEMO_FILE), memoKey(options), outDir);
  const known: PageResult[] = [];
  const files: string[] = [];
  for (const file of listed ?? htmlFiles(outDir)) {
    const policy = memo.get(file);
    if (policy) known.push({ file, rewritten: false, ...policy });
    else files.push(file);
  }
  shares ||= files.length < PAGES_FOR_WORKERS ? 1 : availableParallelism();
  const found =
    shares === 1
      ? addPoliciesTo(files, options)
      : (await Promise.all(Array.from({ length: shares }, (_, i) => inWorker(files.filter((_, n) => n % shares === i), options, background)))).flat();
  for (const { file, scripts, styles, blocked } of found) memo.set(file, { scripts, styles, blocked });
  memo.save();
  const results = [...known, ...found];
  const sum = (key: 'scripts' | 'styles') => results.reduce((total, result) => total + result[key], 0);
  for (const [file, what] of results.flatMap((result) => result.blocked.map((what) => [result.file, what])).sort()) {
    logger.warn(`${path.relative(outDir, file)}: ${what} is blocked by the Content-Security-Policy`);
  }
  logger.info(
    `Content-Security-Policy on ${results.length} page(s), ${found.filter((result) => result.rewritten).length} of them written again; ` +
      `${sum('scripts')} inline script(s) and ${sum('styles')} inline style(s) allowed by hash` +
      (memo.hits > 0 ? `; ${memo.hits} page(s) unchanged since the last build, not read` : ''),
  );
}

const MEMO_FILE = 'lectern-csp.json';

/** The pass's own code and options: either changed, every page is read again. */
function memoKey(options: CspOptions): string {
  const hash = createHash('sha256').update(JSON.stringify(options));
  for (const file of ['../lib/csp.ts', './csp-pages.ts']) hash.update(readFileSync(new URL(file, import.meta.url)));
  return hash.digest('hex');
}

/** Below this many pages, starting worker threads costs more than it saves. */
const PAGES_FOR_WORKERS = 2000;

function inWorker(files: string[], options: CspOptions, background: boolean): Promise<PageResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./csp-worker.ts', import.meta.url), { workerData: { files, options, background } });
    worker.once('message', (results: PageResult[]) => resolve(results));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the Content-Security-Policy worker stopped (exit status ${code}) before it finished`)));
  });
}

/** Every .html file under `dir`, in a fixed order. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => path.join(dir, name));
}

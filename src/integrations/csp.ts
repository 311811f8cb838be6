import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { CspOptions } from '../lib/csp.ts';
import { addPoliciesTo, type CspReport } from './csp-pages.ts';
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
  /** Worker threads to share the pages among (1: none); by default one per core for a large site. */
  shares = 0,
): Promise<void> {
  const files = htmlFiles(outDir);
  shares ||= files.length < PAGES_FOR_WORKERS ? 1 : availableParallelism();
  const reports =
    shares === 1
      ? [addPoliciesTo(files, options)]
      : await Promise.all(Array.from({ length: shares }, (_, i) => inWorker(files.filter((_, n) => n % shares === i), options)));
  const sum = (key: 'pages' | 'rewritten' | 'scripts' | 'styles') => reports.reduce((total, report) => total + report[key], 0);
  for (const [file, what] of reports.flatMap((report) => report.blocked).sort()) {
    logger.warn(`${path.relative(outDir, file)}: ${what} is blocked by the Content-Security-Policy`);
  }
  logger.info(
    `Content-Security-Policy on ${sum('pages')} page(s), ${sum('rewritten')} of them written again; ` +
      `${sum('scripts')} inline script(s) and ${sum('styles')} inline style(s) allowed by hash`,
  );
}

/** Below this many pages, starting worker threads costs more than it saves. */
const PAGES_FOR_WORKERS = 2000;

function inWorker(files: string[], options: CspOptions): Promise<CspReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./csp-worker.ts', import.meta.url), { workerData: { files, options } });
    worker.once('message', (report: CspReport) => resolve(report));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the Content-Security-Policy worker stopped (exit status ${code}) before it finished`)));
  });
}

/** Every .html file under `dir`, in a fixed order. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => path.join(dir, name));
}

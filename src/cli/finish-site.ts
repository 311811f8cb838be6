import { indexSite } from '../integrations/search-index.ts';
import { addPolicies, htmlFiles } from '../integrations/csp.ts';
import type { StepLog } from '../integrations/outside-astro.ts';
import { readSiteFile } from '../archive/site-file.ts';
import { timed } from '../integrations/timings.ts';
import type { EarlyPages } from '../integrations/search-index-build.ts';

export interface FinishOptions {
  content: string;
  cacheDir: string;
  /** Pages prepared for the index while Astro rendered (search-early.ts). */
  early?: EarlyPages;
  /** People.yaml's names as the check read them. */
  peopleNames?: readonly string[];
}

/**
 * What `lectern build` does to the rendered site after Astro has exited
 * (outside-astro.ts): the search index and the Content-Security-Policy, which
 * must come after everything that writes pages. The index writes no page, so the
 * two run side by side, the policy's threads at the lowest priority: they take the
 * moments the index leaves a core idle instead of 1.6 s at the end (docs/scaling.md).
 * In `astro build` run directly, the integrations of the same names do it, one
 * after the other.
 */
export async function finishSite(outDir: string, { content, cacheDir, early, peopleNames }: FinishOptions): Promise<void> {
  // Listed once for both steps (walking 14,000 page folders took 0.3 s a time).
  const files = htmlFiles(outDir);
  const frameSrc = readSiteFile(content)?.allowIframes ?? [];
  const policies = timed('csp', () => addPolicies(outDir, { frameSrc }, stepLog('lectern:csp'), { cacheDir, files, background: true }));
  const index = indexSite(outDir, { content, cacheDir, early, htmlFiles: files, peopleNames }, stepLog('lectern:search'));
  // Both settle before a failure is passed on: a failed build removes the folder the policy's threads may still be writing in.
  const [indexed, policed] = await Promise.allSettled([index, policies]);
  for (const outcome of [indexed, policed]) if (outcome.status === 'rejected') throw outcome.reason;
}

/** Lines in the shape of Astro's own log (`12:04:05 [label] message`), on standard output as Astro writes them. */
function stepLog(label: string): StepLog {
  const write = (message: string) => {
    const time = new Date().toTimeString().slice(0, 8);
    process.stdout.write(`${time} [${label}] ${message}\n`);
  };
  return { info: write, warn: (message) => write(`[WARN] ${message}`) };
}

/** A worker thread that adds the policy to its share of the pages (csp-pages.ts). */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { CspOptions } from '../lib/csp.ts';
import { addPoliciesTo } from './csp-pages.ts';

const { files, options, background } = workerData as { files: string[]; options: CspOptions; background: boolean };
if (background) {
  try {
    // On Linux a thread has a priority of its own, and 0 names the calling thread: this worker only.
    setPriority(19);
  } catch {
    // Not allowed here: the worker runs at the usual priority.
  }
}
parentPort?.postMessage(addPoliciesTo(files, options));

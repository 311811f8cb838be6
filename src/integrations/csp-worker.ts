/** A worker thread that adds the policy to its share of the pages (csp-pages.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { CspOptions } from '../lib/csp.ts';
import { addPoliciesTo } from './csp-pages.ts';

const { files, options } = workerData as { files: string[]; options: CspOptions };
parentPort?.postMessage(addPoliciesTo(files, options));

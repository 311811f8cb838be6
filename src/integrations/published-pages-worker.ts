/** A worker thread that links the published site's pages in while Astro starts (published-pages.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { linkManifestPages, type LinkRequest } from './published-pages.ts';

parentPort?.postMessage(linkManifestPages(workerData as LinkRequest));

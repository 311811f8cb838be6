/**
 * A worker thread that prepares built pages for Pagefind (search-prepare.ts) and
 * writes each prepared copy where the Pagefind run of its shard reads it.
 * Started by search-prepare-pool.ts with the dictionary as its data.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Converter } from 'opencc-js/t2cn';
import { buildDictionary } from '../lib/search-query.ts';
import { prepareHtml } from './search-prepare.ts';
import type { PrepareRequest, PrepareResponse, PrepareWorkerData } from './search-prepare-pool.ts';

const { names, terms, stock } = workerData as PrepareWorkerData;
const dictionary = buildDictionary(names, terms);
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const toSimplified = Converter({ from: 'tw', to: 'cn' });

parentPort?.on('message', ({ id, file, target }: PrepareRequest) => {
  let response: PrepareResponse;
  try {
    const started = performance.now();
    const html = readFileSync(file, 'utf8');
    const prepared = stock ? { html, traditional: false, names: [], terms: [], length: 0 } : prepareHtml(html, dictionary, segmenter, toSimplified);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, prepared.html);
    response = { id, traditional: prepared.traditional, names: prepared.names, terms: prepared.terms, length: prepared.length, ms: performance.now() - started };
  } catch (error) {
    response = { id, error: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  parentPort?.postMessage(response);
});

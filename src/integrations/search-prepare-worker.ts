/**
 * A worker thread that prepares built pages for the search index (search-prepare.ts)
 * and reads each prepared copy as Pagefind would (pagefind-writer/), or writes it
 * where a run of Pagefind's binary reads it. Started by search-prepare-pool.ts with
 * the dictionary as its data.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Converter } from 'opencc-js/t2cn';
import { buildDictionary } from '../lib/search-query.ts';
import { prepareHtml } from './search-prepare.ts';
import { fossickPage } from './pagefind-writer/fossick.ts';
import { pageRecord } from './pagefind-writer/page-record.ts';
import type { PrepareRequest, PrepareResponse, PrepareWorkerData, ReadyRequest, ReadyResponse } from './search-prepare-pool.ts';
import { pageReadyDetails, queryParts } from './search-ready-results.ts';
import { readFragment } from './pagefind-writer/fragment-file.ts';
import type { PageRecord } from './pagefind-writer/page-record.ts';

const { names, terms, stock } = workerData as PrepareWorkerData;
const dictionary = buildDictionary(names, terms);
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const toSimplified = Converter({ from: 'tw', to: 'cn' });

parentPort?.on('message', (request: PrepareRequest | ReadyRequest) => {
  if ('ready' in request) {
    parentPort?.postMessage(readyDetails(request));
    return;
  }
  const { id, file, output } = request;
  let response: PrepareResponse;
  try {
    const started = performance.now();
    const html = readFileSync(file, 'utf8');
    const prepared = stock ? { html, traditional: false, names: [], terms: [], length: 0 } : prepareHtml(html, dictionary, segmenter, toSimplified);
    let record: PageRecord | undefined;
    if ('target' in output) {
      mkdirSync(path.dirname(output.target), { recursive: true });
      writeFileSync(output.target, prepared.html);
    } else record = pageRecord(fossickPage(prepared.html, output.url));
    response = { id, traditional: prepared.traditional, names: prepared.names, terms: prepared.terms, length: prepared.length, ms: performance.now() - started, record };
  } catch (error) {
    response = { id, error: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  // The record's bytes move to the main thread instead of being copied.
  const record = 'record' in response ? response.record : undefined;
  const transfer = record ? [record.fragmentFile, record.words.locs, record.words.ends, record.words.counts].map((bytes) => bytes.buffer as ArrayBuffer) : [];
  parentPort?.postMessage(response, transfer);
});

const partOf = queryParts(names, terms);

function readyDetails({ id, ready: { file, page, words } }: ReadyRequest): ReadyResponse {
  try {
    return { id, details: pageReadyDetails(page, readFragment(file), words, partOf) };
  } catch (error) {
    return { id, error: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * A worker thread that prepares built pages for the search index (search-prepare.ts)
 * and reads each prepared copy as Pagefind would (pagefind-writer/), or writes it
 * where a run of Pagefind's binary reads it. Started by search-prepare-pool.ts with
 * the dictionary as its data.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { Converter } from 'opencc-js/t2cn';
import { buildDictionary } from '../lib/search-query.ts';
import { prepareHtml } from './search-prepare.ts';
import { fossickPage } from './pagefind-writer/fossick.ts';
import { pageRecord } from './pagefind-writer/page-record.ts';
import type { EarlyRequest, EarlyResponse, PreparedPage, PrepareRequest, PrepareResponse, PrepareWorkerData, ReadyRequest, ReadyResponse } from './search-prepare-pool.ts';
import { pageReadyDetails, queryParts } from './search-ready-results.ts';
import { readFragment } from './pagefind-writer/fragment-file.ts';
import type { PageRecord } from './pagefind-writer/page-record.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

const { names, terms, stock, background } = workerData as PrepareWorkerData;
const dictionary = buildDictionary(names, terms);
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const toSimplified = Converter({ from: 'tw', to: 'cn' });
// On Linux a thread has a priority of its own, and 0 names the calling thread: this worker only.
if (background) {
  try {
    setPriority(19);
  } catch {
    // Not allowed here: the worker runs at the usual priority.
  }
}

parentPort?.on('message', (request: PrepareRequest | ReadyRequest | EarlyRequest) => {
  if ('ready' in request) {
    parentPort?.postMessage(readyDetails(request));
    return;
  }
  if ('early' in request) {
    parentPort?.postMessage(earlyPage(request));
    return;
  }
  const { id, file, output } = request;
  let response: PrepareResponse;
  try {
    const started = performance.now();
    const { html, ...page } = preparedPage(readUtf8(file), 'url' in output ? output.url : undefined);
    if ('target' in output) {
      mkdirSync(path.dirname(output.target), { recursive: true });
      writeFileSync(output.target, html);
    }
    response = { id, ...page, ms: performance.now() - started };
  } catch (error) {
    response = { id, error: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  // The record's bytes move to the main thread instead of being copied.
  const record = 'record' in response ? response.record : undefined;
  const transfer = record ? [record.fragmentFile, record.words.locs, record.words.ends, record.words.counts].map((bytes) => bytes.buffer as ArrayBuffer) : [];
  parentPort?.postMessage(response, transfer);
});

/** The page prepared (its HTML for Pagefind's binary), with its record (Pagefind's reading of it) when `url` is given. */
function preparedPage(html: string, url: string | undefined): Omit<PreparedPage, 'ms'> & { html: string } {
  const prepared = stock ? { html, traditional: false, names: [], terms: [], length: 0 } : prepareHtml(html, dictionary, segmenter, toSimplified);
  const record: PageRecord | undefined = url === undefined ? undefined : pageRecord(fossickPage(prepared.html, url));
  return { ...prepared, record };
}

/** Bytes this worker has appended to each of its files of early pages. */
const saved = new Map<string, number>();

function earlyPage({ id, early: { file, url, save, unless } }: EarlyRequest): EarlyResponse {
  try {
    const started = performance.now();
    const bytes = readFileSync(file);
    // Astro writes a page in one call, but a read can fall in the middle of it.
    if (!endsWithHtml(bytes)) return { id, early: { kind: 'partial' } };
    const hash = createHash('sha1').update(bytes).digest('base64');
    if (hash === unless) return { id, early: { kind: 'cached' } };
    const { html: _, ...page } = preparedPage(bytes.toString('utf8'), url);
    const ms = performance.now() - started;
    const blob = serialize({ ...page, ms } satisfies PreparedPage);
    // A file of its own: the workers append at once.
    const into = `${save}.${threadId}`;
    const offset = saved.get(into) ?? sizeOf(into);
    appendFileSync(into, blob);
    saved.set(into, offset + blob.length);
    return { id, early: { kind: 'saved', hash, file: into, offset, length: blob.length, ms } };
  } catch (error) {
    return { id, error: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const END = Buffer.from('</html>');

function endsWithHtml(bytes: Buffer): boolean {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end--;
  return end >= END.length && bytes.subarray(end - END.length, end).equals(END);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

const partOf = queryParts(names, terms);

function readyDetails({ id, ready: { file, page, words } }: ReadyRequest): ReadyResponse {
  try {
    return { id, details: pageReadyDetails(page, readFragment(file), words, partOf) };
  } catch (error) {
    return { id, error: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

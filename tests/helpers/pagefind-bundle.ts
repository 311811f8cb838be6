import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeCbor, type CborValue } from '../../src/integrations/pagefind-writer/cbor.ts';

/** A Pagefind bundle read back with pages named by URL, so that two bundles of the same pages compare whatever their page numbers. */
export interface ReadBundle {
  version: string;
  metaFields: string[];
  /** URL → fragment (parsed JSON) and word count. */
  pages: Record<string, { fragment: Record<string, unknown>; wordCount: number; extra: CborValue[] }>;
  /** word → URL → [locs, meta locs]; variants as `word[form]`. */
  words: Record<string, Record<string, [CborValue, CborValue]>>;
  /** filter → value → URLs in order. */
  filters: Record<string, Record<string, string[]>>;
  sorts: Record<string, string[]>;
  chunks: number;
  entry: Record<string, unknown>;
}

export function readFile(file: string): Buffer {
  let bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const signature = bytes.subarray(0, 12).toString();
  if (signature !== 'pagefind_dcd') throw new Error(`${file}: no pagefind_dcd signature`);
  return bytes.subarray(12);
}

export function readBundle(dir: string): ReadBundle {
  const metaFile = readdirSync(dir).find((name) => name.endsWith('.pf_meta'))!;
  const [version, pageList, chunks, filterList, sortList, metaFields] = decodeCbor(readFile(path.join(dir, metaFile))) as [string, CborValue[][], CborValue[][], CborValue[][], CborValue[][], string[]];
  const urls: string[] = [];
  const pages: ReadBundle['pages'] = {};
  for (const [name, wordCount, ...extra] of pageList as [string, number, ...CborValue[]][]) {
    const fragment = JSON.parse(readFile(path.join(dir, 'fragment', `${name}.pf_fragment`)).toString('utf8')) as Record<string, unknown>;
    urls.push(fragment.url as string);
    pages[fragment.url as string] = { fragment, wordCount, extra };
  }
  const words: ReadBundle['words'] = {};
  const addPages = (key: string, list: CborValue[][]) => {
    let page = 0;
    for (const [delta, locs, metaLocs] of list as [number, CborValue, CborValue][]) {
      page += delta;
      (words[key] ??= {})[urls[page]] = [locs, metaLocs];
    }
  };
  for (const [, , name] of chunks as [string, string, string][]) {
    const [entries] = decodeCbor(readFile(path.join(dir, 'index', `${name}.pf_index`))) as [[string, CborValue[][], [string, CborValue[][]][]][]];
    for (const [word, list, variants] of entries) {
      addPages(word, list);
      if (list.length === 0) words[word] ??= {};
      for (const [form, variantList] of variants) addPages(`${word}[${form}]`, variantList);
    }
  }
  const filters: ReadBundle['filters'] = {};
  for (const [filter, name] of filterList as [string, string][]) {
    const [, values] = decodeCbor(readFile(path.join(dir, 'filter', `${name}.pf_filter`))) as [string, [string, number[]][]];
    filters[filter] = Object.fromEntries(values.map(([value, list]) => [value, list.map((page) => urls[page])]));
  }
  const sorts = Object.fromEntries((sortList as [string, number[]][]).map(([key, list]) => [key, list.map((page) => urls[page])]));
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as Record<string, unknown>;
  return { version, metaFields, pages, words, filters, sorts, chunks: chunks.length, entry };
}

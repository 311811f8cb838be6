/**
 * Writes a Pagefind 1.6 bundle from pages already read (page-record.ts): the
 * meta file, the word index in chunks, the filter indexes, the fragments and
 * `pagefind-entry.json` — the files `pagefind_extended --site` writes, read by
 * the same `pagefind.js`. A port of Pagefind's `build_indexes` and its writer
 * (pagefind/src/index, pagefind/src/output); tests/search/pagefind-writer.test.ts
 * holds the files to what the binary writes for the same pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CborWriter, encodeCbor, type CborValue } from './cbor.ts';
import { compareCodePoints, rustFloat } from './fossick.ts';
import { INCLUDE_CHARACTERS } from './indexable-words.ts';
import { fullHash, GZIP_LEVEL, SIGNATURE, type PageRecord } from './page-record.ts';

/** The Pagefind versions whose files this module writes: the index format of 1.6. */
export const PAGEFIND_FORMAT = /^1\.6\./;

/** Pagefind's chunk size: a word index file holds words until their positions number this many. */
const CHUNK_SIZE = 20000;

/** [page number, packed positions (CBOR-encoded), how many numbers they are, packed meta positions]. */
type PackedPage = [page: number, locs: Uint8Array, count: number, metaLocs: number[]];

/** An empty CBOR array: the positions of a word that stands only in the page's metadata. */
const NO_LOCS = new Uint8Array([0x80]);

interface PackedWord {
  pages: PackedPage[];
  variants: Map<string, PackedPage[]>;
}

export interface BundleReport {
  /** [fragment name, page URL] of every page. */
  fragments: [name: string, url: string][];
  words: number;
  files: number;
}

/**
 * Writes the bundle of `records` into `dir`, for the search code of Pagefind
 * `version` (written into the files as Pagefind writes its own).
 */
export function writeBundle(dir: string, records: readonly PageRecord[], version: string): BundleReport {
  if (!PAGEFIND_FORMAT.test(version)) {
    throw new Error(
      `Lectern writes the search index in the format of Pagefind 1.6, but Pagefind ${version} is installed: ` +
        'check src/integrations/pagefind-writer against the new version (tests/search/pagefind-writer.test.ts compares the two) or install pagefind@1.6',
    );
  }
  const language = records[0]?.language ?? 'unknown';
  const short = (hash: string) => hash.slice(0, language.length + 8);
  const metaFields = [...new Set(records.flatMap((r) => r.metaKeys))].sort(compareCodePoints);
  const fieldIndex = new Map(metaFields.map((field, i) => [field, i]));

  const words = new Map<string, PackedWord>();
  const filterMap = new Map<string, Map<string, number[]>>();
  records.forEach((record, page) => {
    const entry = (word: string) => {
      let packed = words.get(word);
      if (!packed) words.set(word, (packed = { pages: [], variants: new Map() }));
      return packed;
    };
    const pageIn = (list: PackedPage[]) => {
      let found = list.at(-1);
      if (found?.[0] !== page) list.push((found = [page, NO_LOCS, 0, []]));
      return found;
    };
    const { words: keys, forms, ends, counts, locs } = record.words;
    for (let i = 0; i < keys.length; i++) {
      const packed = entry(keys[i]);
      const entryPage: PackedPage = [page, locs.subarray(i === 0 ? 0 : ends[i - 1], ends[i]), counts[i], []];
      if (forms[i] === '') packed.pages.push(entryPage);
      else {
        const list = packed.variants.get(forms[i]) ?? [];
        packed.variants.set(forms[i], list);
        list.push(entryPage);
      }
    }
    const fields = record.metaKeys.map((key) => fieldIndex.get(key)!);
    for (const [word, positions, variants] of record.metaWords) {
      const packed = entry(word);
      if (positions.length > 0) pageIn(packed.pages)[3] = packMetaPositions(positions, fields);
      for (const [form, variantPositions] of variants) {
        const list = packed.variants.get(form) ?? [];
        packed.variants.set(form, list);
        pageIn(list)[3] = packMetaPositions(variantPositions, fields);
      }
    }
    for (const [filter, values] of Object.entries(record.filters)) {
      const byValue = filterMap.get(filter) ?? new Map<string, number[]>();
      filterMap.set(filter, byValue);
      for (const value of values) {
        const list = byValue.get(value);
        if (list) list.push(page);
        else byValue.set(value, [page]);
      }
    }
  });

  const files: [name: string, content: Uint8Array][] = [];
  const addFile = (name: string, content: Uint8Array) => files.push([name, gzipSync(Buffer.concat([Buffer.from(SIGNATURE), content]), { level: GZIP_LEVEL })]);

  // Fragments: named by the shortest prefix of their hash that no other fragment has.
  const fragmentNames = new Map<string, string>();
  const fragments: [string, string][] = [];
  const pages: CborValue[] = [];
  for (const record of records) {
    let name = short(record.fragmentHash);
    for (let owner = fragmentNames.get(name); owner !== undefined && owner !== record.fragmentHash; owner = fragmentNames.get(name)) {
      name = record.fragmentHash.slice(0, name.length + 1);
    }
    if (!fragmentNames.has(name)) {
      fragmentNames.set(name, record.fragmentHash);
      files.push([`fragment/${name}.pf_fragment`, record.fragmentFile]);
    }
    fragments.push([name, record.url]);
    // The third field is empty in every file Pagefind 1.6 writes.
    pages.push([name, record.wordCount, '']);
  }

  const chunks = chunkWords(words);
  const chunkMeta = chunkRanges(chunks);
  const takenChunks = new Set<string>();
  chunks.forEach((chunk, i) => {
    const bytes = encodeChunk(chunk);
    const name = uniqueName(`${language}_${fullHash(bytes)}`, short, takenChunks);
    chunkMeta[i][2] = name;
    addFile(`index/${name}.pf_index`, bytes);
  });

  const takenFilters = new Set<string>();
  const filters: CborValue[] = [];
  for (const [filter, byValue] of [...filterMap].sort((a, b) => compareCodePoints(a[0], b[0]))) {
    const values = [...byValue].sort((a, b) => compareCodePoints(a[0], b[0]));
    const bytes = encodeCbor([filter, values.map(([value, list]) => [value, list])]);
    const name = uniqueName(`${language}_${fullHash(bytes)}`, short, takenFilters);
    filters.push([filter, name]);
    addFile(`filter/${name}.pf_filter`, bytes);
  }

  const meta = encodeCbor([version, pages, chunkMeta, filters, sortOrders(records), metaFields]);
  const metaHash = `${language}_${fullHash(meta).slice(0, language.length + 8)}`;
  addFile(`pagefind.${metaHash}.pf_meta`, meta);
  const entry = { version, languages: { [language]: { hash: metaHash, wasm: null, page_count: records.length } }, include_characters: INCLUDE_CHARACTERS };
  files.push(['pagefind-entry.json', Buffer.from(JSON.stringify(entry))]);

  for (const sub of ['fragment', 'index', 'filter']) mkdirSync(path.join(dir, sub), { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(dir, name), content);
  return { fragments, words: words.size, files: files.length };
}

/**
 * A word index file: `[[word, pages, [[form, pages]…]]…]` with each page as
 * `[page number as the difference from the one before, positions, meta positions]`.
 * Written straight from the packed words (a million pages of words a shard), not
 * built as arrays for `encodeCbor` first.
 */
function encodeChunk(chunk: readonly [string, PackedWord][]): Buffer {
  const writer = new CborWriter();
  writer.array(1);
  writer.array(chunk.length);
  for (const [word, packed] of chunk) {
    writer.array(3);
    writer.text(word);
    writePages(writer, packed.pages);
    writer.array(packed.variants.size);
    for (const [form, list] of packed.variants) {
      writer.array(2);
      writer.text(form);
      writePages(writer, list);
    }
  }
  return writer.done();
}

function writePages(writer: CborWriter, list: readonly PackedPage[]): void {
  writer.array(list.length);
  let last = 0;
  for (const [page, locs, , metaLocs] of list) {
    writer.array(3);
    writer.int(page - last);
    last = page;
    writer.raw(locs);
    writer.array(metaLocs.length);
    for (const n of metaLocs) writer.int(n);
  }
}

/** `[field, position]` pairs, fields renumbered to the bundle's list, as Pagefind packs them: `-(field + 1)` then positions as differences. */
function packMetaPositions(flat: readonly number[], fields: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([fields[flat[i]], flat[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: number[] = [];
  let field = -1;
  let last = 0;
  for (const [f, position] of pairs) {
    if (f !== field) {
      out.push(-(f + 1));
      field = f;
      last = 0;
    }
    out.push(position - last);
    last = position;
  }
  return out;
}

/** Words in order, cut into chunks of about `CHUNK_SIZE` positions. */
function chunkWords(words: Map<string, PackedWord>): [string, PackedWord][][] {
  const sorted = inCodePointOrder([...words.keys()]).map((word): [string, PackedWord] => [word, words.get(word)!]);
  const chunks: [string, PackedWord][][] = [];
  let chunk: [string, PackedWord][] = [];
  let size = 0;
  for (const word of sorted) {
    for (const [, , count, metaLocs] of word[1].pages) size += count + metaLocs.length + 1;
    chunk.push(word);
    if (size >= CHUNK_SIZE) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * `words` sorted by code point, as Rust sorts strings. The engine's own sort (by
 * UTF-16 unit, in native code) gives the same order unless a word holds a
 * surrogate, and is many times faster than a comparison written in JavaScript.
 */
function inCodePointOrder(words: string[]): string[] {
  return words.some((word) => SURROGATE.test(word)) ? words.sort(compareCodePoints) : words.sort();
}
const SURROGATE = /[\uD800-\uDFFF]/;

/** Each chunk's [from, to, name]: neighbouring bounds cut to the shortest prefixes that still tell them apart. */
function chunkRanges(chunks: readonly [string, PackedWord][][]): [string, string, string][] {
  const ranges: [string, string, string][] = chunks.map((chunk) => [chunk[0]?.[0] ?? '', chunk.at(-1)?.[0] ?? '', '']);
  for (let i = 0; i + 1 < ranges.length; i++) {
    const a = [...ranges[i][1]];
    const b = [...ranges[i + 1][0]];
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const to = a.slice(0, common + 1).join('');
    if (compareCodePoints(to, ranges[i][0]) >= 0) ranges[i][1] = to;
    ranges[i + 1][0] = b.slice(0, common + 1).join('');
  }
  return ranges;
}

/** The short name of an index or filter file; on a clash two characters more, as Pagefind does. */
function uniqueName(hash: string, short: (hash: string) => string, taken: Set<string>): string {
  let name = short(hash);
  while (taken.has(name) && name.length < hash.length) name = hash.slice(0, name.length + 2);
  taken.add(name);
  return name;
}

/** For each sort key, the pages that have it in order: as numbers when every value is one, else as text. */
function sortOrders(records: readonly PageRecord[]): CborValue[] {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r.sort)))].sort(compareCodePoints);
  return keys.map((key) => {
    const values = records.flatMap((r, page) => (r.sort[key] === undefined ? [] : [[r.sort[key], page] as const]));
    const numeric = values.every(([value]) => sortNumber(value) !== undefined);
    const sorted = [...values].sort(numeric ? (a, b) => totalCompare(Math.fround(sortNumber(a[0])!), Math.fround(sortNumber(b[0])!)) : (a, b) => compareCodePoints(a[0], b[0]));
    return [key, sorted.map(([, page]) => page)];
  });
}

/** What Pagefind's sort parser reads as a number (an i32 or an f32), else undefined. */
function sortNumber(value: string): number | undefined {
  if (/^[+-]?\d+$/.test(value)) {
    const n = Number(value);
    if (n >= -(2 ** 31) && n < 2 ** 31) return n;
  }
  return rustFloat(value);
}

/** Rust's `f32::total_cmp` for the values sorting meets. */
function totalCompare(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  return a - b || (Object.is(a, -0) ? (Object.is(b, -0) ? 0 : -1) : Object.is(b, -0) ? 1 : 0);
}

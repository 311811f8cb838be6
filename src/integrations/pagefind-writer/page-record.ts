/**
 * A page as the bundle writer needs it (write-bundle.ts), made where the page is
 * read (a worker thread) and sent to the thread that writes its shard: the
 * fragment ready to write, and each word's positions already packed as
 * Pagefind's index stores them.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FossickedPage, MetaPosition, WordPositions } from './fossick.ts';
import { compareCodePoints } from './fossick.ts';
import { CborWriter } from './cbor.ts';

/**
 * The words of the page with their packed positions (packPositions), each list
 * CBOR-encoded in the worker and laid end to end in `locs`: entry `i` is word
 * `words[i]` in form `forms[i]` ('' for the form without diacritics), bytes up to
 * `ends[i]`, `counts[i]` numbers. A word's plain entry comes before its forms.
 */
export interface WordRecords {
  words: string[];
  forms: string[];
  ends: Uint32Array;
  counts: Uint32Array;
  locs: Uint8Array;
}

/** A word of the page's metadata: [field, position] pairs, flat, and the same for each form with diacritics. */
export type MetaWordRecord = [word: string, positions: number[], variants: [form: string, positions: number[]][]];

export interface PageRecord {
  url: string;
  language: string;
  /** `<language>_<sha1 of the fragment>`: the fragment's name is its shortest unique prefix. */
  fragmentHash: string;
  /** The fragment file's bytes: signature and content, gzipped. */
  fragmentFile: Uint8Array;
  wordCount: number;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  /** The page's meta keys in order: the field numbers of `metaWords` are places in this list. */
  metaKeys: string[];
  words: WordRecords;
  metaWords: MetaWordRecord[];
}

/** What every Pagefind file starts with, inside its gzip. */
export const SIGNATURE = 'pagefind_dcd';

/**
 * Level 4, not Pagefind's 9: at 10,000 documents the word chunks gzip in 1.6 s
 * instead of 2.7 s at level 6 (and about twice that at 9) for 2 % more bytes, the
 * fragments in 1.7 s instead of 2.4 s for 4 % more (docs/scaling.md, item 25).
 */
export const GZIP_LEVEL = 4;

export function pageRecord(page: FossickedPage): PageRecord {
  const fragment = JSON.stringify(page.fragment);
  const entries: [word: string, form: string, locs: number[]][] = [];
  for (const [word, positions] of page.words) {
    entries.push([word, '', packPositions(positions)]);
    for (const [form, list] of sortedForms(page.variants.get(word))) entries.push([word, form, packPositions(list)]);
  }
  // Words written only with diacritics (`café` and never `cafe`).
  for (const [word, forms] of page.variants) if (!page.words.has(word)) for (const [form, list] of sortedForms(forms)) entries.push([word, form, packPositions(list)]);
  const writer = new CborWriter();
  const ends = new Uint32Array(entries.length);
  const counts = new Uint32Array(entries.length);
  entries.forEach(([, , locs], i) => {
    writer.write(locs);
    ends[i] = writer.length;
    counts[i] = locs.length;
  });
  const words: WordRecords = { words: entries.map((e) => e[0]), forms: entries.map((e) => e[1]), ends, counts, locs: new Uint8Array(writer.done()) };
  const metaWords: MetaWordRecord[] = [];
  for (const [word, positions] of page.metaWords) {
    const flat = (list: MetaPosition[]) => list.flatMap((p) => [p.field, p.position]);
    const forms = new Map<string, MetaPosition[]>();
    for (const p of positions) if (p.original !== undefined) forms.set(p.original, [...(forms.get(p.original) ?? []), p]);
    metaWords.push([word, flat(positions.filter((p) => p.original === undefined)), sortedForms(forms).map(([form, list]) => [form, flat(list)])]);
  }
  return {
    url: page.fragment.url,
    language: page.language,
    fragmentHash: `${page.language}_${fullHash(Buffer.from(fragment, 'utf8'))}`,
    // A buffer of its own (not a slice of Node's pool), so that it can be handed to another thread.
    fragmentFile: new Uint8Array(gzipSync(Buffer.concat([Buffer.from(SIGNATURE), Buffer.from(fragment, 'utf8')]), { level: GZIP_LEVEL })),
    wordCount: page.fragment.word_count,
    filters: page.fragment.filters,
    sort: page.sort,
    metaKeys: Object.keys(page.fragment.meta),
    words,
    metaWords,
  };
}

/** Forms with diacritics in Rust's `BTreeMap` order. */
function sortedForms<P>(forms: Map<string, P> | undefined): [string, P][] {
  return forms ? [...forms].sort((a, b) => compareCodePoints(a[0], b[0])) : [];
}

/**
 * Positions ([position, weight] pairs) as Pagefind packs them: by weight;
 * by position within a weight, as differences from the one before; a change of
 * weight written as `-(weight + 1)` followed by the absolute position.
 */
export function packPositions(flat: WordPositions): number[] {
  const out: number[] = [];
  let uniform = true;
  for (let i = 2; i < flat.length && uniform; i += 2) uniform = flat[i + 1] === flat[1];
  // Nearly every word has one weight throughout, and its positions come in order.
  const order = uniform ? undefined : Array.from({ length: flat.length / 2 }, (_, i) => i).sort((a, b) => rank(flat[2 * a + 1]) - rank(flat[2 * b + 1]) || flat[2 * a] - flat[2 * b]);
  let weight = 25;
  let last = 0;
  for (let k = 0; k < flat.length / 2; k++) {
    const i = order ? order[k] : k;
    const [position, w] = [flat[2 * i], flat[2 * i + 1]];
    if (w !== weight) {
      out.push(-w - 1, position);
      weight = w;
    } else out.push(position - last);
    last = position;
  }
  return out;
}

/** Pagefind's order of weights: 25 first (it takes 25 for the ordinary weight, which is 24), then by weight. */
const rank = (weight: number) => (weight === 25 ? 0 : weight);

/**
 * Pagefind's `full_hash`: SHA-1 as hexadecimal, each byte without its leading zero
 * (Rust's `{:x?}`), which names its files.
 */
export function fullHash(bytes: Uint8Array): string {
  let out = '';
  for (const byte of createHash('sha1').update(bytes).digest()) out += byte.toString(16);
  return out;
}

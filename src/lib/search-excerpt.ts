/**
 * Excerpts for search results, built from a page's indexed text.
 *
 * Pagefind marks each matched word on its own (全<mark>市</mark> for 全过程…),
 * so Lectern finds the query's phrases in the text itself and marks each whole
 * occurrence: the reader sees <mark>全过程人民民主</mark>.
 */
import { isLowSurrogate } from './search-text.ts';

/** Text reduced to what a query is compared with, and where each kept character came from. */
export interface MatchKey {
  /** Lower-case letters and digits after NFKC; punctuation and spaces dropped. */
  key: string;
  /** For each UTF-16 unit of `key`, the index in the text where its character starts. */
  starts: number[];
  /** For each UTF-16 unit of `key`, the index in the text just after its character. */
  ends: number[];
}

/** `text` compared the way `normalizeQuery` compares queries, keeping the way back to the text. */
export function matchKey(text: string): MatchKey {
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // Most of a Chinese page: unified ideographs, each its own NFKC form and a letter,
  // kept as runs of the text.
  let run = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) {
      if (run < 0) run = i;
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    if (run >= 0) pieces.push(text.slice(run, i));
    run = -1;
    const end = i + (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1);
    const kept = keptUnits(text.slice(i, end));
    for (let j = 0; j < kept.length; j++) {
      starts.push(i);
      ends.push(end);
    }
    if (kept) pieces.push(kept);
    i = end;
  }
  if (run >= 0) pieces.push(text.slice(run));
  return { key: pieces.join(''), starts, ends };
}

/** What a character other than a unified ideograph keys as: its NFKC form in lower case, letters and digits only (by character, remembered). */
function keptUnits(char: string): string {
  let kept = KEPT_UNITS.get(char);
  if (kept === undefined) {
    kept = '';
    for (const unit of char.normalize('NFKC').toLowerCase()) if (LETTER_OR_DIGIT.test(unit)) kept += unit;
    if (KEPT_UNITS.size >= 50_000) KEPT_UNITS.clear();
    KEPT_UNITS.set(char, kept);
  }
  return kept;
}
const KEPT_UNITS = new Map<string, string>();
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]+$/u;

/**
 * Where `needle` (a `QueryPart.key`) occurs in the text behind `haystack`, as
 * [start, end) text ranges, leaving out occurrences inside one of `exclude`
 * (吴文 inside 吴文毅: names stay whole).
 */
export function findOccurrences(haystack: MatchKey, needle: string, exclude: readonly string[] = []): [number, number][] {
  const ranges: [number, number][] = [];
  if (!needle) return ranges;
  const excluded = exclude.flatMap((other) => findOccurrences(haystack, other));
  let from = 0;
  for (;;) {
    const at = haystack.key.indexOf(needle, from);
    if (at < 0) break;
    const range: [number, number] = [haystack.starts[at], haystack.ends[at + needle.length - 1]];
    if (!excluded.some(([a, b]) => a <= range[0] && range[1] <= b)) ranges.push(range);
    from = at + needle.length;
  }
  return ranges;
}

/** How many times `needle` occurs in the text behind `haystack`, not counting those inside `exclude`. */
export function countOccurrences(haystack: MatchKey, needle: string, exclude: readonly string[] = []): number {
  return findOccurrences(haystack, needle, exclude).length;
}

/** What to mark: a query part's key, and longer names it must not be marked inside. */
export type Needle = string | { key: string; exclude?: readonly string[] };

export interface ExcerptOptions {
  /** About how many characters of text the excerpt shows. */
  length?: number;
  /** How many characters of context to keep before the first mark of a snippet. */
  lead?: number;
  /**
   * Where the text proper starts (after a heading the result shows anyway):
   * occurrences before it are used only when there is none after it.
   */
  bodyStart?: number;
}

interface Occurrence {
  start: number;
  end: number;
  part: number;
}

/**
 * An HTML excerpt of `text` around the place where most of the `needles`
 * (query part keys) occur, each occurrence wrapped in <mark> and everything
 * else escaped. When the parts stand far apart (吴文毅 in the byline, 预算 in
 * the body), a second snippet shows the missing part, after an ellipsis.
 * Without any occurrence, the start of the text, unmarked.
 */
export function buildExcerpt(text: string, needles: readonly Needle[], options: ExcerptOptions = {}): string {
  const length = options.length ?? 80;
  const lead = options.lead ?? 16;
  const { clean, key } = excerptText(text);
  const all: Occurrence[] = needles
    .flatMap((needle, part) => {
      const { key: wanted, exclude = [] } = typeof needle === 'string' ? { key: needle } : needle;
      return findOccurrences(key, wanted, exclude).map(([start, end]) => ({ start, end, part }));
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const bodyStart = options.bodyStart ?? 0;
  const inBody = all.filter((o) => o.start >= bodyStart);
  const occurrences = inBody.length > 0 && new Set(inBody.map((o) => o.part)).size === new Set(all.map((o) => o.part)).size ? inBody : all;
  if (occurrences.length === 0) return renderSnippets(clean, [[0, Math.min(clean.length, length)]], []);

  const window = (size: number, within: readonly Occurrence[]) => {
    let best = { start: within[0].start, parts: new Set<number>(), marks: 0 };
    for (const first of within) {
      const inside = occurrences.filter((o) => o.start >= first.start && o.end <= first.start + size - lead);
      const parts = new Set(inside.map((o) => o.part));
      if (parts.size > best.parts.size || (parts.size === best.parts.size && inside.length > best.marks)) {
        best = { start: first.start, parts, marks: inside.length };
      }
    }
    return best;
  };
  const partCount = new Set(occurrences.map((o) => o.part)).size;
  let best = window(length, occurrences);
  if (best.parts.size === partCount || best.parts.size === 0) {
    return renderSnippets(clean, [snippetRange(clean, best.start, length, lead)], occurrences);
  }
  // Two snippets of half the length each: the best one, and one for the parts it lacks.
  const half = Math.ceil(length / 2);
  best = window(half, occurrences);
  const missing = occurrences.filter((o) => !best.parts.has(o.part));
  const second = window(half, missing);
  const ranges = [snippetRange(clean, best.start, half, lead), snippetRange(clean, second.start, half, lead)].sort((a, b) => a[0] - b[0]);
  if (ranges[1][0] <= ranges[0][1]) ranges.splice(0, 2, [ranges[0][0], Math.max(ranges[0][1], ranges[1][1])]);
  return renderSnippets(clean, ranges, occurrences);
}

/** The text an excerpt is cut from and its key; the last one is remembered, as a page's results for several words share it. */
function excerptText(text: string): { clean: string; key: MatchKey } {
  if (lastExcerpt?.text !== text) {
    const clean = text.replace(/\u200B/g, '').replace(/\s+/g, ' ').trim();
    lastExcerpt = { text, clean, key: matchKey(clean) };
  }
  return lastExcerpt;
}
let lastExcerpt: { text: string; clean: string; key: MatchKey } | undefined;

function snippetRange(text: string, match: number, length: number, lead: number): [number, number] {
  const start = sentenceStart(text, Math.max(0, match - lead), match);
  return [start, Math.min(text.length, start + length)];
}

function renderSnippets(text: string, ranges: readonly [number, number][], occurrences: readonly Occurrence[]): string {
  let html = '';
  let last = 0;
  for (const range of ranges) {
    const marks = mergeRanges(occurrences.filter((o) => o.start < range[1] && o.end > range[0]).map((o) => [o.start, o.end]));
    // Never cut a mark: the snippet grows to hold it whole.
    const start = Math.min(range[0], marks[0]?.[0] ?? range[0]);
    const end = Math.max(range[1], marks.at(-1)?.[1] ?? range[1]);
    last = end;
    if (start > 0) html += '…';
    let at = start;
    for (const [from, to] of marks) {
      html += escapeHtml(text.slice(at, from)) + '<mark>' + escapeHtml(text.slice(from, to)) + '</mark>';
      at = to;
    }
    html += escapeHtml(text.slice(at, end));
  }
  if (last < text.length) html += '…';
  return html;
}

/** Starts the excerpt just after a sentence end when one is close before the match. */
function sentenceStart(text: string, start: number, match: number): number {
  for (let i = match - 1; i >= start; i--) {
    if ('。！？；!?;'.includes(text[i])) return i + 1;
  }
  return start;
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The texts inside <mark> of an excerpt, with marks that touch (only spaces or
 * zero-width spaces between them) joined: how a reader sees the highlights.
 */
export function markedTexts(excerptHtml: string): string[] {
  const joined = excerptHtml.replace(/<\/mark>[\s\u200B]*<mark>/g, '');
  return [...joined.matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((m) => decodeEntities(m[1]).replace(/\u200B/g, ''));
}

function decodeEntities(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

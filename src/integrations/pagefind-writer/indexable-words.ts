/**
 * The words Pagefind 1.6 indexes for one word of a page's text: the word
 * lowercased with everything but letters, digits and the connector characters
 * taken out, the parts of a compound word (hyphenated, dotted, camelCase), the
 * suffixes of a dotted word (`npc.gov.cn` is also found by `gov.cn`), and emoji.
 * A port of `get_indexable_words` (pagefind/src/fossick/splitting.rs) and of the
 * word boundaries of the `convert_case` crate it uses; tests/search/pagefind-writer.test.ts
 * holds the result to what Pagefind's own binary indexes.
 */

export interface IndexableWord {
  /** The form the word is indexed under (no diacritics: café → cafe). */
  word: string;
  /** The form with its diacritics, when that differs. */
  original?: string;
  /** A part of a compound word: it shares the word's weight with the other parts. */
  part: boolean;
}

/** Connector punctuation counts as part of a word (pagefind-entry.json `include_characters`). */
export const INCLUDE_CHARACTERS = ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];
const INCLUDED = new Set(INCLUDE_CHARACTERS);

const ALPHANUMERIC = /[\p{Alphabetic}\p{N}]/u;
const UPPERCASE = /\p{Uppercase}/u;
const NON_ALPHANUMERIC = /[^\p{Alphabetic}\p{N}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const EMOJI_PROPERTY = /\p{Emoji}/u;
const RGI_EMOJI = /^\p{RGI_Emoji}$/v;
const COMBINING_MARK = /\p{M}/gu;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function indexableWords(raw: string): IndexableWord[] {
  const results: IndexableWord[] = [];
  const normalized = normalizeWord(raw);
  if (normalized) results.push(withDiacritics(normalized, false));
  if (!possiblyCompound(raw)) return results;
  const parts = discreteWords(raw);
  if (normalized && (/\s/.test(parts) || !normalized.startsWith(parts))) {
    const words = parts.split(' ').filter((part) => utf8Length(part) > 1);
    for (const part of words) results.push(withDiacritics(part, true));
    // The suffixes of a dotted word, as Pagefind 1.6 adds them (not in its 1.5 source).
    if (raw.includes('.')) {
      const segments = raw.split('.');
      for (let i = 1; i < segments.length; i++) {
        const suffix = normalizeWord(segments.slice(i).join('.'));
        if (utf8Length(suffix) > 1 && !words.includes(suffix)) {
          words.push(suffix);
          results.push(withDiacritics(suffix, true));
        }
      }
    }
  }
  if (EMOJI_PROPERTY.test(raw)) {
    for (const { segment } of graphemes.segment(raw)) if (isEmoji(segment)) results.push({ word: segment, part: false });
  }
  return results;
}

/** An emoji as the `emojis` crate knows them: fully qualified, or without its variation selector (↩ for ↩️). */
function isEmoji(grapheme: string): boolean {
  return RGI_EMOJI.test(grapheme) || RGI_EMOJI.test(`${grapheme}\ufe0f`) || RGI_EMOJI.test(grapheme.replaceAll('\ufe0f', ''));
}

/** Letters, digits and connectors only, lowercased. */
function normalizeWord(raw: string): string {
  let out = '';
  for (const char of raw) {
    const code = char.charCodeAt(0);
    if (code < 0x80) {
      if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) out += char;
      else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
      else if (code === 0x5f) out += char;
    } else if (ALPHANUMERIC.test(char) || INCLUDED.has(char)) {
      out += UPPERCASE.test(char) ? char.toLowerCase() : char;
    }
  }
  return out;
}

function possiblyCompound(raw: string): boolean {
  if (NON_ALPHANUMERIC.test(raw)) return true;
  let first = true;
  for (const char of raw) {
    if (!first && UPPERCASE.test(char)) return true;
    first = false;
  }
  return false;
}

function withDiacritics(word: string, part: boolean): IndexableWord {
  if (/^[\x00-\x7f]*$/.test(word)) return { word, part };
  const plain = word.normalize('NFD').replace(COMBINING_MARK, '');
  return plain === word ? { word, part } : { word: plain, original: word, part };
}

/** ASCII punctuation as spaces, then the word split at case and digit boundaries, lowercased, one space between parts. */
function discreteWords(raw: string): string {
  return splitBoundaries(raw.replace(ASCII_PUNCTUATION, ' '))
    .map((word) => word.toLowerCase())
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/**
 * `convert_case`'s default boundaries (0.11): underscore, hyphen and space (taken
 * out), and lower→upper, lower→digit, upper→digit, digit→lower, digit→upper and
 * the end of an acronym (XMLHttp → XML Http), between graphemes.
 */
function splitBoundaries(text: string): string[] {
  if (!text) return [];
  const g = [...graphemes.segment(text)].map((s) => s.segment);
  const words: string[] = [];
  let word = '';
  let skip = 0;
  for (let i = 0; i < g.length; i++) {
    if (skip > 0) {
      skip--;
      continue;
    }
    const [a, b, c] = [g[i], g[i + 1], g[i + 2]];
    if (a === '_' || a === '-' || a === ' ') {
      words.push(word);
      word = '';
      continue;
    }
    word += a;
    if (b === undefined) continue;
    const split =
      (isLower(a) && isUpper(b)) ||
      (isLower(a) && isDigit(b)) ||
      (isUpper(a) && isDigit(b)) ||
      (isDigit(a) && isLower(b)) ||
      (isDigit(a) && isUpper(b)) ||
      (isUpper(a) && isUpper(b) && c !== undefined && isLower(c));
    if (split) {
      words.push(word);
      word = '';
    }
  }
  words.push(word);
  return words;
}

const isDigit = (g: string) => /^[0-9]+$/.test(g);
const isUpper = (g: string) => g.toUpperCase() !== g.toLowerCase() && g === g.toUpperCase();
const isLower = (g: string) => g.toUpperCase() !== g.toLowerCase() && g === g.toLowerCase();

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * What Lectern does to a page's text before Pagefind indexes it, as pure functions.
 *
 * Lectern cuts the text into words itself and hands Pagefind a copy declared in a
 * language Pagefind does not segment (`INDEX_LANGUAGE`), with a hair space
 * between words: Pagefind then only splits at white space. That is a third of
 * the work and half the memory of letting Pagefind cut Chinese with jieba
 * (docs/scaling.md), and the index holds the words the query asks for
 * (search-query.ts), cut by the same segmenter:
 *
 * - a known name is indexed one character at a time (吴 文 毅), as the query asks;
 * - a known term is cut on its own, as the segmenter cuts it alone;
 * - other Chinese text is cut where `Intl.Segmenter` cuts it, which is what the
 *   browser does to the query;
 * - punctuation stands apart, so no word runs on across it.
 *
 * Pagefind turns every white space into a space in the text it keeps, so
 * `readableIndexedText` takes the spaces next to Chinese out again before a
 * reader sees an excerpt.
 */
import { isHan, matchDictionary, type SearchDictionary } from './search-query.ts';

/** Between the words of the indexed copy (U+200A HAIR SPACE: white space to Pagefind). */
export const WORD_SPACE = '\u200A';

/**
 * The language the indexed copy is declared in: "no linguistic content", so
 * Pagefind neither segments nor stems it. The search page stays `zh-CN`;
 * Pagefind falls back to the only index there is.
 */
export const INDEX_LANGUAGE = 'zxx';

/**
 * Put into the indexed text where a document's byline ends and its text begins
 * (U+2063, invisible), so excerpts can prefer the text to the byline.
 */
export const BODY_START = '\u2063';

/** Characters that get a word space on either side: Han, and what is neither a letter, a digit, a space nor ASCII. */
const SPACED_CHAR = /[\p{Script=Han}]|[^\p{L}\p{N}\s\x21-\x7E]/u;

/** `SPACED_CHAR` for the character at `i`, without a regular expression for the common cases (it runs on every character). */
function spacedAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return false;
  // Han (unified ideographs and extension A, compatibility ideographs), and the
  // halves of a supplementary character, as the regular expression sees them.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) return true;
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return SPACED_CHAR.test(text[i]);
}
const HAN_RUN = /\p{Script=Han}+/gu;
/** The second unit of a character beyond U+FFFF. */
export const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * `text` with a word space between every two words, and around punctuation that
 * is not ASCII. The segmenter reads the whole text once (a call per stretch of
 * Chinese costs four times as much); names and terms then override its cuts.
 */
export function spaceWords(text: string, dictionary: SearchDictionary, segmenter: Intl.Segmenter): string {
  return spaceWordsEach([text], dictionary, segmenter)[0];
}

/**
 * `texts.map((text) => spaceWords(text, dictionary, segmenter))`, with one call of
 * the segmenter for all of them: the text nodes of a page read in one call cost a
 * fifth less than node by node. They are read joined by line breaks, where the
 * segmenter always cuts and no Han run or dictionary match continues, so each
 * comes out as it would alone (a property test holds it to `spaceWords` node by node).
 */
export function spaceWordsEach(texts: readonly string[], dictionary: SearchDictionary, segmenter: Intl.Segmenter): string[] {
  const out = texts.slice();
  // White space and ASCII (most text nodes between tags) have nothing to space.
  const spaced = texts.flatMap((text, index) => (NON_ASCII.test(text) ? [index] : []));
  if (spaced.length === 0) return out;
  const source = halfWidthAlphanumerics(spaced.map((index) => texts[index]).join(HARD_BREAK));
  const cut = wordCuts(source, dictionary, segmenter);
  let from = 0;
  for (const index of spaced) {
    const to = from + texts[index].length;
    out[index] = joinWords(source, cut, from, to);
    from = to + HARD_BREAK.length;
  }
  return out;
}
const NON_ASCII = /[^\x00-\x7F]/;
/** Between the texts `spaceWordsEach` reads at once: word breaking always breaks around a line feed (UAX #29, WB3a and WB3b). */
const HARD_BREAK = '\n';

/** Where words start in `source` (1 at each index that starts one): the segmenter's cuts, overridden by names and terms. */
function wordCuts(source: string, dictionary: SearchDictionary, segmenter: Intl.Segmenter): Uint8Array {
  const cut = new Uint8Array(source.length + 1);
  for (const { index } of segmenter.segment(source)) cut[index] = 1;
  for (const run of source.matchAll(HAN_RUN)) {
    let at = run.index;
    cut[at] = 1;
    cut[at + run[0].length] = 1;
    for (const piece of matchDictionary(run[0], dictionary)) {
      if (piece.kind !== 'text') {
        cut.fill(0, at + 1, at + piece.text.length);
        cut[at] = 1;
        cut[at + piece.text.length] = 1;
        if (piece.kind === 'name') {
          let offset = 0;
          for (const char of piece.text) {
            cut[at + offset] = 1;
            offset += char.length;
          }
        }
        else for (const offset of termCuts(piece.text, segmenter)) cut[at + offset] = 1;
      }
      at += piece.text.length;
    }
  }
  return cut;
}

/** `source[from, to)` with a word space at each cut that has Chinese or punctuation on one side, and at either end. */
function joinWords(source: string, cut: Uint8Array, from: number, to: number): string {
  const words: string[] = [];
  let start = from;
  for (let i = from + 1; i < to; i++) {
    if (cut[i] && !isLowSurrogate(source.charCodeAt(i)) && (spacedAt(source, i - 1) || spacedAt(source, i))) {
      words.push(source.slice(start, i));
      start = i;
    }
  }
  words.push(source.slice(start, to));
  let out = words.join(WORD_SPACE);
  // At either end too, so that no word runs on into the next element's text.
  if (out && spacedAt(out, 0)) out = WORD_SPACE + out;
  if (out && spacedAt(out, out.length - 1)) out += WORD_SPACE;
  return out;
}

/**
 * How often each known name occurs in `text`, taking the longest name at each
 * place as the index does (吴文 inside 吴文毅 is not 吴文): the name index of the
 * search page (search-names.ts).
 */
export function countNames(text: string, dictionary: SearchDictionary): [string, number][] {
  const counts = new Map<string, number>();
  for (const [run] of text.matchAll(HAN_RUN)) {
    for (const piece of matchDictionary(run, dictionary)) {
      if (piece.kind === 'name') counts.set(piece.text, (counts.get(piece.text) ?? 0) + 1);
    }
  }
  return [...counts];
}

/**
 * How often each known term occurs in `text`, anywhere (人大代表 inside 全国人大代表
 * too, as a phrase search finds it): the term index (search-names.ts).
 */
export function countTerms(text: string, terms: Iterable<string>): [string, number][] {
  const counts: [string, number][] = [];
  for (const term of terms) {
    let count = 0;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) count++;
    if (count > 0) counts.push([term, count]);
  }
  return counts;
}

/** Where the segmenter cuts a term read on its own, as offsets inside it (the query cuts it so). */
const termCutCache = new Map<string, number[]>();
function termCuts(term: string, segmenter: Intl.Segmenter): number[] {
  let cuts = termCutCache.get(term);
  if (!cuts) {
    cuts = [...segmenter.segment(term)].map((s) => s.index).filter((index) => index > 0);
    termCutCache.set(term, cuts);
  }
  return cuts;
}

/** Characters next to which a space in the indexed text is one Lectern put there. */
const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF\\u2014\\u2018\\u2019\\u201C\\u201D\\u2026';
const LECTERN_SPACE = new RegExp(`(?<=[${CJK}])[ \\u200A]+|[ \\u200A]+(?=[${CJK}])`, 'gu');

/**
 * Indexed text (a fragment's content or meta) as readers should see it: without
 * Lectern's word spaces and zero-width marks. The spaces Pagefind made of them
 * stand next to Chinese text or punctuation, where Chinese puts none (a space
 * the text had there, as in `GDP 增长`, goes too).
 */
export function readableIndexedText(text: string): string {
  return text.replace(/[\u200B\u2063]/g, '').replace(LECTERN_SPACE, '');
}

/**
 * Full-width letters and digits (２０２４, ＡＢＣ) as half-width: Pagefind indexes
 * them as written, while queries are NFKC-normalised. Punctuation stays as it is,
 * because readers see this text in excerpts.
 */
export function halfWidthAlphanumerics(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Applies `transform` to every text node of an HTML document, leaving tags,
 * attributes, comments and the contents of <script> and <style> untouched.
 */
export function mapHtmlText(html: string, transform: (text: string) => string): string {
  return mapHtmlTexts(html, (texts) => texts.map(transform));
}

/** `mapHtmlText` with all the text nodes handed to `transform` at once; it gives back one text for each. */
export function mapHtmlTexts(html: string, transform: (texts: string[]) => string[]): string {
  // Markup and text alternate, starting and ending with text (maybe empty).
  const parts: string[] = [];
  let at = 0;
  for (const match of html.matchAll(MARKUP)) {
    parts.push(html.slice(at, match.index), match[0]);
    at = match.index + match[0].length;
  }
  parts.push(html.slice(at));
  const texts: string[] = [];
  for (let i = 0; i < parts.length; i += 2) if (parts[i] !== '') texts.push(parts[i]);
  const transformed = transform(texts);
  let next = 0;
  for (let i = 0; i < parts.length; i += 2) if (parts[i] !== '') parts[i] = transformed[next++];
  return parts.join('');
}

/** What `mapHtmlText` leaves alone: comments, tags, and <script> and <style> with their contents. */
const MARKUP = /<!--[\s\S]*?-->|<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** The text of an HTML fragment, tags dropped (entities are left as written). */
export function htmlText(html: string): string {
  let text = '';
  let at = 0;
  for (const match of html.matchAll(MARKUP)) {
    text += html.slice(at, match.index);
    at = match.index + match[0].length;
  }
  return text + html.slice(at);
}

/**
 * The first `count` Han characters of `text`, as `/\p{Script=Han}/gu` finds them,
 * without the regular expression where the code point decides: no Han character lies
 * below U+2E80, and every one of U+4E00–U+9FFF is Han.
 */
export function firstHan(text: string, count: number): string[] {
  const han: string[] = [];
  for (let i = 0; i < text.length && han.length < count; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x2e80) continue;
    if (code >= 0x4e00 && code <= 0x9fff) {
      han.push(text[i]);
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (char.length === 2) i++;
    if (HAN_CHAR.test(char)) han.push(char);
  }
  return han;
}
const HAN_CHAR = /^\p{Script=Han}$/u;

/**
 * Whether a text is written in Traditional characters: at least 5 % of its Han
 * characters (and at least 3) change when converted to Simplified. A Simplified
 * text quoting a Traditional name stays Simplified. The first 2,000 Han
 * characters decide: a page is written in one script throughout.
 */
export function isTraditional(text: string, toSimplified: (text: string) => string): boolean {
  const han = firstHan(text, 2000);
  if (han.length === 0) return false;
  let converted = [...toSimplified(han.join(''))];
  // A conversion that changed a length would shift the rest: compare character by
  // character then (one a line, ten times slower, so only then).
  if (converted.length !== han.length) converted = toSimplified(han.join('\n')).split('\n');
  if (converted.length !== han.length) return true;
  let changed = 0;
  for (let i = 0; i < han.length; i++) if (han[i] !== converted[i]) changed++;
  return changed >= 3 && changed / han.length >= 0.05;
}

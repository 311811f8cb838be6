/**
 * What Lectern does to a page's text before Pagefind indexes it, as pure functions.
 *
 * Pagefind splits a page into words at white space and then cuts Chinese with
 * jieba; it drops the zero-width space (U+200B) from words but jieba never joins
 * characters across one. Lectern puts zero-width spaces where words must end, so
 * the reader sees the same text and the index sees the words the query will ask
 * for (search-query.ts):
 *
 * - a known name is indexed one character at a time (吴|文|毅), as the query asks;
 * - a known term is cut on its own, where the browser's segmenter cuts it;
 * - optionally (`align`), all Chinese text is cut where the browser's segmenter
 *   cuts it, so jieba can only cut finer, never differently.
 */
import { isHan, matchDictionary, type SearchDictionary, type WordSegmenter } from './search-query.ts';

export const WORD_BREAK = '\u200B';

/**
 * Put into the indexed text where a document's byline ends and its text begins
 * (U+2063, invisible), so excerpts can prefer the text to the byline.
 */
export const BODY_START = '\u2063';

export interface ProtectOptions {
  /** Cut all Chinese text at the segmenter's word boundaries, not only dictionary entries. */
  align?: boolean;
}

/** `text` with zero-width spaces where the index must see a word end. */
export function protectText(
  text: string,
  dictionary: SearchDictionary,
  segment: WordSegmenter,
  options: ProtectOptions = {},
): string {
  const protectedText = halfWidthAlphanumerics(text).replace(/\p{Script=Han}+/gu, (run) => {
    let out = '';
    for (const piece of matchDictionary(run, dictionary)) {
      if (piece.kind === 'name') out += WORD_BREAK + [...piece.text].join(WORD_BREAK) + WORD_BREAK;
      else if (piece.kind === 'term') out += WORD_BREAK + segmentKeepingAll(piece.text, segment).join(WORD_BREAK) + WORD_BREAK;
      else out += options.align ? segmentKeepingAll(piece.text, segment).join(WORD_BREAK) : piece.text;
    }
    return out;
  });
  // A break at either end of a text node is not needed, and at the end it would
  // hide the last letter from Pagefind, which then runs two blocks together.
  return protectedText.replace(/^\u200B+|\u200B+$/g, '');
}

/** Segments that together give back all of `text` (the segmenter may drop nothing here: `text` is all Han). */
function segmentKeepingAll(text: string, segment: WordSegmenter): string[] {
  const words = segment(text);
  return words.join('') === text ? words : [text];
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
  const markup = /<!--[\s\S]*?-->|<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
  const text = (from: number, to: number) => (to > from ? transform(html.slice(from, to)) : '');
  let out = '';
  let at = 0;
  for (const match of html.matchAll(markup)) {
    out += text(at, match.index) + match[0];
    at = match.index + match[0].length;
  }
  return out + text(at, html.length);
}

/** The text of an HTML fragment, tags dropped (entities are left as written). */
export function htmlText(html: string): string {
  let text = '';
  mapHtmlText(html, (t) => {
    text += t;
    return t;
  });
  return text;
}

/**
 * Whether a text is written in Traditional characters: at least 5 % of its Han
 * characters (and at least 3) change when converted to Simplified. A Simplified
 * text quoting a Traditional name stays Simplified.
 */
export function isTraditional(text: string, toSimplified: (text: string) => string): boolean {
  const han = [...text].filter(isHan);
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

/**
 * The copy of a built page that Pagefind indexes (the page on disk is not
 * changed): Traditional text in Simplified, the text cut into words in a
 * language Pagefind does not segment (search-text.ts), the byline punctuated and
 * the start of the body marked. Pure, so that worker threads can run it
 * (search-prepare-pool.ts).
 */
import type { SearchDictionary } from '../lib/search-query.ts';
import { BODY_START, countNames, countTerms, htmlText, INDEX_LANGUAGE, isTraditional, mapHtmlText, mapHtmlTexts, spaceWordsEach, WORD_SPACE } from '../lib/search-text.ts';

/** What an occurrence of a term in a heading counts for in the term index. */
const HEADING_WEIGHT = 5;

export interface PreparedHtml {
  html: string;
  traditional: boolean;
  /** How often each known name stands in the indexed text (never counting a longer name it begins). */
  names: [string, number][];
  /**
   * How often each known term occurs in the indexed text, an occurrence in a
   * heading counting `HEADING_WEIGHT` times (Pagefind, too, weighs headings).
   */
  terms: [string, number][];
  /** Characters of indexed text, for weighing those counts by the page's length. */
  length: number;
}

/**
 * A page's HTML as Pagefind should read it: Traditional characters converted to
 * Simplified (the original title kept for display), the text cut into words
 * (search-text.ts) and declared in a language Pagefind does not segment.
 */
export function prepareHtml(
  html: string,
  dictionary: SearchDictionary,
  segmenter: Intl.Segmenter,
  toSimplified: (text: string) => string,
): PreparedHtml {
  let out = html;
  const traditional = isTraditional(htmlText(bodyHtml(html)), toSimplified);
  if (traditional) {
    const title = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
    out = mapHtmlText(out, toSimplified);
    if (title !== undefined) {
      const value = htmlText(title).replace(/"/g, '&quot;').trim();
      out = out.replace('</body>', `<span hidden data-pagefind-meta="display_title[data-value]" data-value="${value}"></span></body>`);
    }
  }
  out = out.replace(/<html\b[^>]*>/, (tag) => tag.replace(/\slang="[^"]*"/, '').replace(/^<html/, `<html lang="${INDEX_LANGUAGE}"`));
  // Only the indexed part: Pagefind reads nothing else of a page that marks one,
  // nor the text of what it ignores there (the table of contents, a <nav> it skips).
  const [bodyFrom, bodyTo] = bodyRange(out);
  const body = withoutIgnoredText(out.slice(bodyFrom, bodyTo));
  // Counted before the words are spaced apart (the count reads names whole), in
  // the text Pagefind keeps of the page.
  const kept = withoutIgnored(body);
  const text = htmlText(kept);
  const headings = [...kept.matchAll(/<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => htmlText(m[1])).join('\n');
  const spaced = spacedNodes(dictionary, segmenter);
  out = out.slice(0, bodyFrom) + mapHtmlTexts(body, spaced) + out.slice(bodyTo);
  // Pagefind runs a <dt> and its <dd> together (讲话人谢天学场合开班式); in the
  // indexed copy they read as 讲话人：谢天学。场合：开班式。
  out = punctuateBefore(punctuateBefore(out, '</dt>', '：:', '：'), '</dd>', '。；！？.;!?', '。');
  // Where the byline ends and the text proper begins, for excerpts (search-engine.ts).
  const start = out.indexOf('data-pagefind-body');
  const bylineEnd = start < 0 ? -1 : out.indexOf('</dl>', start);
  if (bylineEnd >= 0) out = `${out.slice(0, bylineEnd + 5)}${WORD_SPACE}${BODY_START}${WORD_SPACE}${out.slice(bylineEnd + 5)}`;
  const inHeadings = new Map(countTerms(headings, dictionary.terms));
  const terms = countTerms(text, dictionary.terms).map(([term, count]): [string, number] => [term, count + (HEADING_WEIGHT - 1) * (inHeadings.get(term) ?? 0)]);
  return { html: out, traditional, names: countNames(text, dictionary), terms, length: text.replace(/\s/g, '').length };
}

/** Text nodes at most this long are spaced once per worker and then looked up: labels, dates, names and white space repeat from page to page. */
const REMEMBERED_LENGTH = 40;
/** Bounds the memory of the nodes remembered (an archive of 10,000 documents has some 70,000 distinct ones). */
const REMEMBERED_NODES = 100_000;
const remembered = new WeakMap<Intl.Segmenter, WeakMap<SearchDictionary, Map<string, string>>>();

/**
 * `spaceWordsEach` over a page's text nodes, remembering the short ones (it is pure:
 * the same node comes out the same); the others are spaced in one call.
 */
function spacedNodes(dictionary: SearchDictionary, segmenter: Intl.Segmenter): (nodes: string[]) => string[] {
  let byDictionary = remembered.get(segmenter);
  if (!byDictionary) remembered.set(segmenter, (byDictionary = new WeakMap()));
  let known = byDictionary.get(dictionary);
  if (!known) byDictionary.set(dictionary, (known = new Map()));
  const memo = known;
  return (nodes) => {
    const out = nodes.slice();
    const toSpace: number[] = [];
    nodes.forEach((node, index) => {
      const spaced = node.length > REMEMBERED_LENGTH ? undefined : memo.get(node);
      if (spaced === undefined) toSpace.push(index);
      else out[index] = spaced;
    });
    const spaced = spaceWordsEach(toSpace.map((index) => nodes[index]), dictionary, segmenter);
    toSpace.forEach((index, n) => {
      out[index] = spaced[n];
      if (nodes[index].length > REMEMBERED_LENGTH) return;
      if (memo.size >= REMEMBERED_NODES) memo.clear();
      memo.set(nodes[index], spaced[n]);
    });
    return out;
  };
}

/**
 * `html` with `WORD_SPACE` and `mark` after the last character before each `close`
 * tag, unless that character is white space or one of `ends` (white space between
 * it and the tag stays after the mark). What `/([^ends\s])(\s*)<close>/g` replaced
 * with `$1 mark$2<close>` does, without trying the pattern at every character.
 */
export function punctuateBefore(html: string, close: string, ends: string, mark: string): string {
  let out = '';
  let from = 0;
  for (let at = html.indexOf(close); at >= 0; at = html.indexOf(close, at + close.length)) {
    let end = at;
    while (end > from && WHITE_SPACE.test(html[end - 1])) end--;
    if (end === from || ends.includes(html[end - 1])) continue;
    out += `${html.slice(from, end)}${WORD_SPACE}${mark}${html.slice(end, at)}${close}`;
    from = at + close.length;
  }
  return from === 0 ? html : out + html.slice(from);
}
const WHITE_SPACE = /\s/;

/**
 * `html` without the elements marked `data-pagefind-ignore` (the site marks a
 * <div> of facet <span>s and the table of contents, neither of which holds an
 * element of its own kind).
 */
function withoutIgnored(html: string): string {
  return html.replace(IGNORED, '');
}
const IGNORED = /<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/\1>/g;

/**
 * `html` without the ignored elements that give Pagefind nothing (no filter, meta or
 * sort attribute inside), each replaced by a space as the element's end would
 * separate words: their text need not be cut into words for an index that skips it.
 */
function withoutIgnoredText(html: string): string {
  return html.replace(IGNORED, (element) => (/\sdata-pagefind-(?:filter|meta|sort)\b/.test(element) ? element : ' '));
}

/** The indexed part of a page: the content of the element marked `data-pagefind-body`. */
function bodyHtml(html: string): string {
  return html.slice(...bodyRange(html));
}

/**
 * Where the content of the `data-pagefind-body` element starts and ends (its
 * first end tag: the site marks an <article>, which holds no other); the whole
 * page when none is marked.
 */
function bodyRange(html: string): [number, number] {
  const at = html.indexOf('data-pagefind-body');
  if (at < 0) return [0, html.length];
  const open = html.lastIndexOf('<', at);
  const name = /^<([a-zA-Z][\w-]*)/.exec(html.slice(open))?.[1] ?? 'article';
  const end = html.indexOf(`</${name}>`, at);
  return [html.indexOf('>', at) + 1, end < 0 ? html.length : end];
}

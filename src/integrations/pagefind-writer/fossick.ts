/**
 * What Pagefind 1.6 reads from one built page: the text it keeps (`content`),
 * each word's positions and weights, the words of the metadata, filters, sort
 * keys and anchors. A port of Pagefind's page reader (pagefind/src/fossick:
 * `DomParser` and `parse_digest`) for pages whose language it does not segment,
 * which is what Lectern gives it (search-text.ts `INDEX_LANGUAGE`): the words are
 * already cut. tests/search/pagefind-writer.test.ts holds it to the binary.
 */
import { decodeReferences, htmlTokens } from './html-tokens.ts';
import { indexableWords, type IndexableWord } from './indexable-words.ts';

/**
 * The occurrences of a word in the page's text, as flat pairs [position, weight, …]
 * (weight 24 for ordinary text; headings and `data-pagefind-weight` raise it, in
 * Pagefind's units): flat, because a page has thousands.
 */
export type WordPositions = number[];

/** One occurrence of a word in a metadata value (`field`: the place of the field among the page's sorted meta keys). */
export interface MetaPosition {
  field: number;
  position: number;
  original?: string;
}

export interface Anchor {
  element: string;
  id: string;
  text: string;
  title?: string;
  location: number;
}

/** The fragment file of a page, with its keys in the order Pagefind writes them. */
export interface FragmentData {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: Anchor[];
}

export interface FossickedPage {
  fragment: FragmentData;
  language: string;
  /** Whether an element marked `data-pagefind-body` was read. */
  hasBody: boolean;
  /** Each word's positions without diacritics (`cafe`). */
  words: Map<string, WordPositions>;
  /** Each word's positions written with diacritics, by form (`cafe` → `café` → positions). */
  variants: Map<string, Map<string, WordPositions>>;
  metaWords: Map<string, MetaPosition[]>;
  sort: Record<string, string>;
}

const SENTENCE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'div', 'ul', 'li', 'article', 'section']);
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdo', 'big', 'br', 'button', 'cite', 'code', 'dfn', 'em', 'i', 'img', 'input', 'kbd', 'label',
  'map', 'object', 'output', 'q', 'samp', 'script', 'select', 'small', 'span', 'strong', 'sub', 'sup', 'textarea', 'time', 'tt', 'var',
]);
const REMOVE = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const AUTO_WEIGHT: Record<string, string> = { h1: '7', h2: '6', h3: '5', h4: '4', h5: '3', h6: '2' };

/** Rust's `char::is_whitespace` (Unicode White_Space), which differs from JavaScript's `\s` at U+0085 and U+FEFF. */
const WS = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WHITESPACE_RUN = new RegExp(`[${WS}]+`);
const TRIM = new RegExp(`^[${WS}]+|[${WS}]+$`, 'g');
const ALL_SPACES = new RegExp(`[${WS}]`, 'g');
const SENTENCE_END = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]/u;
const PRIVATE = new RegExp(`___PAGEFIND_[^${WS}]+[${WS}]?`, 'g');
const ATTRIBUTE_VALUE = /^\s*([^:[\]]+)\[(.+)\]\s*$/;

type Status = 'indexing' | 'ignored' | 'excluded' | 'body' | 'parentOfBody';

interface ParseNode {
  name: string;
  value: string;
  parent: ParseNode | undefined;
  status: Status;
  filter?: string[];
  sort?: string[];
  meta?: string[];
  defaultMeta?: string[];
  weight?: string;
  anchorIds?: string[];
}

/**
 * Pagefind's `normalize_content`: references decoded, ends trimmed, runs of newlines
 * and then runs of two white space characters or more as one space. In one pass, since
 * it reads every page's whole text (Lectern's word spaces make thousands of runs): a run
 * of two or more becomes a space either way, a lone newline too, any other lone white
 * space character stays. tests/search/pagefind-writer.test.ts holds it to the
 * regular expressions it stands for.
 */
export function normalizeContent(text: string): string {
  const decoded = decodeReferences(text);
  let start = 0;
  let end = decoded.length;
  while (start < end && isWhitespace(decoded.charCodeAt(start))) start++;
  while (end > start && isWhitespace(decoded.charCodeAt(end - 1))) end--;
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const code = decoded.charCodeAt(i);
    if (!isWhitespace(code)) continue;
    let next = i + 1;
    while (next < end && isWhitespace(decoded.charCodeAt(next))) next++;
    if (next - i >= 2 || code === 0x0a) {
      out += `${decoded.slice(from, i)} `;
      from = next;
    }
    i = next - 1;
  }
  return from === start ? decoded.slice(start, end) : out + decoded.slice(from, end);
}

/** Rust's `char::is_whitespace` (`WS`) for a UTF-16 unit: every such character is in the Basic Multilingual Plane. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

interface ParsedPage {
  digest: string;
  language: string;
  hasBody: boolean;
  filters: Map<string, string[]>;
  sort: Map<string, string>;
  meta: Map<string, string>;
  anchorContent: Map<string, string>;
  anchorTitles: Map<string, string>;
}

/** Pagefind's `DomParser`: the page's indexed text with its weight and anchor marks, and its filters, sort keys and metadata. */
function parsePage(html: string): ParsedPage {
  const root: ParseNode = { name: '', value: '', parent: undefined, status: 'indexing' };
  let current = root;
  const open: ParseNode[] = [];
  const filters = new Map<string, string[]>();
  const sort = new Map<string, string>();
  const meta = new Map<string, string>();
  const defaultMeta = new Map<string, string>();
  const anchorContent = new Map<string, string>();
  const anchorTitles = new Map<string, string>();
  let language: string | undefined;
  let inHtml = false;
  let anchorCounter = 0;

  const takeAttributes = (node: ParseNode) => {
    for (const filter of node.filter ?? []) {
      const pair = attributePair(node, filter);
      if (!pair) continue;
      const list = filters.get(pair[0]);
      if (list) list.push(normalizeContent(pair[1]));
      else filters.set(pair[0], [normalizeContent(pair[1])]);
    }
    for (const key of node.sort ?? []) {
      const pair = attributePair(node, key);
      if (pair) sort.set(pair[0], pair[1]);
    }
    for (const key of node.meta ?? []) {
      const pair = attributePair(node, key);
      if (pair) meta.set(pair[0], pair[1]);
    }
    for (const key of node.defaultMeta ?? []) {
      const pair = attributePair(node, key);
      if (pair) defaultMeta.set(pair[0], pair[1]);
    }
  };

  const end = (node: ParseNode) => {
    current = node.parent!;
    if (node.status === 'excluded') return;
    takeAttributes(node);
    if (node.name === 'h1' && !meta.has('auto_title') && node.value.replace(TRIM, '') !== '') meta.set('auto_title', normalizeContent(node.value));
    if (node.name === 'title' && !meta.has('auto_page_title')) meta.set('auto_page_title', normalizeContent(node.value));
    if (node.status === 'ignored') return;
    let value = node.value;
    if (SENTENCE.has(node.name)) {
      value = ` ${value}`;
      if (SENTENCE_END.test(lastChar(value))) value += '.';
      value += ' ';
    }
    if (node.weight !== undefined) value = ` ___PAGEFIND_WEIGHT___${node.weight} ${value} ___END_PAGEFIND_WEIGHT___ `;
    else if (AUTO_WEIGHT[node.name]) value = ` ___PAGEFIND_AUTO_WEIGHT___${AUTO_WEIGHT[node.name]} ${value} ___END_PAGEFIND_WEIGHT___ `;
    const parent = current;
    if (parent.status === 'parentOfBody' && node.status !== 'body' && node.status !== 'parentOfBody') return;
    if (node.status === 'indexing') parent.value += value;
    else {
      if (parent.status !== 'parentOfBody') parent.value = '';
      parent.value += value;
      parent.status = 'parentOfBody';
    }
  };

  for (const token of htmlTokens(html)) {
    if (token.type === 'text') {
      if (!inHtml) continue;
      current.value += token.text;
      if (current.status !== 'ignored' && current.status !== 'excluded' && current.anchorIds) {
        for (const id of current.anchorIds) anchorContent.set(id, (anchorContent.get(id) ?? '') + token.text);
      }
      continue;
    }
    if (token.type === 'end') {
      const at = open.findLastIndex((node) => node.name === token.name);
      if (at < 0) continue;
      // Elements left open inside it never see their end tag: their text is lost, as in Pagefind.
      const node = open[at];
      open.length = at;
      current = node;
      end(node);
      // Text after </html> is outside the document Pagefind reads.
      if (token.name === 'html') inHtml = false;
      continue;
    }
    const { name, attributes } = token;
    if (name === 'html') {
      inHtml = true;
      const lang = attributes.get('lang');
      if (lang !== undefined) language = lang.toLowerCase();
    }
    if (!inHtml) continue;
    const ignore = attributes.get('data-pagefind-ignore');
    const explicit: Status | undefined = ignore === undefined ? undefined : ['', 'index', 'true'].includes(ignore.toLowerCase()) ? 'ignored' : 'excluded';
    let status: Status = attributes.has('data-pagefind-body') ? 'body' : (explicit ?? 'indexing');
    const elementId = attributes.get('id')?.replace(ALL_SPACES, '');
    let anchorId: string | undefined;
    if (status !== 'excluded' && status !== 'ignored' && elementId !== undefined) {
      if (!(current.status === 'parentOfBody' && status !== 'body')) {
        current.value += ` ___PAGEFIND_ANCHOR___${name}:${anchorCounter}:${elementId} `;
        anchorId = `${anchorCounter}:${elementId}`;
        anchorCounter++;
      }
    }
    const title = attributes.has('data-pagefind-title') ? normalizeContent(attributes.get('data-pagefind-title')!) : '';
    if (anchorId !== undefined && title) anchorTitles.set(anchorId, title);
    if (status !== 'excluded') {
      const indexAttrs = attributes.get('data-pagefind-index-attrs');
      if (indexAttrs !== undefined) {
        for (const attr of indexAttrs.split(',').map((a) => a.trim())) {
          let value = attributes.get(attr) ?? '';
          if (SENTENCE_END.test(lastChar(value))) value += '.';
          current.value += ` ${value} `;
        }
      }
      if (name === 'br') current.value += ' ';
    }
    if (current.status === 'excluded') status = 'excluded';
    let anchorIds = current.anchorIds && INLINE.has(name) ? [...current.anchorIds] : undefined;
    if (anchorId !== undefined) (anchorIds ??= []).push(anchorId);
    const parse = (attr: string) => {
      const value = attributes.get(attr);
      return value === undefined ? undefined : attributeString(value, attributes);
    };
    const node: ParseNode = {
      name,
      value: '',
      parent: current,
      status,
      filter: parse('data-pagefind-filter'),
      sort: parse('data-pagefind-sort'),
      meta: parse('data-pagefind-meta'),
      defaultMeta: parse('data-pagefind-default-meta'),
      weight: attributes.get('data-pagefind-weight'),
      anchorIds,
    };
    if (VOID.has(name) || token.selfClosing) {
      if (node.status === 'excluded') continue;
      takeAttributes(node);
      const src = attributes.get('src');
      if (name === 'img' && !meta.has('auto_image') && (meta.has('auto_title') || meta.has('title')) && src !== undefined) {
        meta.set('auto_image', src);
        const alt = attributes.get('alt');
        if (alt !== undefined) meta.set('auto_image_alt', alt);
      }
      continue;
    }
    current = node;
    open.push(node);
    if (REMOVE.has(name) && name !== 'html') node.status = 'ignored';
  }
  // Whatever is still open is folded into its parents.
  for (let node = current; node.parent; node = node.parent) {
    const parent = node.parent;
    if (parent.status === 'parentOfBody') continue;
    if (node.status === 'indexing') parent.value += node.value;
    else if (node.status === 'body' || node.status === 'parentOfBody') {
      parent.value = node.value;
      parent.status = 'parentOfBody';
    }
  }
  const image = take(meta, 'auto_image');
  if (image !== undefined) {
    const alt = take(meta, 'auto_image_alt') ?? '';
    if (!meta.has('image')) {
      meta.set('image', image);
      meta.set('image_alt', alt);
    }
  }
  for (const key of ['auto_title', 'auto_page_title']) {
    const title = take(meta, key);
    if (title !== undefined && !meta.has('title')) meta.set('title', title);
  }
  for (const [key, value] of meta) defaultMeta.set(key, value);
  return {
    digest: normalizeContent(root.value),
    language: language || 'unknown',
    hasBody: root.status === 'parentOfBody',
    filters,
    sort,
    meta: defaultMeta,
    anchorContent,
    anchorTitles,
  };
}

function take<V>(map: Map<string, V>, key: string): V | undefined {
  const value = map.get(key);
  map.delete(key);
  return value;
}

function lastChar(text: string): string {
  if (!text) return '';
  const code = text.charCodeAt(text.length - 1);
  return code >= 0xdc00 && code <= 0xdfff && text.length > 1 ? text.slice(-2) : text.slice(-1);
}

/** `key[attribute]` as `key:<the attribute's value>`, a list separated by commas, and `key:literal`. */
function attributeString(input: string, attributes: Map<string, string>): string[] {
  const colon = input.indexOf(':');
  if (colon >= 0) {
    const list = attributeString(input.slice(0, colon), attributes);
    if (list.length > 0) list[list.length - 1] += `:${input.slice(colon + 1)}`;
    return list;
  }
  return input.split(',').map((chunk) => {
    const trimmed = chunk.trim();
    const match = ATTRIBUTE_VALUE.exec(trimmed);
    return match ? `${match[1]}:${attributes.get(match[2]) ?? ''}` : trimmed;
  });
}

function attributePair(node: ParseNode, input: string): [string, string] | undefined {
  const colon = input.indexOf(':');
  if (colon >= 0) return [input.slice(0, colon), normalizeContent(input.slice(colon + 1))];
  return node.value === '' ? undefined : [input, normalizeContent(node.value)];
}

/** Reads a built page as Pagefind does; `url` is the address Pagefind gives it (`/courses/x/y/`). */
export function fossickPage(html: string, url: string): FossickedPage {
  const page = parsePage(html);
  const words = new Map<string, WordPositions>();
  const variants = new Map<string, Map<string, WordPositions>>();
  const anchors: Anchor[] = [];
  const weights = [24];
  // The last of `weights`, read for every word.
  let weight = 24;
  const kept: string[] = [];
  let position = 0;
  let last = 0;
  for (const token of page.digest.split(WHITESPACE_RUN)) {
    if (!token) continue;
    if (token.startsWith('___')) {
      if (token.startsWith('___PAGEFIND_ANCHOR___')) {
        const rest = token.replaceAll('___PAGEFIND_ANCHOR___', '');
        const colon = rest.indexOf(':');
        if (colon >= 0) {
          const [element, anchorId] = [rest.slice(0, colon), rest.slice(colon + 1)];
          const inner = anchorId.indexOf(':');
          if (inner >= 0) {
            const text = normalizeContent(normalizeContent(page.anchorContent.get(anchorId) ?? ''));
            const title = page.anchorTitles.get(anchorId);
            anchors.push({ element, id: anchorId.slice(inner + 1), text, ...(title !== undefined ? { title } : {}), location: position });
          }
        }
        continue;
      }
      if (takeWeightMark(token, weights)) {
        weight = weights.at(-1) ?? 1;
        continue;
      }
    }
    const word = token.includes('\u200b') ? token.replaceAll('\u200b', '') : token;
    if (!word) continue;
    kept.push(word);
    const { entries, parts } = cachedIndexableWords(word);
    const partWeight = parts > 0 && weight > 0 ? Math.max(1, Math.floor(weight / Math.min(parts, 255))) : 0;
    for (let e = 0; e < entries.length; e++) {
      const { word: key, original, part } = entries[e];
      const w = part ? partWeight : weight;
      if (original === undefined) {
        const list = words.get(key);
        if (list) list.push(position, w);
        else words.set(key, [position, w]);
      } else {
        let forms = variants.get(key);
        if (!forms) variants.set(key, (forms = new Map()));
        const list = forms.get(original);
        if (list) list.push(position, w);
        else forms.set(original, [position, w]);
      }
    }
    last = position;
    position++;
  }
  const content = kept.join(' ');
  const filters = sortedRecord([...page.filters].map(([key, values]): [string, string[]] => [key, values.map((v) => v.replace(PRIVATE, ''))]));
  const meta = sortedRecord([...page.meta].map(([key, value]): [string, string] => [key, value.replace(PRIVATE, '')]));
  return {
    fragment: { url, content, word_count: last + 1, filters, meta, anchors },
    language: page.language,
    hasBody: page.hasBody,
    words,
    variants,
    metaWords: metaWords(meta),
    sort: sortedRecord([...page.sort]),
  };
}

/** Applies a weight mark of the digest (`___PAGEFIND_WEIGHT___2`, its auto form, its end) to the stack of weights; false for any other token. */
function takeWeightMark(token: string, weights: number[]): boolean {
  if (token.startsWith('___PAGEFIND_WEIGHT___')) {
    const value = rustFloat(token.replaceAll('___PAGEFIND_WEIGHT___', '')) ?? 1;
    weights.push(value <= 0 ? 0 : Math.max(1, toU8(clamp(value) * 24)));
  } else if (token.startsWith('___PAGEFIND_AUTO_WEIGHT___')) {
    const value = rustFloat(token.replaceAll('___PAGEFIND_AUTO_WEIGHT___', '')) ?? 1;
    weights.push(weights.length === 1 ? toU8(clamp(value) * 24) : (weights.at(-1) ?? 0));
  } else if (token.startsWith('___END_PAGEFIND_WEIGHT___')) {
    weights.pop();
  } else return false;
  return true;
}

/** A page repeats its words, and so does an archive: each word is taken apart once (until the cache is full). */
const wordCache = new Map<string, { entries: IndexableWord[]; parts: number }>();
const WORD_CACHE_SIZE = 200_000;

function cachedIndexableWords(word: string): { entries: IndexableWord[]; parts: number } {
  let found = wordCache.get(word);
  if (!found) {
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
    const entries = indexableWords(word);
    found = { entries, parts: entries.filter((w) => w.part).length };
    wordCache.set(word, found);
  }
  return found;
}

/** The words of each metadata value, by field (the page's meta keys in order) and place among the value's words. */
function metaWords(meta: Record<string, string>): Map<string, MetaPosition[]> {
  const map = new Map<string, MetaPosition[]>();
  Object.keys(meta).forEach((key, field) => {
    meta[key].split(WHITESPACE_RUN).filter(Boolean).forEach((word, position) => {
      for (const { word: indexed, original } of cachedIndexableWords(word).entries) {
        const entry: MetaPosition = { field, position, ...(original !== undefined ? { original } : {}) };
        const list = map.get(indexed);
        if (list) list.push(entry);
        else map.set(indexed, [entry]);
      }
    });
  });
  return map;
}

/** Keys in Rust's `BTreeMap` order (by UTF-8 bytes, which is code point order). */
export function sortedRecord<V>(entries: [string, V][]): Record<string, V> {
  return Object.fromEntries(entries.sort((a, b) => compareCodePoints(a[0], b[0])));
}

/** Strings compared as Rust compares them: by UTF-8 bytes, that is by code point (not by UTF-16 unit, as `<` does). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (a code point above U+FFFF) sorts after every other unit of the BMP.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function clamp(weight: number): number {
  return Number.isNaN(weight) ? weight : Math.min(10, Math.max(0, weight));
}

/** Rust's float-to-u8 `as`: truncated, saturated, NaN as 0. */
function toU8(value: number): number {
  return Number.isNaN(value) ? 0 : Math.min(255, Math.max(0, Math.trunc(value)));
}

/** Rust's `str::parse::<f32>` for what a weight or sort attribute may hold; undefined where Rust refuses. */
export function rustFloat(text: string): number | undefined {
  if (/^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)$/.test(text)) return Number(text);
  if (/^[+-]?(?:inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(text)) return NaN;
  return undefined;
}

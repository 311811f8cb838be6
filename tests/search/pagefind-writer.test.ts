/**
 * Lectern writes the search index of its prepared pages itself (src/integrations/pagefind-writer/)
 * in Pagefind's format, for Pagefind's own search code: these tests hold what it writes to
 * what Pagefind's binary writes for the same pages, word by word and position by position.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { pagefindBinary } from '../../src/integrations/pagefind-cli.ts';
import { decodeCbor, encodeCbor } from '../../src/integrations/pagefind-writer/cbor.ts';
import fc from 'fast-check';
import { compareCodePoints, fossickPage, normalizeContent } from '../../src/integrations/pagefind-writer/fossick.ts';
import { fullHash, packPositions, pageRecord } from '../../src/integrations/pagefind-writer/page-record.ts';
import { writeBundle } from '../../src/integrations/pagefind-writer/write-bundle.ts';
import { prepareHtml } from '../../src/integrations/search-prepare.ts';
import { buildDictionary } from '../../src/lib/search-query.ts';
import { SEARCH_DATA_FILE, type SearchData } from '../../src/lib/search-data.ts';
import { buildSite } from '../helpers/lectern.ts';
import { readBundle, readFile, type ReadBundle } from '../helpers/pagefind-bundle.ts';
import { fixture, tempDir } from '../helpers/paths.ts';
import { fuzzParameters } from '../helpers/fuzz.ts';
import { archiveDir } from './relevance.ts';

const VERSION = JSON.parse(readFileSync(path.join(path.dirname(pagefindBinary()), '../package.json'), 'utf8')).version as string;

/** Pages (URL → HTML) indexed by the binary and by Lectern's writer, read back; the differences, as text. */
function differences(pages: Record<string, string>): string[] {
  const dir = tempDir('lectern-writer-');
  const site = path.join(dir, 'site');
  for (const [url, html] of Object.entries(pages)) {
    const file = path.join(site, url, 'index.html');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
  const run = spawnSync(pagefindBinary(), ['--site', site, '--output-path', path.join(dir, 'binary'), '--silent'], { cwd: site, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pagefind failed: ${run.stderr}${run.stdout}`);
  const read = Object.entries(pages).map(([url, html]) => fossickPage(html, url));
  sortValues = new Map(read.map((page) => [page.fragment.url, page.sort]));
  writeBundle(path.join(dir, 'lectern'), read.map(pageRecord), VERSION);
  return compareBundles(readBundle(path.join(dir, 'lectern')), readBundle(path.join(dir, 'binary')));
}

/** Page numbers differ between the two (the binary numbers pages in the order it finds them): everything is compared by URL. */
function compareBundles(ours: ReadBundle, theirs: ReadBundle): string[] {
  const found: string[] = [];
  const same = (label: string, a: unknown, b: unknown) => {
    const [x, y] = [JSON.stringify(canonical(a)), JSON.stringify(canonical(b))];
    if (x !== y) found.push(`${label}:\n  Lectern: ${x?.slice(0, 400)}\n  Pagefind: ${y?.slice(0, 400)}`);
  };
  same('version', ours.version, theirs.version);
  same('meta fields', ours.metaFields, theirs.metaFields);
  same('pagefind-entry.json', { ...ours.entry, languages: undefined }, { ...theirs.entry, languages: undefined });
  same('chunks', ours.chunks, theirs.chunks);
  same('filters', sortedLists(ours.filters), sortedLists(theirs.filters));
  // Sorted pages may tie: the order of their sort values must agree, and the pages.
  for (const key of union(ours.sorts, theirs.sorts)) {
    const values = (bundle: ReadBundle) => (bundle.sorts[key] ?? []).map((url) => sortValues.get(url)?.[key]);
    same(`sort ${key}`, values(ours), values(theirs));
  }
  for (const url of union(ours.pages, theirs.pages)) same(`page ${url}`, ours.pages[url], theirs.pages[url]);
  for (const word of union(ours.words, theirs.words)) same(`word ${word}`, ours.words[word], theirs.words[word]);
  return found;
}

/** Each page's sort values, by URL, to compare the order of sorted pages that tie. */
let sortValues = new Map<string, Record<string, string>>();

const union = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])];
const sortedLists = (filters: ReadBundle['filters']) =>
  Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, Object.fromEntries(Object.entries(values).map(([value, urls]) => [value, [...urls].sort()]))]));
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  return value;
}

/** The document pages of a built site, prepared for the index as the build prepares them. */
function preparedPages(built: string): Record<string, string> {
  const data = JSON.parse(readFileSync(path.join(built, 'pagefind', SEARCH_DATA_FILE), 'utf8')) as SearchData;
  const dictionary = buildDictionary(data.names, data.terms);
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const toSimplified = Converter({ from: 'tw', to: 'cn' });
  const pages: Record<string, string> = {};
  for (const name of readdirSync(built, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.html') || name.startsWith('pagefind')) continue;
    const html = readFileSync(path.join(built, name), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const prepared = prepareHtml(html, dictionary, segmenter, toSimplified).html;
    const url = `/${name.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;
    pages[url] = prepared;
  }
  return pages;
}

describe("the index Lectern writes, against Pagefind's binary", () => {
  it('is the same for every document page of the search, basic and hardening fixtures', () => {
    const pages = Object.assign({}, ...[archiveDir, fixture('basic'), fixture('hardening')].map((content) => preparedPages(buildSite(content))));
    expect(Object.keys(pages).length).toBeGreaterThan(30);
    expect(differences(pages)).toEqual([]);
  });

  it('is the same for words, markup and attributes the fixtures lack', () => {
    const page = (body: string, head = '<title>T &amp; U</title>') =>
      `<!doctype html><html lang="zxx"><head><meta charset="utf-8">${head}</head><body><nav>导航</nav><article data-pagefind-body>${body}</article><footer>页脚</footer></body></html>`;
    const words =
      'AT&amp;T 1&lt;2 &#x4E2D; e&nbsp;f café naïve ÉCOLE.fr 91% COVID-19 iPhone XMLHttpRequest www.npc.gov.cn/abc x.y/zz.ww ' +
      '2024-11-26 3.14 1,000 v2.0-beta U.S.A. .net foo.foo bb-bb-cc a.b_c.dd it&#39;s (括号) 👍好 ↩ ☺️ 1️⃣ 👨‍👩‍👧 __x__ ___PAGEFIND_z ﬁ 豈';
    const pages = {
      '/words/': page(`<p>${words}</p>`),
      '/markup/': page(
        '<span hidden data-pagefind-filter="tag[data-value]" data-value="a&amp;b"></span><span data-pagefind-meta="m:x&amp;y"></span>' +
          '<span data-pagefind-sort="date[data-value]" data-value="2024-04"></span><div data-pagefind-ignore><p>不索引</p><span data-pagefind-filter="tag">隐藏标签</span></div>' +
          '<h1 id="t">标题 <em>强调</em></h1><p>一<br>二<strong>三</strong>四</p><p data-pagefind-weight="2">加权</p><p data-pagefind-weight="0">零</p>' +
          '<h3 id="s 1" data-pagefind-title="小节">节<em id="e">强</em></h3><img src="/i.png" alt="图"><table><tr><td>格一</td><td>格二</td></tr></table>' +
          '<ul><li>项一</li><li>项二。</li></ul><blockquote><p>引文</p></blockquote><pre><code>代码 code()</code></pre>' +
          '<div data-pagefind-ignore="all"><span data-pagefind-filter="tag:不见"></span>全不见</div><script>var x = 1;</script><p>末</p>',
      ),
      '/no-title/': page('<p>只有正文</p>', ''),
      '/sort-number/': page('<span data-pagefind-sort="date[data-value]" data-value="2024"></span><p>年</p>'),
    };
    expect(differences(pages)).toEqual([]);
  });

  it('orders the words of an index as the binary does, with and without characters beyond U+FFFF', () => {
    const page = (body: string) => `<!doctype html><html lang="zxx"><head><title>T</title></head><body><article data-pagefind-body><p>${body}</p></article></body></html>`;
    // U+F900–U+FFEF sort after the Han block by UTF-16 unit and by code point alike; U+20000 only by code point.
    const bmp = '豈 ﬁ ｶ 中 中文 a z 0 ａ';
    const astral = '𠀀 𠀀中 中𠀀 👍 豈𠀀';
    expect(differences({ '/bmp/': page(bmp) })).toEqual([]);
    expect(differences({ '/bmp/': page(bmp), '/astral/': page(astral) })).toEqual([]);
    // Within a file the binary's search code looks words up in order: by code point.
    for (const bodies of [[bmp], [bmp, astral]]) {
      const dir = tempDir('lectern-writer-order-');
      writeBundle(dir, bodies.map((body, i) => pageRecord(fossickPage(page(body), `/${i}/`))), VERSION);
      const [chunk] = readdirSync(path.join(dir, 'index'));
      const [entries] = decodeCbor(readFile(path.join(dir, 'index', chunk))) as [[string, ...unknown[]][]];
      const words = entries.map(([word]) => word);
      expect(words.length).toBeGreaterThan(8);
      expect(words).toEqual([...words].sort(compareCodePoints));
    }
  });
});

describe('the parts of the writer', () => {
  it('normalises text in one pass as the regular expressions it replaced did', () => {
    // Rust's char::is_whitespace, and the chain of replacements Pagefind's normalize_content makes.
    const ws = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
    const byPatterns = (text: string) =>
      text.replace(new RegExp(`^[${ws}]+|[${ws}]+$`, 'g'), '').replace(/(?:\n|\r\n)+/g, ' ').replace(new RegExp(`[${ws}]{2,}`, 'g'), ' ');
    const piece = fc.constantFrom(' ', '\n', '\r', '\r\n', '\t', '\u200a', '\u3000', '\u00a0', '\u0085', '\ufeff', '\u200b', '词', 'a', '.');
    fc.assert(fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
      const text = pieces.join('');
      expect(normalizeContent(text)).toBe(byPatterns(text));
    }), fuzzParameters(1000));
  });

  it('refuses to write for a Pagefind whose format it has not been checked against', () => {
    expect(() => writeBundle(tempDir('lectern-writer-'), [], '1.7.0')).toThrow(/format of Pagefind 1\.6, but Pagefind 1\.7\.0 is installed/);
  });

  it('encodes CBOR in the shortest form and reads it back', () => {
    const value = [0, 23, 24, 255, 256, 65535, 65536, 2 ** 32, -1, -24, -25, -300, '', '词', ['a', [1, -2]]];
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
    expect([...encodeCbor([23, 24, -25])]).toEqual([0x83, 0x17, 0x18, 0x18, 0x38, 0x18]);
  });

  it('names files as Pagefind does: SHA-1 in hexadecimal, each byte without its leading zero', () => {
    // SHA-1 of nothing is da39a3ee5e6b4b0d3255bfef95601890afd80709.
    expect(fullHash(new Uint8Array())).toBe('da39a3ee5e6b4bd3255bfef95601890afd879');
  });

  it('orders words as Rust does, by code point', () => {
    expect(['\u{20000}', '\uffff', 'a'].sort(compareCodePoints)).toEqual(['a', '\uffff', '\u{20000}']);
  });

  it('packs positions by weight, as differences within a weight', () => {
    expect(packPositions([3, 24, 10, 24, 12, 24])).toEqual([-25, 3, 7, 2]);
    expect(packPositions([5, 24, 1, 168, 9, 24, 2, 12])).toEqual([-13, 2, -25, 5, 4, -169, 1]);
  });
});

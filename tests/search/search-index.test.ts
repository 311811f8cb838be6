import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { searchIndex } from '../../src/integrations/search-index.ts';
import fc from 'fast-check';
import { prepareHtml, punctuateBefore } from '../../src/integrations/search-prepare.ts';
import { fossickPage } from '../../src/integrations/pagefind-writer/fossick.ts';
import { fuzzParameters } from '../helpers/fuzz.ts';
import { FACETS_FILE, type SearchFacets } from '../../src/lib/search-facets.ts';
import { gunzipSync } from 'node:zlib';
import { buildDictionary, intlSegmenter } from '../../src/lib/search-query.ts';
import { BODY_START, INDEX_LANGUAGE, WORD_SPACE } from '../../src/lib/search-text.ts';
import { tempDir } from '../helpers/paths.ts';

const toSimplified = Converter({ from: 'tw', to: 'cn' });
const segment = intlSegmenter();
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const dictionary = buildDictionary(['吴文毅'], ['代表法']);

/** A document page as the site renders it, reduced to what indexing reads. */
function page(title: string, body: string, facets = KIND_FACET, toc = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><header><nav>首页</nav></header><main id="main">
<article class="article" data-pagefind-body><div hidden data-pagefind-ignore>${facets}</div>
<p class="kind">讲稿</p><h1>${title}</h1><dl><div><dt>主讲人</dt><dd>吴文毅</dd></div></dl>${toc}
<div class="body"><p>${body}</p></div></article></main><footer>主办单位</footer></body></html>`;
}
const KIND_FACET = '<span data-pagefind-filter="kind[data-value]" data-value="lecture"></span>';

describe('prepareHtml', () => {
  it('declares a language Pagefind does not segment, spaces the words, punctuates the byline and marks the body', () => {
    const { html, traditional } = prepareHtml(page('代表法讲座', '吴文毅讲代表法规定。'), dictionary, segmenter, toSimplified);
    expect(traditional).toBe(false);
    expect(html).toContain(`<html lang="${INDEX_LANGUAGE}">`);
    expect(html).toContain(`${WORD_SPACE}吴${WORD_SPACE}文${WORD_SPACE}毅${WORD_SPACE}`);
    expect(html).toContain(`${segment('主讲人').join(WORD_SPACE)}${WORD_SPACE}：${WORD_SPACE}</dt>`);
    expect(html).toContain(`</dl>${WORD_SPACE}${BODY_START}`);
    // Nothing else changes: the text a reader would see is the same.
    const unspaced = html
      .replace(/[\u200A\u2063]/g, '')
      .replace(/：(?=<\/dt>)|。(?=<\/dd>)/g, '')
      .replace(`lang="${INDEX_LANGUAGE}"`, 'lang="zh-CN"');
    expect(unspaced).toBe(page('代表法讲座', '吴文毅讲代表法规定。'));
  });

  it('leaves out of the indexed copy what Pagefind ignores and reads nothing of: the table of contents', () => {
    const toc = '<nav class="toc" data-pagefind-ignore><h2>目录</h2><ol><li><a href="#sec-1">一、代表法的规定</a></li></ol></nav>';
    const withToc = prepareHtml(page('代表法讲座', '吴文毅讲代表法规定。', KIND_FACET, toc), dictionary, segmenter, toSimplified);
    const without = prepareHtml(page('代表法讲座', '吴文毅讲代表法规定。'), dictionary, segmenter, toSimplified);
    expect(withToc.html).not.toContain('目录');
    expect(withToc.html).not.toContain('sec-1');
    // The facets, which Pagefind reads inside an ignored element, stay.
    expect(withToc.html).toContain(KIND_FACET);
    // In its place a space, as its end separates words.
    expect({ ...withToc, html: withToc.html.replace(' \n<div class="body">', '\n<div class="body">') }).toEqual(without);
    expect(fossickPage(withToc.html, '/a/').words).toEqual(fossickPage(without.html, '/a/').words);
  });

  it('indexes a Traditional page in Simplified characters, keeping its title for display', () => {
    const { html, traditional } = prepareHtml(page('港區全國人大代表的發言', '作為全國人大代表，我想談談這幾年履職的體會。'), dictionary, segmenter, toSimplified);
    expect(traditional).toBe(true);
    expect(html.replaceAll(WORD_SPACE, '')).toContain('作为全国人大代表，我想谈谈这几年履职的体会。');
    expect(html).toContain('data-pagefind-meta="display_title[data-value]" data-value="港區全國人大代表的發言"');
  });
});

describe('punctuateBefore', () => {
  // The regular expressions it replaced, tried at every character of a page.
  const byPattern = (html: string) =>
    html.replace(/([^：:\s])(\s*)<\/dt>/g, `$1${WORD_SPACE}：$2</dt>`).replace(/([^。；！？.;!?\s])(\s*)<\/dd>/g, `$1${WORD_SPACE}。$2</dd>`);
  const byScan = (html: string) => punctuateBefore(punctuateBefore(html, '</dt>', '：:', '：'), '</dd>', '。；！？.;!?', '。');

  it('marks the end of each term and value as the patterns did', () => {
    const piece = fc.constantFrom('</dt>', '</dd>', '<dt>', '<dd>', ' ', '\n', WORD_SPACE, '：', ':', '。', '；', '!', '讲话人', 'a', '>', '\u3000');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const html = pieces.join('');
      expect(byScan(html)).toBe(byPattern(html));
    }), fuzzParameters(500));
  });

  it('leaves a value that ends in its own punctuation alone', () => {
    expect(byScan('<dt>场合</dt><dd>开班式。</dd>')).toBe(`<dt>场合${WORD_SPACE}：</dt><dd>开班式。</dd>`);
  });
});

describe('prepareHtml, page after page', () => {
  it('spaces a short text node it has seen before as it spaced it the first time, per dictionary', () => {
    const asName = buildDictionary(['人大代表'], []);
    const first = prepareHtml(page('讲座', '人大代表'), asName, segmenter, toSimplified);
    expect(first.html).toContain(`<p>${WORD_SPACE}人${WORD_SPACE}大${WORD_SPACE}代${WORD_SPACE}表${WORD_SPACE}</p>`);
    expect(prepareHtml(page('讲座', '人大代表'), asName, segmenter, toSimplified).html).toBe(first.html);
    // Another dictionary remembers on its own: without the name, the segmenter's cut.
    const plain = prepareHtml(page('讲座', '人大代表'), buildDictionary([], []), segmenter, toSimplified);
    expect(plain.html).toContain(`<p>${WORD_SPACE}${segment('人大代表').join(WORD_SPACE)}${WORD_SPACE}</p>`);
  });
});

describe('the search index integration', () => {
  function logger(lines: string[]): AstroIntegrationLogger {
    const log = {
      options: {} as AstroIntegrationLogger['options'],
      label: 'lectern:search',
      fork: () => log,
      info: (message: string) => lines.push(message),
      warn: (message: string) => lines.push(`warn: ${message}`),
      error: (message: string) => lines.push(`error: ${message}`),
      debug: () => undefined,
    };
    return log as unknown as AstroIntegrationLogger;
  }
  const hook = searchIndex({ content: tempDir() }).hooks['astro:build:done'] as (options: { dir: URL; logger: AstroIntegrationLogger }) => Promise<void>;

  it('indexes the document pages into the build folder and logs how many, how long', async () => {
    const out = tempDir('lectern-index-');
    const facets = (course: string, kind: string, date: string) =>
      `<span data-pagefind-filter="course[data-value]" data-value="${course}" data-label="测试培训班"></span>` +
      `<span data-pagefind-filter="kind[data-value]" data-pagefind-meta="kind[data-value]" data-value="${kind}"></span>` +
      `<span data-pagefind-sort="date[data-value]" data-pagefind-meta="date[data-value]" data-value="${date}"></span>` +
      `<span data-pagefind-filter="person[data-value]" data-value="wu-wenyi" data-label="吴文毅"></span>` +
      `<span data-pagefind-filter="tag[data-value]" data-value="代表法"></span>`;
    for (const [id, title, date] of [['a', '代表法讲座', '2024-04'], ['b', '议案讲座', '2023']]) {
      mkdirSync(path.join(out, 'courses/c', id), { recursive: true });
      writeFileSync(path.join(out, 'courses/c', id, 'index.html'), page(title, '正文。', facets('c', 'lecture', date)));
    }
    writeFileSync(path.join(out, 'index.html'), '<html lang="zh-CN"><body><h1>首页</h1></body></html>');
    const lines: string[] = [];
    await hook({ dir: pathToFileURL(`${out}/`), logger: logger(lines) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^indexed 2 page\(s\) in 1 index\(es\) in \d+ ms/);
    expect(existsSync(path.join(out, 'pagefind/pagefind.js'))).toBe(true);
    const written: SearchFacets = JSON.parse(gunzipSync(readFileSync(path.join(out, 'pagefind', FACETS_FILE))).toString('utf8'));
    expect(Object.values(written.pages).sort()).toEqual([
      [0, 'lecture', '2023', [0], [0]],
      [0, 'lecture', '2024-04', [0], [0]],
    ]);
    expect(written.courses).toEqual([['c', '测试培训班']]);
    for (const id of Object.keys(written.pages)) expect(existsSync(path.join(out, 'pagefind/fragment', `${id}.pf_fragment`))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out, 'pagefind/lectern-search.json'), 'utf8'))).toMatchObject({ names: ['吴文毅'], shards: [] });
  });

  it('fails the build with the cause attached when it cannot index', async () => {
    const missing = path.join(tempDir(), 'no-such-build');
    const error = await hook({ dir: pathToFileURL(`${missing}/`), logger: logger([]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Building the search index failed: ENOENT/);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});

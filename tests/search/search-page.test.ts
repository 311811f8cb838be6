import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/lectern.ts';
import { artifactsDir } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { archiveDir, documentOf } from './relevance.ts';
import { gunzipSync } from 'node:zlib';
import { FACETS_FILE } from '../../src/lib/search-facets.ts';
import { READY_RESULTS, wordFilePath, type WordFile, type WordIndex, type WordKind, type WordPosting } from '../../src/lib/search-names.ts';
import { buildDictionary, intlSegmenter, planQuery } from '../../src/lib/search-query.ts';
import { searchArchive, type PagefindFragment } from '../../src/lib/search-engine.ts';
import { countNames, readableIndexedText } from '../../src/lib/search-text.ts';

/**
 * The search page's behaviour in Chromium: state in the URL (reload,
 * back/forward), filters with counts, date order, the course box's `course`
 * parameter, the page without JavaScript, the `/` key. The fixture is indexed
 * in shards of 12 pages, so every search here also goes through `mergeIndex`.
 */
let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  out = buildSite(archiveDir, { LECTERN_SEARCH_SHARD_SIZE: '12' });
  server = await serveStatic(out, '/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page: Page, search: string): Promise<void> {
  await page.goto(`${server.url}search/${search}`);
  await settled(page);
}

async function settled(page: Page): Promise<void> {
  await page.waitForSelector('[data-lectern-results][data-lectern-state="done"]', { state: 'attached', timeout: 20_000 });
}

async function results(page: Page): Promise<{ doc: string | undefined; kind: string; date: string }[]> {
  return page.$$eval('[data-lectern-results] > li', (items) =>
    items.map((item) => ({
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      kind: item.querySelector('.kind')?.textContent ?? '',
      date: item.querySelector('time')?.getAttribute('datetime') ?? '',
    })),
  ).then((items) => items.map((item) => ({ doc: documentOf(item.href), kind: item.kind, date: item.date })));
}

/** A Pagefind fragment file: gzip (or not) around `pagefind_dcd` and JSON. */
function readFragment(file: string): PagefindFragment {
  let bytes = readFileSync(file);
  if (bytes.subarray(0, 12).toString() !== 'pagefind_dcd') bytes = gunzipSync(bytes);
  return JSON.parse(bytes.subarray(12).toString('utf8')) as PagefindFragment;
}

/** Every page's indexed text, as the search page reads it, by `<bundle index>/<page id>`. */
function indexedTexts(bundles: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  bundles.forEach((bundle, i) => {
    for (const name of readdirSync(path.join(out, bundle, 'fragment'))) {
      const fragment = readFragment(path.join(out, bundle, 'fragment', name));
      texts.set(`${i}/${name.replace(/\.pf_fragment$/, '')}`, readableIndexedText(fragment.content));
    }
  });
  return texts;
}

describe('search index build', () => {
  it('writes the index into the build output, in shards, with Lectern’s dictionary and facets', () => {
    const shards = readdirSync(out).filter((name) => /^pagefind(-\d+)?$/.test(name));
    expect(shards.length).toBeGreaterThanOrEqual(3);
    const data = JSON.parse(readFileSync(path.join(out, 'pagefind/lectern-search.json'), 'utf8'));
    expect(data.shards).toEqual(shards.filter((s) => s !== 'pagefind').sort().map((s) => `${s}/`));
    expect(data.names).toContain('吴文毅');
    expect(data.terms).toContain('全过程人民民主');
    const facets = JSON.parse(gunzipSync(readFileSync(path.join(out, 'pagefind', FACETS_FILE))).toString('utf8'));
    expect(Object.keys(facets.pages)).toHaveLength(35);
    expect(existsSync(path.join(out, 'search/index.html'))).toBe(true);
    // Only what the search page uses: Pagefind's own interfaces are left out, and merged shards carry no code.
    expect(readdirSync(path.join(out, 'pagefind')).filter((f) => f.includes('-ui') || f.includes('highlight'))).toEqual([]);
    expect(readdirSync(path.join(out, 'pagefind-1')).filter((f) => f.endsWith('.js') || f.startsWith('wasm.'))).toEqual([]);
  });

  it('writes a name index that lists exactly the pages whose indexed text names each person, and how often', () => {
    const data = JSON.parse(readFileSync(path.join(out, 'pagefind/lectern-search.json'), 'utf8'));
    const dictionary = buildDictionary(data.names, data.terms);
    const texts = indexedTexts(['pagefind/', ...data.shards]);
    const expected = new Map<string, string[]>();
    for (const [page, text] of texts) {
      for (const [name, count] of countNames(text, dictionary)) expected.set(name, [...(expected.get(name) ?? []), `${page}:${count}`]);
    }
    expect(expected.get('吴文毅')?.length).toBeGreaterThan(2);
    for (const name of data.names as string[]) {
      const file = path.join(out, 'pagefind', wordFilePath('name', name));
      const postings: WordPosting[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as WordFile)[name] ?? [] : [];
      expect(postings.map(([bundle, page, count]) => `${bundle}/${page}:${count}`).sort(), name).toEqual((expected.get(name) ?? []).sort());
    }
  });

  it('writes a term index that lists exactly the pages whose indexed text holds each term', () => {
    const data = JSON.parse(readFileSync(path.join(out, 'pagefind/lectern-search.json'), 'utf8'));
    const texts = indexedTexts(['pagefind/', ...data.shards]);
    let checked = 0;
    for (const term of data.terms as string[]) {
      const file = path.join(out, 'pagefind', wordFilePath('term', term));
      const postings: WordPosting[] = existsSync(file) ? (JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as WordFile)[term] ?? [] : [];
      const holding = [...texts].filter(([, text]) => text.includes(term)).map(([page]) => page);
      expect(postings.map(([bundle, page]) => `${bundle}/${page}`).sort(), term).toEqual(holding.sort());
      for (const [bundle, page, count] of postings) expect(count, term).toBeGreaterThanOrEqual(texts.get(`${bundle}/${page}`)!.split(term).length - 1);
      if (postings.length > 0) checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('carries, for each name and term, its first results exactly as the search page works them out from the fragments', async () => {
    const data = JSON.parse(readFileSync(path.join(out, 'pagefind/lectern-search.json'), 'utf8'));
    const bundles: string[] = ['pagefind/', ...data.shards];
    const dictionary = buildDictionary(data.names, data.terms);
    const segment = intlSegmenter();
    const readWordFile = (kind: WordKind, word: string): WordFile | undefined => {
      const file = path.join(out, 'pagefind', wordFilePath(kind, word));
      if (!existsSync(file)) return undefined;
      const bytes = readFileSync(file);
      return JSON.parse((kind === 'term' ? gunzipSync(bytes) : bytes).toString('utf8')) as WordFile;
    };
    const wordIndex = (withReady: boolean): WordIndex => ({
      averageLength: data.averageLength,
      terms: new Set(data.terms),
      file: async (kind, word) => {
        const file = readWordFile(kind, word);
        if (!file || withReady) return file;
        return Object.fromEntries(Object.entries(file).map(([w, postings]) => [w, postings.map((p) => p.slice(0, 4) as WordPosting)]));
      },
      fragment: async (bundle, page) => readFragment(path.join(out, bundles[bundle], 'fragment', `${page}.pf_fragment`)),
      url: (address) => address,
    });
    const pagefind = { search: async () => expect.fail('a word is answered without Pagefind') };
    let compared = 0;
    for (const [kind, words] of [['name', data.names], ['term', data.terms]] as const) {
      for (const word of words as string[]) {
        const postings = readWordFile(kind, word)?.[word] ?? [];
        if (postings.length === 0) continue;
        // The first pages carry their result, the others not.
        expect(postings.filter((p) => p[4] !== undefined), word).toHaveLength(Math.min(postings.length, READY_RESULTS));
        const answers = await Promise.all(
          [true, false].map(async (withReady) => {
            const answer = await searchArchive({ pagefind, words: wordIndex(withReady), stages: planQuery(word, dictionary, segment), state: { q: word, filters: {}, sort: 'relevance' } });
            return { ids: answer.ids, details: await Promise.all(answer.ids.slice(0, READY_RESULTS).map(answer.detail)) };
          }),
        );
        expect(answers[0], word).toEqual(answers[1]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('indexes document pages only', () => {
    const html = readFileSync(path.join(out, 'courses/xinyang-2024/index.html'), 'utf8');
    expect(html).not.toContain('data-pagefind-body');
    expect(readFileSync(path.join(out, 'courses/xinyang-2024/piaojuezhi/index.html'), 'utf8')).toContain('data-pagefind-body');
  });
});

describe('search page', () => {
  it('carries <html lang="zh-CN"> and loads no inline script', () => {
    for (const file of ['search/index.html', 'index.html', 'courses/xinyang-2024/piaojuezhi/index.html']) {
      const html = readFileSync(path.join(out, file), 'utf8');
      expect(html).toContain('<html lang="zh-CN">');
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="/);
      expect(html).not.toMatch(/\son[a-z]+="/);
    }
    expect(readFileSync(path.join(out, 'search/index.html'), 'utf8')).toContain('<meta name="robots" content="noindex"');
  });

  it('reads query and filters from the URL and shows filter counts', async () => {
    const page = await browser.newPage();
    await open(page, '?q=预算&kind=lecture');
    const shown = await results(page);
    expect(shown.length).toBeGreaterThan(2);
    expect(new Set(shown.map((r) => r.kind))).toEqual(new Set(['讲稿']));
    await page.waitForSelector('[data-lectern-facets][data-lectern-state="done"]');
    const kinds = await page.$$eval('.facet', (sections) =>
      sections
        .filter((s) => s.querySelector('h3')?.textContent === '类别')
        .flatMap((s) => [...s.querySelectorAll('a')].map((a) => `${a.textContent}${a.getAttribute('aria-current') ? '*' : ''}`)),
    );
    expect(kinds[0]).toBe('全部');
    expect(kinds).toContain(`讲稿（${shown.length}）*`);
    expect(await page.inputValue('[data-lectern-search-input]')).toBe('预算');
    await page.screenshot({ path: path.join(screenshots(), 'search-filtered.png'), fullPage: true });
    await page.close();
  });

  it('passes axe (WCAG 2.2 AA) with results, filters and a loosened-match notice shown', async () => {
    // AxeBuilder needs a page from an explicit context.
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const search of ['?q=预算&kind=lecture', '?q=工农民主政权', '?q=量子计算']) {
      await open(page, search);
      if (search !== '?q=量子计算') await page.waitForSelector('[data-lectern-facets][data-lectern-state="done"]');
      for (const contrast of ['normal', 'high']) {
        // The reading site's 高对比度 palette (src/styles/global.css).
        await page.evaluate((high) => (high ? document.documentElement.setAttribute('data-contrast', 'high') : document.documentElement.removeAttribute('data-contrast')), contrast === 'high');
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(results.violations.map((v) => `${search} (${contrast}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    }
    await context.close();
  });

  it('keeps every change in the URL: filter links, back, forward and reload', async () => {
    const page = await browser.newPage();
    await open(page, '?q=票决制');
    const all = (await results(page)).map((r) => r.doc);
    await page.waitForSelector('[data-lectern-facets][data-lectern-state="done"]');
    await page.click('.facet a[href*="year=2025"]');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2025');
    const in2025 = (await results(page)).map((r) => r.doc);
    expect(in2025).toEqual(['xiangzhen-2025/piaojue', ...in2025.slice(1)]);
    expect(in2025.every((doc) => doc?.startsWith('xiangzhen-2025/'))).toBe(true);

    await page.goBack();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('year')).toBeNull();
    expect((await results(page)).map((r) => r.doc)).toEqual(all);

    await page.goForward();
    await settled(page);
    expect((await results(page)).map((r) => r.doc)).toEqual(in2025);

    await page.reload();
    await settled(page);
    expect((await results(page)).map((r) => r.doc)).toEqual(in2025);
    await page.close();
  });

  it('submits a new query into the URL, keeping the filters', async () => {
    const page = await browser.newPage();
    await open(page, '?q=票决制&course=xiangzhen-2025');
    await page.fill('[data-lectern-search-input]', '代表之家');
    await page.press('[data-lectern-search-input]', 'Enter');
    await page.waitForURL(/q=%E4%BB%A3%E8%A1%A8%E4%B9%8B%E5%AE%B6/);
    await settled(page);
    expect(new URL(page.url()).searchParams.get('course')).toBe('xiangzhen-2025');
    expect((await results(page))[0].doc).toBe('xiangzhen-2025/daibiaozhijia');
    await page.close();
  });

  it('honours the course box’s course parameter', async () => {
    const page = await browser.newPage();
    await open(page, '?q=预算&course=shiren-2023');
    const shown = await results(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((r) => r.doc?.startsWith('shiren-2023/'))).toBe(true);
    await page.close();
  });

  it('sorts by date, newest first, on request', async () => {
    const page = await browser.newPage();
    await open(page, '?q=票决制&sort=date');
    const dates = (await results(page)).map((r) => r.date);
    expect(dates.length).toBeGreaterThan(2);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await page.inputValue('[data-lectern-search-sort]')).toBe('date');
    await page.close();
  });

  it('lists a filter’s documents without a query, and shows more on request', async () => {
    const page = await browser.newPage();
    await open(page, '?q=人大');
    expect(await results(page)).toHaveLength(10);
    await page.click('[data-lectern-more]');
    await page.waitForFunction(() => document.querySelectorAll('[data-lectern-results] > li').length > 10);
    await open(page, '?person=xiong-jianxin');
    expect((await results(page)).map((r) => r.doc)).toEqual(['xiangzhen-2025/piaojue', 'xinyang-2024/piaojuezhi', 'shiren-2023/guoyou']);
    await page.close();
  });

  it('answers a person’s name or a known term from its index, loading none of Pagefind’s code or index', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await open(page, '?q=吴文毅');
    const shown = await results(page);
    expect(shown.map((r) => r.doc)).toEqual(expect.arrayContaining(['xinyang-2024/zhidu-sixiang', 'shiren-2023/zuzhifa', 'shiren-2023/jianghua']));
    expect(await page.$$eval('[data-lectern-results] mark', (marks) => marks.map((m) => m.textContent))).toContain('吴文毅');
    const pagefindFiles = requested.filter((p) => p.endsWith('/pagefind.js') || /\.pf_(index|meta)$/.test(p) || p.includes('/wasm.'));
    expect(pagefindFiles).toEqual([]);
    expect(requested.some((p) => p.includes('/lectern-names/'))).toBe(true);
    // The name file carries its first results, ready to show: no page's fragment is read.
    expect(requested.filter((p) => p.endsWith('.pf_fragment'))).toEqual([]);
    // So is a known term.
    await page.fill('[data-lectern-search-input]', '票决制');
    await page.press('[data-lectern-search-input]', 'Enter');
    await page.waitForURL(/q=%E7%A5%A8/);
    await settled(page);
    expect((await results(page)).map((r) => r.doc)).toEqual(expect.arrayContaining(['xinyang-2024/piaojuezhi', 'xiangzhen-2025/piaojue']));
    expect(requested.filter((p) => p.endsWith('/pagefind.js') || p.endsWith('.pf_fragment'))).toEqual([]);
    expect(requested.some((p) => p.includes('/lectern-terms/'))).toBe(true);
    // A query that is neither still goes to Pagefind, in the same page.
    await page.fill('[data-lectern-search-input]', '吴文毅 预算');
    await page.press('[data-lectern-search-input]', 'Enter');
    await page.waitForURL(/q=/);
    await settled(page);
    expect((await results(page))[0]?.doc).toBe('shiren-2023/jianghua');
    expect(requested.some((p) => p.endsWith('/pagefind.js'))).toBe(true);
    await page.close();
  });

  it('says when nothing is found', async () => {
    const page = await browser.newPage();
    await open(page, '?q=量子计算');
    expect(await results(page)).toEqual([]);
    expect(await page.textContent('[data-lectern-status]')).toContain('没有找到包含“量子计算”的文稿');
    await page.close();
  });

  it('says so, and offers the year and people indexes, when the index cannot be loaded', async () => {
    const page = await browser.newPage();
    await page.route('**/pagefind/pagefind.js', (route) => route.abort());
    // Not a known name or term: Pagefind's to answer.
    await page.goto(`${server.url}search/?q=民主监督`);
    await page.waitForSelector('[data-lectern-results][data-lectern-state="error"]', { state: 'attached' });
    expect(await page.textContent('[data-lectern-status]')).toContain('搜索索引无法加载');
    expect(await page.isVisible('[data-lectern-browse] a[href="/years/"]')).toBe(true);
    await page.close();
  });

  it('explains without JavaScript that search needs it, and links to the year and people indexes', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=票决制`);
    const text = await page.textContent('.search-noscript');
    expect(text).toContain('搜索功能需要浏览器启用 JavaScript');
    const links = await page.$$eval('.search-noscript a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/years/', '/people/']);
    expect(await page.isVisible('[data-lectern-results]')).toBe(false);
    await context.close();
  });
});

describe('header search box', () => {
  it('is a GET form to /search/ with q, and / focuses it', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    await page.keyboard.type('谢天学');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await settled(page);
    expect((await results(page)).map((r) => r.doc)).toContain('xinyang-2024/kaibanshi');
    // On the search page, / goes to the page's own box, and typing / in a box types it.
    await page.click('h1');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-lectern-search-input'))).toBe(true);
    await page.keyboard.type('a/b');
    expect(await page.inputValue('[data-lectern-search-input]')).toBe('a/b');
    await page.close();
  });
});

function screenshots(): string {
  const dir = path.join(artifactsDir, 'search');
  mkdirSync(dir, { recursive: true });
  return dir;
}

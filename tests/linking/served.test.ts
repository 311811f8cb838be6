/**
 * The archive as an official site links to it: built with SITE_URL and
 * BASE_PATH=/peixun/, served by nginx with the configuration of docs/deploy.md,
 * crawled link by link, its feeds validated, its meta tags read, and its embed
 * pages framed by a page on another local origin.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite, runLectern } from '../helpers/lectern.ts';
import { artifactsDir, tempDir } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { crawl, type CrawlResult } from './crawl.ts';
import { base, deployed, linkingFixture } from './fixture.ts';
import { deployDocBlocks, startNginx, type NginxServer } from './nginx.ts';

const SITE = deployed.SITE_URL;
const PARENT_URL = 'https://www.example.gov.cn/';

interface IndexedDocument {
  id: string;
  url: string;
  title: string;
  kind: string;
  course: { id: string; title: string; url: string };
  date: string;
  people: Record<string, { name: string; position?: string }[]>;
  source?: string;
  sourceUrl?: string;
  summary?: string;
}

let content: string;
let dist: string;
let nginx: NginxServer;
let parent: StaticServer;
let parentDir: string;
let browser: Browser;
let crawled: CrawlResult;
let documents: IndexedDocument[];

beforeAll(async () => {
  content = linkingFixture();
  dist = buildSite(content, deployed);
  documents = (JSON.parse(readFileSync(path.join(dist, 'documents.json'), 'utf8')) as { documents: IndexedDocument[] }).documents;
  // The page that embeds the archive lives on a second origin, allowed in the frame-ancestors map.
  parentDir = tempDir('lectern-parent-');
  parent = await serveStatic(parentDir);
  nginx = await startNginx({ dist, embedAncestor: parent.origin });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  await parent?.close();
});

const local = (address: string) => address.replace(SITE, nginx.origin);

describe('served by nginx under /peixun/', () => {
  test('nginx takes the documented configuration without a warning', () => {
    expect(nginx.errorLog()).not.toMatch(/\[(warn|emerg|crit)\]/);
  });

  test('every link and asset from the home page answers 200 and none leaves /peixun/', async () => {
    const start = [base, `${base}robots.txt`, `${base}documents.json`, `${base}embed/latest/`];
    start.push(...documents.map((d) => d.course.id).filter((id, i, all) => all.indexOf(id) === i).map((id) => `${base}embed/courses/${id}/`));
    crawled = await crawl({
      serverOrigin: nginx.origin,
      siteOrigin: SITE,
      base,
      allowedOutside: new Set([PARENT_URL, ...documents.flatMap((d) => (d.sourceUrl ? [d.sourceUrl] : []))]),
      start,
    });
    const report = crawled.problems.map((p) => `${p.from} → ${p.url}: ${p.reason}`).join('\n');
    expect(report).toBe('');
    // The crawl really went through pages, assets, feeds and the sitemap.
    const fetched = [...crawled.fetched.keys()];
    expect(fetched.length).toBeGreaterThan(25);
    for (const expected of ['rss.xml', 'feed.json', 'sitemap-index.xml', 'sitemap-0.xml', 'courses/dabieshan-2024/rss.xml', 'courses/quren-2024/feed.json', 'courses/dabieshan-2024/media/xianchang.png', 'courses/dabieshan-2024/media/tigang.txt']) {
      expect(fetched).toContain(base + expected);
    }
    expect(fetched.some((p) => p.startsWith(`${base}_astro/`) && p.endsWith('.css'))).toBe(true);
    expect(fetched.some((p) => p.startsWith(`${base}_astro/`) && p.endsWith('.js'))).toBe(true);
    // The parent link and the sources are the only ways out.
    expect([...crawled.outside].sort()).toEqual(['https://example.com/news/1', PARENT_URL]);
  });

  test('every page of the build is reached by the crawl (nothing orphaned, nothing generated outside the base)', () => {
    const pages = htmlFiles(dist)
      .filter((file) => file !== '404.html' && !isRedirectPage(path.join(dist, file)))
      .map((file) => base + file.replace(/index\.html$/, ''));
    // File names are Chinese where tags are; the crawl holds the percent-encoded paths it requested.
    const reached = new Set([...crawled.fetched.keys()].map((p) => decodeURIComponent(p)));
    const missing = pages.filter((page) => !reached.has(page));
    expect(missing).toEqual([]);
  });

  test('every page loads in Chromium under the documented headers without a failed or outside request', async () => {
    const pages = [...crawled.fetched].filter(([, r]) => r.type.startsWith('text/html')).map(([p]) => p);
    // Search is another part of the site; when it exists, run a query so the index files load too.
    if (pages.includes(`${base}search/`)) pages.push(`${base}search/?q=${encodeURIComponent('人大')}`);
    const page = await browser.newPage();
    const problems: string[] = [];
    let current = '';
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(nginx.origin + base) && !url.startsWith('data:')) problems.push(`${current}: requested ${url}`);
    });
    page.on('requestfailed', (request) => {
      // A lazy image still loading when the next page is opened is aborted, not broken.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`${current}: ${request.url()} failed (${request.failure()?.errorText})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${current}: ${response.url()} answered ${response.status()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${current}: console: ${message.text()} (${message.location().url})`);
    });
    for (const pathname of pages) {
      current = pathname;
      await page.goto(nginx.origin + pathname, { waitUntil: pathname.includes('search') ? 'networkidle' : 'load' });
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  test('a missing page under /peixun/ gets the 404 page with working links', async () => {
    const response = await fetch(`${nginx.origin}${base}courses/no-such-course/no-such-doc/`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('页面不存在');
    expect(html).not.toMatch(/rel="canonical"/);
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    expect(stylesheet).toMatch(/^\/peixun\/_astro\//);
    expect((await fetch(nginx.origin + stylesheet)).status).toBe(200);
  });

  test('hashed assets are cached for a year, pages and feeds revalidated, security headers everywhere', async () => {
    const css = [...crawled.fetched.keys()].find((p) => p.startsWith(`${base}_astro/`))!;
    const asset = await fetch(nginx.origin + css);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const pathname of [base, `${base}rss.xml`, `${base}documents.json`]) {
      const response = await fetch(nginx.origin + pathname);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('permanent addresses', () => {
  test('the canonical URL of a document is SITE_URL + BASE_PATH + courses/<course>/<id>/', async () => {
    for (const doc of documents) {
      const [course, id] = doc.id.split('/');
      const expected = `${SITE}${base}courses/${course}/${id}/`;
      expect(doc.url).toBe(expected);
      const html = await (await fetch(local(expected))).text();
      expect(html).toContain(`<link rel="canonical" href="${expected}">`);
    }
  });

  test('each alias redirects to its document with a meta refresh and names it as canonical', async () => {
    const target = `${base}courses/quren-2024/xuanju-zhidu/`;
    for (const alias of ['courses/quren-2024/xuanju/', 'courses/old-quren/xuanju/', '2024/0412/c123.html']) {
      const response = await fetch(`${nginx.origin}${base}${alias}`, { redirect: 'manual' });
      expect(response.status, alias).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
      expect(html).toContain(`<link rel="canonical" href="${SITE}${target}">`);
      expect(html).toContain('<meta name="robots" content="noindex">');
    }
    const page = await browser.newPage();
    await page.goto(`${nginx.origin}${base}2024/0412/c123.html`);
    await page.waitForURL(`${nginx.origin}${target}`);
    expect(await page.locator('h1').textContent()).toBe('人大代表选举制度概要');
    await page.close();
  });

  test('redirect pages stay out of the sitemap, which lists every document and course page', () => {
    const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).not.toContain(`${SITE}${base}courses/quren-2024/xuanju/`);
    expect(locs.some((l) => l.includes('/embed/'))).toBe(false);
    for (const doc of documents) expect(locs).toContain(doc.url);
    expect(locs).toContain(`${SITE}${base}`);
    // A partial date is dated by its first day.
    expect(sitemap).toMatch(new RegExp(`<loc>${SITE}${base}courses/quren-2024/kaiban/</loc><lastmod>2024-04-01T`));
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${base}sitemap-index.xml`);
  });
});

describe('feeds and the JSON index', () => {
  const feeds = ['rss.xml', 'courses/dabieshan-2024/rss.xml', 'courses/quren-2024/rss.xml'];

  test.each(feeds)('%s is well-formed RSS 2.0 with absolute links and full dates', async (feed) => {
    const text = await (await fetch(`${nginx.origin}${base}${feed}`)).text();
    const page = await browser.newPage();
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.querySelector('parsererror');
      const channel = doc.querySelector('rss > channel');
      const items = [...doc.querySelectorAll('rss > channel > item')].map((item) => ({
        title: item.querySelector('title')?.textContent,
        link: item.querySelector('link')?.textContent,
        pubDate: item.querySelector('pubDate')?.textContent,
        description: item.querySelector('description')?.textContent,
        categories: [...item.querySelectorAll('category')].map((c) => c.textContent),
        creators: [...item.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'creator')].map((c) => c.textContent),
      }));
      return {
        error: error?.textContent ?? null,
        version: doc.documentElement.getAttribute('version'),
        title: channel?.querySelector(':scope > title')?.textContent,
        link: channel?.querySelector(':scope > link')?.textContent,
        description: channel?.querySelector(':scope > description')?.textContent,
        items,
      };
    }, text);
    await page.close();
    expect(parsed.error).toBeNull();
    expect(parsed.version).toBe('2.0');
    expect(parsed.title).toBeTruthy();
    expect(parsed.description).toBeTruthy();
    expect(parsed.link).toMatch(new RegExp(`^${SITE}${base}`));
    expect(parsed.items.length).toBeGreaterThan(0);
    for (const item of parsed.items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(new RegExp(`^${SITE}${base}courses/[a-z0-9-]+/[a-z0-9-]+/$`));
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} 00:00:00 \+0800$/);
      expect(Number.isNaN(Date.parse(item.pubDate!))).toBe(false);
      expect(item.description).toBeTruthy();
      expect(item.categories.length).toBeGreaterThan(0);
    }
    if (feed === 'courses/quren-2024/rss.xml') {
      const kaiban = parsed.items.find((i) => i.link?.endsWith('/kaiban/'))!;
      expect(kaiban.pubDate).toBe('Mon, 01 Apr 2024 00:00:00 +0800');
      expect(kaiban.categories[0]).toBe('全区人大代表履职能力提升培训班（测试）');
    }
    if (feed === 'rss.xml') {
      const ceji = parsed.items.find((i) => i.link?.endsWith('/ceji/'))!;
      expect(ceji.creators).toEqual(['王紫仪', '曹新俊']);
    }
  });

  test.each(['feed.json', 'courses/dabieshan-2024/feed.json', 'courses/quren-2024/feed.json'])('%s has the fields JSON Feed 1.1 requires', async (feed) => {
    const response = await fetch(`${nginx.origin}${base}${feed}`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const json = (await response.json()) as Record<string, unknown>;
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(json.feed_url).toBe(`${SITE}${base}${feed}`);
    expect(json.language).toBe('zh-CN');
  });

  test('documents.json lists every document, newest first, with what another site needs', () => {
    const files = (readdirSync(content, { recursive: true }) as string[]).filter((f) => /(speeches|lectures|writeups)[\\/][^\\/]+\.md$/.test(f));
    expect(files.length).toBe(7);
    expect(documents).toHaveLength(files.length);
    const dates = documents.map((d) => d.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const doc of documents) {
      expect(Object.keys(doc)).toEqual(expect.arrayContaining(['id', 'url', 'title', 'kind', 'course', 'date', 'people']));
      expect(['speech', 'lecture', 'writeup']).toContain(doc.kind);
      expect(doc.url.startsWith(`${SITE}${base}`)).toBe(true);
      expect(doc.summary).toBeTruthy();
    }
    const kaiban = documents.find((d) => d.id === 'quren-2024/kaiban')!;
    expect(kaiban).toMatchObject({ date: '2024-04', kind: 'speech', source: '网友投稿', course: { id: 'quren-2024', title: '全区人大代表履职能力提升培训班（测试）' } });
    const jieye = documents.find((d) => d.id === 'dabieshan-2024/jieye-jianghua')!;
    expect(jieye.people).toEqual({ speaker: [{ name: '谢天学', position: '市人大常委会主任' }] });
  });

  test('two builds of the same content give the same feeds, indexes, sitemap and pages (no build timestamp)', () => {
    const again = path.join(tempDir('lectern-site-'), 'dist');
    const result = runLectern(['build', '--content', content, '--out', again], deployed);
    expect(result.status, result.stderr).toBe(0);
    const files = htmlFiles(dist, /\.(html|xml|json|txt)$/);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      expect(readFileSync(path.join(again, file), 'utf8'), file).toBe(readFileSync(path.join(dist, file), 'utf8'));
    }
  });
});

describe('meta tags for site checks', () => {
  async function metaOf(pathname: string): Promise<{ meta: Record<string, string[]>; canonical: string | null; footer: string }> {
    const page = await browser.newPage();
    await page.goto(nginx.origin + pathname);
    const result = await page.evaluate(() => {
      const meta: Record<string, string[]> = {};
      for (const tag of document.querySelectorAll('meta[name], meta[property]')) {
        const key = tag.getAttribute('name') ?? tag.getAttribute('property')!;
        (meta[key] ??= []).push(tag.getAttribute('content') ?? '');
      }
      return {
        meta,
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
        footer: document.querySelector('footer')?.innerText ?? '',
      };
    });
    await page.close();
    return result;
  }

  test('a document page carries the article tags, Open Graph and its canonical address', async () => {
    const url = `${SITE}${base}courses/dabieshan-2024/ceji/`;
    const { meta, canonical } = await metaOf(`${base}courses/dabieshan-2024/ceji/`);
    expect(canonical).toBe(url);
    expect(meta).toMatchObject({
      SiteName: ['测试培训资料库'],
      SiteDomain: ['www.example.gov.cn'],
      SiteIDCode: ['4115000001'],
      ColumnName: ['县乡人大干部履职能力提升培训班（测试）'],
      ColumnType: ['培训班'],
      ArticleTitle: ['为高水平履职充电'],
      PubDate: ['2024-11-26'],
      ContentSource: ['测试融媒体中心'],
      Author: ['王紫仪、曹新俊'],
      Description: ['培训班在大别山干部学院举行，这是“充电赋能”的三天。'],
      Image: [`${SITE}${base}courses/dabieshan-2024/media/xianchang.png`],
      Url: [url],
      'og:type': ['article'],
      'og:url': [url],
      'og:title': ['为高水平履职充电'],
      'og:site_name': ['测试培训资料库'],
      'article:published_time': ['2024-11-26'],
    });
    expect(meta.Keywords[0].split(',').length).toBeGreaterThan(0);
  });

  test('a document with a partial date takes its first day where a full date is needed, and shows the month', async () => {
    const { meta } = await metaOf(`${base}courses/quren-2024/kaiban/`);
    expect(meta.PubDate).toEqual(['2024-04-01']);
    expect(meta.ContentSource).toEqual(['网友投稿']);
    const html = await (await fetch(`${nginx.origin}${base}courses/quren-2024/kaiban/`)).text();
    expect(html).toContain('2024年4月');
  });

  test('a list page (a course) carries the column tags and no article tags', async () => {
    const { meta, canonical } = await metaOf(`${base}courses/dabieshan-2024/`);
    expect(canonical).toBe(`${SITE}${base}courses/dabieshan-2024/`);
    expect(meta).toMatchObject({
      SiteName: ['测试培训资料库'],
      SiteDomain: ['www.example.gov.cn'],
      SiteIDCode: ['4115000001'],
      ColumnName: ['县乡人大干部履职能力提升培训班（测试）'],
      ColumnType: ['培训班'],
      'og:type': ['website'],
    });
    expect(meta.ArticleTitle).toBeUndefined();
    expect(meta.PubDate).toBeUndefined();
  });

  test('the footer shows the organisation, ICP number, site code and the way back to the parent site', async () => {
    const { footer } = await metaOf(base);
    expect(footer).toContain('测试市人大常委会办公室');
    expect(footer).toContain('测ICP备12345678号');
    expect(footer).toContain('4115000001');
    expect(footer).toContain('返回测试市人大常委会网站');
  });
});

describe('embeds', () => {
  /** The snippet of docs/deploy.md, pointed at the local nginx instead of www.example.gov.cn. */
  function embedSnippet(src: string): string {
    const snippet = deployDocBlocks('html').find((b) => b.includes('lectern:height'));
    if (!snippet) throw new Error('docs/deploy.md lost its embed snippet');
    return snippet
      .replace('https://www.example.gov.cn/peixun/embed/latest/', `${nginx.origin}${src}`)
      .replace("event.origin !== 'https://www.example.gov.cn'", `event.origin !== '${nginx.origin}'`);
  }

  function writeParentPage(name: string, body: string): string {
    writeFileSync(
      path.join(parentDir, name),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>上级网站</title></head><body>
<h1>上级网站首页</h1>
<script>window.heights = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'lectern:height') heights.push(e.data.height); });</script>
${body}
</body></html>`,
    );
    return `${parent.origin}/${name}`;
  }

  async function embedOnParent(page: Page, src: string): Promise<void> {
    await page.goto(writeParentPage('embed.html', embedSnippet(src)));
    await page.waitForFunction(() => (window as unknown as { heights: number[] }).heights.length > 0);
    await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>('iframe.lectern-embed')!.style.height !== '420px');
  }

  test('the latest list sizes its iframe on another site and a click opens the document in the top window', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await embedOnParent(page, `${base}embed/latest/`);
    const frame = page.frameLocator('iframe.lectern-embed');
    const contentHeight = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
    const iframeHeight = await page.locator('iframe.lectern-embed').evaluate((el) => (el as HTMLIFrameElement).style.height);
    expect(iframeHeight).toBe(`${contentHeight}px`);
    expect(contentHeight).toBeGreaterThan(100);
    await expect(frame.locator('header, footer').count()).resolves.toBe(0);
    const links = frame.locator('a');
    expect(await links.count()).toBeGreaterThan(1);
    for (const target of await links.evaluateAll((as) => as.map((a) => a.getAttribute('target')))) expect(target).toBe('_top');
    await page.screenshot({ path: path.join(artifactsDir, 'linking-embed-latest.png') });

    const first = documents[0];
    await links.first().click();
    await page.waitForURL(local(first.url));
    expect(await page.locator('h1').textContent()).toBe(first.title);
    await page.close();
  });

  test('a course list embeds the same way', async () => {
    const page = await browser.newPage();
    await embedOnParent(page, `${base}embed/courses/quren-2024/`);
    const titles = await page.frameLocator('iframe.lectern-embed').locator('a[target="_top"]').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['代表法基本知识', '人大代表选举制度概要']));
    await page.close();
  });

  test('pages other than the embeds refuse to be framed by another site', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors|Refused to (display|frame)/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(writeParentPage('home.html', `<iframe src="${nginx.origin}${base}" title="archive"></iframe>`));
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
    await page.close();
  });
});

function htmlFiles(root: string, pattern = /\.html$/): string[] {
  return (readdirSync(root, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => pattern.test(file))
    .sort();
}

function isRedirectPage(file: string): boolean {
  return readFileSync(file, 'utf8').includes('http-equiv="refresh"');
}

/** The requirements of https://www.jsonfeed.org/version/1.1/ (MUST and required fields, types of what is there). */
function jsonFeedErrors(feed: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const isString = (v: unknown) => typeof v === 'string';
  const absolute = (v: unknown) => isString(v) && /^https?:\/\//.test(v as string);
  if (feed.version !== 'https://jsonfeed.org/version/1.1') errors.push(`version ${String(feed.version)}`);
  if (!isString(feed.title) || feed.title === '') errors.push('title');
  if (!Array.isArray(feed.items)) return [...errors, 'items'];
  for (const key of ['home_page_url', 'feed_url']) if (key in feed && !absolute(feed[key])) errors.push(key);
  (feed.items as Record<string, unknown>[]).forEach((item, i) => {
    if (!isString(item.id) || item.id === '') errors.push(`items[${i}].id`);
    if (!isString(item.content_text) && !isString(item.content_html)) errors.push(`items[${i}] has neither content_text nor content_html`);
    if ('url' in item && !absolute(item.url)) errors.push(`items[${i}].url`);
    if ('title' in item && !isString(item.title)) errors.push(`items[${i}].title`);
    if ('summary' in item && !isString(item.summary)) errors.push(`items[${i}].summary`);
    if ('date_published' in item && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(String(item.date_published))) {
      errors.push(`items[${i}].date_published is not RFC 3339`);
    }
    if ('authors' in item) {
      const authors = item.authors;
      if (!Array.isArray(authors) || authors.some((a) => typeof a !== 'object' || a === null || !isString((a as { name?: unknown }).name))) {
        errors.push(`items[${i}].authors`);
      }
    }
    if ('tags' in item && (!Array.isArray(item.tags) || !item.tags.every(isString))) errors.push(`items[${i}].tags`);
  });
  return errors;
}

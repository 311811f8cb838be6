import { beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withBuildLock } from '../helpers/build-lock.ts';
import { runLectern } from '../helpers/lectern.ts';
import { fixture, projectRoot, tempDir } from '../helpers/paths.ts';
import { cacheDir } from '../../src/archive/cache-dir.ts';

/**
 * A rebuild reuses what did not change (check results, rendered bodies, pages whose
 * cache key is unchanged) and must never serve a stale page. Timings are the
 * benchmark's business (npm run bench); here only correctness.
 */
let root = '';
let content = '';
let out = '';
/** The log of the first, full build. */
let firstLog = '';

// Small search shards, so the fixture has several and a change touches only one.
const env = { LECTERN_SEARCH_SHARD_SIZE: '2' };

function build(): string {
  const result = withBuildLock(() => runLectern(['build', '--content', content, '--out', out], env));
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

const page = (route: string) => readFileSync(path.join(out, route, 'index.html'), 'utf8');
const file = (route: string) => readFileSync(path.join(out, route), 'utf8');

/** Routes without parameters (home, indexes, site-wide feeds): Astro gives them no cache key, so they are always rendered. */
function routesWithoutKeys(): string[] {
  const pages = path.resolve(import.meta.dirname, '../../src/pages');
  return readdirSync(pages, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(astro|ts)$/.test(name) && !name.includes('['));
}
const modified = (route: string) => statSync(path.join(out, route, 'index.html')).mtimeMs;

beforeAll(() => {
  root = tempDir('lectern-incremental-');
  content = path.join(root, 'content');
  out = path.join(root, 'dist');
  cpSync(fixture('basic'), content, { recursive: true });
  firstLog = build();
});

describe('a full build', () => {
  it('renders the document pages before any other page (documents-first.ts)', () => {
    const documents = readdirSync(content, { recursive: true, encoding: 'utf8' })
      .filter((name) => /^[^/]+\/(lectures|speeches|writeups)\/[^/]+\.md$/.test(name))
      .map((name) => `/courses/${name.split('/')[0]}/${path.basename(name, '.md')}/index.html`);
    const rendered = [...firstLog.matchAll(/[├└]─ (\/\S*?\.(?:html|xml|json|txt))/g)].map((m) => m[1]);
    expect(documents.length).toBe(6);
    expect(rendered.length).toBeGreaterThan(20);
    expect(rendered.slice(0, documents.length).sort()).toEqual(documents.sort());
  });
});

describe('rebuilding after a change', () => {
  it('takes unchanged pages from the cache and renders nothing again', () => {
    const log = build();
    // Every page with parameters (documents, courses, feeds and embeds of courses, people, tags, years) is restored.
    // Restored from Astro's cache, or found linked in from the published site (published-pages.ts).
    const routes = log.match(/[├└]─ \//g)?.length ?? 0;
    const unchanged = log.match(/\((?:restored|cached)\)/g)?.length ?? 0;
    expect(routes).toBeGreaterThan(20);
    expect(routes - unchanged).toBe(routesWithoutKeys().length);
    expect(log).toMatch(/lectern:lecture\] 3 entries, 0 rendered/);
    const [, shards, reused] = /in (\d+) index\(es\).*; (\d+) index\(es\) unchanged, from the cache/.exec(log) ?? [];
    expect(Number(shards)).toBeGreaterThan(1);
    expect(reused).toBe(shards);
    // The results the word files carry ready to show (search-ready-results.ts), all from the cache.
    const [, ready, readyReused] = /(\d+) results ready to show, (\d+) from the cache/.exec(log) ?? [];
    expect(Number(ready)).toBeGreaterThan(10);
    expect(readyReused).toBe(ready);
  });

  it('shows a changed body on its page and in its course compilation, and leaves other pages as they were', () => {
    const before = page('courses/quren-2024/kaiban');
    appendFileSync(path.join(content, 'dabieshan-2024/lectures/piaojuezhi.md'), '\n增量构建测试追加的一段文字。\n');
    const log = build();
    expect(log).toMatch(/lectern:lecture\] 3 entries, 1 rendered/);
    // Only the search shard holding the changed document is indexed again.
    const [, shards, reused] = /in (\d+) index\(es\).*; (\d+) index\(es\) unchanged, from the cache/.exec(log) ?? [];
    expect(Number(reused)).toBe(Number(shards) - 1);
    // Its other pages are taken as the last build read them.
    expect(Number(/, (\d+) unchanged in the indexes made again/.exec(log)?.[1])).toBeGreaterThan(0);
    // Those of the changed page are worked out again; the others come from the cache.
    const [, ready, readyReused] = /(\d+) results ready to show, (\d+) from the cache/.exec(log) ?? [];
    expect(Number(readyReused)).toBeLessThan(Number(ready));
    expect(Number(readyReused)).toBeGreaterThan(0);
    expect(page('courses/dabieshan-2024/piaojuezhi')).toContain('增量构建测试追加的一段文字。');
    expect(page('courses/dabieshan-2024/print')).toContain('增量构建测试追加的一段文字。');
    expect(page('courses/quren-2024/kaiban')).toBe(before);
  });

  it("keeps outlines out of Astro's content store, and shows a changed heading in the table of contents", () => {
    const store = () => readFileSync(path.join(cacheDir(content, projectRoot), 'data-store.json'), 'utf8');
    const toc = (html: string) => /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    // Astro serializes the whole store on every build: a lecture's outline lives beside its HTML (html-cache.ts).
    expect(toc(page('courses/dabieshan-2024/zhidu-lishi'))).toContain('一、制度的建立');
    expect(store()).toContain('zhidu-lishi');
    expect(store()).not.toContain('一、制度的建立');
    const source = path.join(content, 'dabieshan-2024/lectures/zhidu-lishi.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('## 一、制度的建立', '## 一、制度的确立'));
    build();
    expect(toc(page('courses/dabieshan-2024/zhidu-lishi'))).toContain('一、制度的确立');
    expect(toc(page('courses/dabieshan-2024/zhidu-lishi'))).not.toContain('一、制度的建立');
    expect(store()).not.toContain('一、制度的确立');
  });

  it("shows a changed first paragraph in its course's feeds, which give it as the summary", () => {
    const otherFeed = file('courses/quren-2024/feed.json');
    const source = path.join(content, 'dabieshan-2024/lectures/piaojuezhi.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('票决制由代表投票决定实施哪些民生实事项目。', '票决制让代表投票决定办哪些民生实事。'));
    build();
    for (const feed of ['courses/dabieshan-2024/feed.json', 'courses/dabieshan-2024/rss.xml']) {
      expect(file(feed), feed).toContain('票决制让代表投票决定办哪些民生实事。');
    }
    expect(file('courses/quren-2024/feed.json')).toBe(otherFeed);
  });

  it('shows a changed title on every page that lists the document', () => {
    const file = path.join(content, 'dabieshan-2024/lectures/piaojuezhi.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 民生实事项目人大代表票决制', 'title: 民生实事项目人大代表票决制（修订）'));
    const earlier = modified('courses/quren-2024/kaiban');
    build();
    for (const route of ['courses/dabieshan-2024/piaojuezhi', 'courses/dabieshan-2024', '']) {
      expect(page(route), route).toContain('民生实事项目人大代表票决制（修订）');
    }
    // Lists, related documents and people pages all come from the front matter: every page is rendered again.
    expect(modified('courses/quren-2024/kaiban')).toBeGreaterThan(earlier);
  });
});

describe('planShards', () => {
  it('keeps the pages of a course together, and each course in its shard until the archive doubles', async () => {
    const { planShards } = await import('../../src/integrations/search-index-build.ts');
    const pages = (courses: number) =>
      Array.from({ length: courses * 10 }, (_, i) => ({ url: `/courses/c${Math.floor(i / 10)}/d${i % 10}/`, course: { id: `c${Math.floor(i / 10)}` } }));
    const shardOf = (plan: { shard: number; pages: { course: { id: string } }[] }[]) =>
      new Map(plan.flatMap(({ shard, pages: list }) => list.map((p) => [p.course.id, shard] as const)));
    const small = planShards(pages(25), 100);
    const grown = planShards(pages(40), 100);
    expect(small.length).toBeLessThanOrEqual(4);
    expect(grown.length).toBeLessThanOrEqual(4);
    for (const { pages: list } of small) expect(new Set(list.map((p) => p.course.id)).size * 10).toBe(list.length);
    const before = shardOf(small);
    const after = shardOf(grown);
    for (const [course, shard] of before) expect(after.get(course), course).toBe(shard);
    expect(planShards(pages(5), 100)).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/lectern.ts';
import { fixture, tempDir } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

/**
 * Past one machine (docs/scaling.md): two courses of one archive built as separate sites
 * (LECTERN_COURSE), as two CI jobs would, served side by side; the first one's search
 * page searches both (LECTERN_SEARCH_SITES, Pagefind's mergeIndex).
 */
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const dabieshan = buildSite(fixture('basic'), {
    LECTERN_COURSE: 'dabieshan-2024',
    BASE_PATH: '/peixun/dabieshan-2024/',
    LECTERN_SEARCH_SITES: '/peixun/quren-2024/',
  });
  const quren = buildSite(fixture('basic'), { LECTERN_COURSE: 'quren-2024', BASE_PATH: '/peixun/quren-2024/' });
  const root = tempDir('lectern-multisite-');
  mkdirSync(path.join(root, 'peixun'));
  symlinkSync(dabieshan, path.join(root, 'peixun', 'dabieshan-2024'));
  symlinkSync(quren, path.join(root, 'peixun', 'quren-2024'));
  server = await serveStatic(root, '/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function resultLinks(site: string, query: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.origin}/peixun/${site}/search/?q=${encodeURIComponent(query)}`);
    // The list says when the search is over, whatever it found.
    await page.waitForFunction(() => {
      const state = document.querySelector('[data-lectern-results]')?.getAttribute('data-lectern-state');
      return state !== null && state !== undefined && state !== 'loading';
    }, undefined, { timeout: 60_000 });
    return await page.locator('[data-lectern-results] > li a.result-title').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  } finally {
    await page.close();
  }
}

describe('sites built apart, searched together', () => {
  it('finds a document of the other site, at its own address', async () => {
    expect(await resultLinks('dabieshan-2024', '代表法')).toContain('/peixun/quren-2024/courses/quren-2024/daibiaofa/');
  });

  it('still finds its own documents', async () => {
    const links = await resultLinks('dabieshan-2024', '票决制');
    expect(links[0]).toMatch(/^\/peixun\/dabieshan-2024\/courses\/dabieshan-2024\//);
  });

  it('searches only itself when no other site is named', async () => {
    const links = await resultLinks('quren-2024', '票决制');
    expect(links.every((link) => link.startsWith('/peixun/quren-2024/'))).toBe(true);
    expect(await resultLinks('quren-2024', '代表法')).toContain('/peixun/quren-2024/courses/quren-2024/daibiaofa/');
  });
});

describe('mergeFacets', () => {
  it('renumbers the courses, people and tags of later sites into the first one’s lists', async () => {
    const { mergeFacets } = await import('../../src/lib/search-facets.ts');
    const merged = mergeFacets([
      { version: 1, courses: [['a', '甲班']], people: [['p1', '张三']], tags: ['预算'], pages: { x: [0, 'lecture', '2024', [0], [0]] } },
      { version: 1, courses: [['b', '乙班']], people: [['p2', '李四'], ['p1', '张三']], tags: ['票决制', '预算'], pages: { y: [0, 'speech', '2023', [0, 1], [1, 0]] } },
    ]);
    expect(merged.courses).toEqual([['a', '甲班'], ['b', '乙班']]);
    expect(merged.people).toEqual([['p1', '张三'], ['p2', '李四']]);
    expect(merged.tags).toEqual(['预算', '票决制']);
    expect(merged.pages).toEqual({ x: [0, 'lecture', '2024', [0], [0]], y: [1, 'speech', '2023', [1, 0], [0, 1]] });
  });
});

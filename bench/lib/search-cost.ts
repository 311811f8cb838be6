/**
 * What a search costs a reader: bytes the server sent (counted server-side, because
 * Pagefind fetches its index from a Web Worker that page-level DevTools does not see)
 * and milliseconds until the first result shows, in headless Chromium with an empty cache.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { serveStatic } from '../../tests/helpers/serve.ts';
import type { BenchArchive } from './generate-archive.ts';

export interface QueryCost {
  query: string;
  bytes: number;
  requests: number;
  ms: number;
  results: number;
}

export interface SearchCost {
  /** A person's name, typed into a fresh browser (cold cache): page, scripts and index. */
  first: QueryCost;
  /** A second query typed into the same page. */
  second: QueryCost;
  /** A term found in nearly every document, in a fresh browser. */
  common: QueryCost;
}

type Site = 'lectern' | 'peer';

/** How each site's search page is driven. */
const pages: Record<Site, { resultSelector: string; inputSelector: string }> = {
  // src/pages/search/index.astro: results in <ol data-lectern-results>, the query box is [data-lectern-search-input].
  lectern: { resultSelector: '[data-lectern-results] > li a', inputSelector: '[data-lectern-search-input]' },
  // Pagefind's Default UI, on the page bench/lib/hugo-site.ts adds to the peer.
  peer: { resultSelector: '.pagefind-ui__result-link', inputSelector: '.pagefind-ui__search-input' },
};

const TIMEOUT_MS = 180_000;

export async function measureSearch(out: string, archive: BenchArchive, site: Site, log: (line: string) => void): Promise<SearchCost | undefined> {
  if (!existsSync(path.join(out, 'search', 'index.html'))) {
    log(`${site}: no search page in ${out}; search not measured`);
    return undefined;
  }
  const server = await serveStatic(out, '/');
  const browser = await launchBrowser();
  const { resultSelector, inputSelector } = pages[site];
  try {
    const coldQuery = async (query: string): Promise<{ cost: QueryCost; page: Page; close: () => Promise<void> }> => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const before = server.bytesSent();
      const requestsBefore = server.requests.length;
      const started = Date.now();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector(resultSelector, { timeout: TIMEOUT_MS });
      const ms = Date.now() - started;
      const results = await page.locator(resultSelector).count();
      return {
        cost: { query, bytes: server.bytesSent() - before, requests: server.requests.length - requestsBefore, ms, results },
        page,
        close: () => context.close(),
      };
    };
    log(`${site}: search for a name, cold: ${archive.probes.person}`);
    const first = await coldQuery(archive.probes.person);
    log(`${site}: second query: ${archive.probes.topic}`);
    const firstLinks = await first.page.locator(resultSelector).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href).join('\n'));
    const before = server.bytesSent();
    const requestsBefore = server.requests.length;
    const started = Date.now();
    await first.page.fill(inputSelector, archive.probes.topic);
    await first.page.press(inputSelector, 'Enter');
    await first.page.waitForFunction(
      ({ selector, previous }) => {
        const links = [...document.querySelectorAll(selector)].map((a) => (a as HTMLAnchorElement).href).join('\n');
        return links !== '' && links !== previous;
      },
      { selector: resultSelector, previous: firstLinks },
      { timeout: TIMEOUT_MS },
    );
    const second: QueryCost = {
      query: archive.probes.topic,
      bytes: server.bytesSent() - before,
      requests: server.requests.length - requestsBefore,
      ms: Date.now() - started,
      results: await first.page.locator(resultSelector).count(),
    };
    await first.close();
    log(`${site}: a term in nearly every document, cold: ${archive.probes.common}`);
    const common = await coldQuery(archive.probes.common);
    await common.close();
    return { first: first.cost, second, common: common.cost };
  } finally {
    await browser.close();
    await server.close();
  }
}

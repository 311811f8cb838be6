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
  /** Bytes sent before the first result showed: what the reader waited for. */
  bytes: number;
  requests: number;
  /** Milliseconds from loading the page (or pressing Enter) to the first result. */
  ms: number;
  results: number;
  /** Bytes sent by the time the page settled (filter counts and the like, loaded after the results). */
  settledBytes?: number;
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

/**
 * Notes, in the page, the moment results first show (different from `previous`
 * links): a MutationObserver, so that what the page fetches right after (filter
 * counts) is not counted as waited for. Page and server share a clock.
 */
function watchFirstResult({ sel, before }: { sel: string; before: string }): void {
  const state = window as unknown as { lecternShownAt?: number };
  delete state.lecternShownAt;
  const shown = () => {
    const links = [...document.querySelectorAll(sel)].map((a) => (a as HTMLAnchorElement).href).join('\n');
    return links !== '' && links !== before;
  };
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    state.lecternShownAt ??= Date.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** When `watchFirstResult` saw the results. */
async function firstResultAt(page: Page): Promise<number> {
  const shownAt = await page.waitForFunction(() => (window as unknown as { lecternShownAt?: number }).lecternShownAt ?? false, undefined, {
    timeout: TIMEOUT_MS,
  });
  return (await shownAt.jsonValue()) as number;
}

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
      await context.addInitScript(watchFirstResult, { sel: resultSelector, before: '' });
      const page = await context.newPage();
      const from = server.responses.length;
      const started = Date.now();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      const shownAt = await firstResultAt(page);
      const results = await page.locator(resultSelector).count();
      await page.waitForLoadState('networkidle');
      return {
        cost: { query, ...sentBefore(from, shownAt), ms: shownAt - started, results, settledBytes: sentSince(from) },
        page,
        close: () => context.close(),
      };
    };
    /** Bytes and responses since response `from`, sent up to `until`. */
    const sentBefore = (from: number, until: number) => {
      const sent = server.responses.slice(from).filter((r) => r.at <= until);
      return { bytes: sent.reduce((sum, r) => sum + r.bytes, 0), requests: sent.length };
    };
    const sentSince = (from: number) => server.responses.slice(from).reduce((sum, r) => sum + r.bytes, 0);
    log(`${site}: search for a name, cold: ${archive.probes.person}`);
    const first = await coldQuery(archive.probes.person);
    log(`${site}: second query: ${archive.probes.topic}`);
    const firstLinks = await first.page.locator(resultSelector).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href).join('\n'));
    const from = server.responses.length;
    const started = Date.now();
    await first.page.evaluate(watchFirstResult, { sel: resultSelector, before: firstLinks });
    await first.page.fill(inputSelector, archive.probes.topic);
    await first.page.press(inputSelector, 'Enter');
    const shownAt = await firstResultAt(first.page);
    await first.page.waitForLoadState('networkidle');
    const second: QueryCost = {
      query: archive.probes.topic,
      ...sentBefore(from, shownAt),
      ms: shownAt - started,
      results: await first.page.locator(resultSelector).count(),
      settledBytes: sentSince(from),
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

/**
 * One built and served copy of the `basic` fixture and a browser, shared by the
 * tests of a file, with a guard that records every request to another origin.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/lectern.ts';
import { artifactsDir, fixture } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

/** The pages of the `basic` fixture, one of each type. */
export const pages = {
  home: '',
  course: 'courses/dabieshan-2024/',
  courseMonthOnly: 'courses/quren-2024/',
  speech: 'courses/dabieshan-2024/jieye-jianghua/',
  speechOmitted: 'courses/quren-2024/kaiban/',
  lecture: 'courses/dabieshan-2024/zhidu-lishi/',
  lectureShort: 'courses/dabieshan-2024/piaojuezhi/',
  writeup: 'courses/dabieshan-2024/ceji/',
  compilation: 'courses/dabieshan-2024/print/',
  people: 'people/',
  person: 'people/wu-wenyi/',
  years: 'years/',
  year: 'years/2024/',
  tags: 'tags/',
  tag: `tags/${encodeURIComponent('人民代表大会制度')}/`,
  notFound: 'no-such-page/',
} as const;

export interface SiteSession {
  dist: string;
  server: StaticServer;
  browser: Browser;
  /** Requests the pages made to any origin but the test server. */
  foreignRequests: string[];
  open(sitePath: string, options?: BrowserContextOptions & { init?: () => void }): Promise<Page>;
  /** Closes the pages opened so far (call after each test). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export async function startSiteSession(env: NodeJS.ProcessEnv = {}, base = '/'): Promise<SiteSession> {
  const dist = buildSite(fixture('basic'), env);
  const server = await serveStatic(dist, base);
  const browser = await launchBrowser();
  const foreignRequests: string[] = [];
  const opened: Page[] = [];
  const closePages = async () => {
    for (const page of opened.splice(0)) await page.context().close().catch(() => undefined);
  };
  return {
    dist,
    server,
    browser,
    foreignRequests,
    async open(sitePath, options = {}) {
      const { init, ...contextOptions } = options;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
      if (init) await context.addInitScript(init);
      const page = await context.newPage();
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(server.origin + '/')) foreignRequests.push(url);
      });
      opened.push(page);
      await page.goto(server.url + sitePath);
      return page;
    },
    closePages,
    async close() {
      await closePages();
      await browser.close();
      await server.close();
    },
  };
}

export function artifactPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return path.join(artifactsDir, name);
}

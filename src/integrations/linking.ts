import { renameSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { partialDateToIso, type PartialDate } from '../lib/partial-date.ts';
import { paths } from '../lib/urls.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

/** The route of the redirect pages (old addresses): not pages of the archive. */
const REDIRECT_ROUTE = '/[...alias]';

interface IndexedDocument {
  url: string;
  date: PartialDate;
  course: { url: string };
}

/**
 * Linking from other sites (issue 8): adds the sitemap, whose entries are the
 * archive's own pages (no embeds, redirects, feeds or 404), dated by their
 * documents (`lastmod`), never by the clock, so two builds give the same file.
 */
export function linking(): AstroIntegration {
  let root: URL | undefined;
  const excluded = new Set<string>();
  const lastmod = new Map<string, string>();
  const isArchivePage = (url: string) =>
    url.endsWith('/') && !excluded.has(url) && !(root && url.startsWith(new URL('embed/', root).href));
  return {
    name: 'lectern:linking',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        // A sitemap needs absolute addresses: without SITE_URL there is none to write.
        if (!config.site) return;
        updateConfig({
          integrations: [
            sitemap({
              filter: isArchivePage,
              serialize: (item) => {
                const date = lastmod.get(item.url);
                return date ? { ...item, lastmod: date } : item;
              },
            }),
          ],
        });
      },
      'astro:config:done': ({ config }) => {
        root = config.site ? new URL(config.base, config.site) : undefined;
      },
      // Runs before the sitemap's own build:done, which was added after this integration.
      'astro:build:done': ({ dir, assets }) => {
        const redirects = assets.get(REDIRECT_ROUTE) ?? [];
        if (root) {
          for (const file of redirects) excluded.add(new URL(file.href.slice(dir.href.length).replace(/index\.html$/, ''), root).href);
          datePages(root, readDocumentIndex(fileURLToPath(new URL(paths.documentsJson(), dir))), lastmod);
        }
        for (const file of redirects) fileAliasToFile(fileURLToPath(file));
      },
    },
  };
}

/** `lastmod` of each page: its document's date; a course page and the home page take their newest document's. */
function datePages(root: URL, documents: IndexedDocument[], lastmod: Map<string, string>): void {
  // Newest first in the index: walking it backwards leaves the newest date on course and home pages.
  for (const doc of [...documents].reverse()) {
    const date = partialDateToIso(doc.date);
    lastmod.set(doc.url, date);
    lastmod.set(doc.course.url, date);
    lastmod.set(root.href, date);
  }
}

/**
 * An alias that names a page of an old CMS (`2024/0412/c123.html`) comes out of
 * Astro as `c123.html/index.html`; moved to `c123.html`, the old address is
 * answered directly instead of through the web server's slash redirect.
 */
function fileAliasToFile(file: string): void {
  const folder = path.dirname(file);
  if (path.basename(file) !== 'index.html' || !/\.s?html?$/i.test(folder)) return;
  const moved = `${folder}.lectern-tmp`;
  renameSync(file, moved);
  rmdirSync(folder);
  renameSync(moved, folder);
}

function readDocumentIndex(file: string): IndexedDocument[] {
  return (JSON.parse(readUtf8(file)) as { documents: IndexedDocument[] }).documents;
}

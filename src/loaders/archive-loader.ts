import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { checkedArchive } from '../archive/shared-archive.ts';
import type { DocumentKind } from '../schemas/document.ts';
import { needsUnified, renderMarkdown } from '../markdown/render-markdown.ts';
import { RENDERER_VERSION } from '../markdown/renderer-version.ts';
import { BODIES_FOR_WORKERS, closeRenderPool, renderInWorkers } from './render-pool.ts';
import { EXTERNAL_HTML_ENV, HEADINGS_KEY, HTML_KEY, SOURCE_KEY, htmlCacheDir, pruneCachedHtml, writeCachedBody } from '../markdown/html-cache.ts';

const watching = new Set<ArchiveCollection>();

/** The digests each collection still uses; files no collection uses are pruned once all four have loaded. */
const inUse = new Map<ArchiveCollection, string[]>();
const COLLECTIONS: ArchiveCollection[] = ['courses', 'speech', 'lecture', 'writeup'];

function keepHtml(collection: ArchiveCollection, dir: string, digests: string[]): void {
  inUse.set(collection, digests);
  if (!COLLECTIONS.every((c) => inUse.has(c))) return;
  pruneCachedHtml(dir, new Set([...inUse.values()].flat()));
  inUse.clear();
  void closeRenderPool();
}

export type ArchiveCollection = 'courses' | DocumentKind;

interface Entry {
  id: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
  textHash?: string;
}

/**
 * A content loader fed by Lectern's own archive reader instead of Astro's glob loader:
 * the files were already read and validated by `lectern check` (with the same schemas),
 * so the entries go into the store as they are. Bodies are rendered with the fast
 * renderer (unified only for the few documents that need it, see render-markdown.ts),
 * and an entry whose text, data and renderer are unchanged keeps its rendered HTML from
 * the previous build (Astro keeps the store between builds).
 */
export function archiveLoader(content: string, collection: ArchiveCollection): Loader {
  return {
    name: `lectern:${collection}`,
    load: async (context) => {
      const { store, generateDigest, renderMarkdown: renderWithUnified, config, logger, watcher } = context;
      // `astro dev`: reload when a file of the archive changes (a build has no watcher).
      if (watcher && !watching.has(collection)) {
        watching.add(collection);
        watcher.add(content);
        const reload = (file: string) => {
          if (file.startsWith(path.resolve(content) + path.sep)) void archiveLoader(content, collection).load(context);
        };
        watcher.on('change', reload).on('add', reload).on('unlink', reload);
      }
      const archive = checkedArchive(content);
      // Bodies are read only for the entries rendered again: the check does not read unchanged files.
      const entries: Entry[] =
        collection === 'courses'
          ? archive.courses.map((c) => ({ id: c.id, file: c.file, data: c.data, get body() { return c.body; }, textHash: c.textHash }))
          : archive.documents
              .filter((d) => d.kind === collection)
              .map((d) => ({ id: `${d.course}/${d.id}`, file: d.file, data: d.data, get body() { return d.body; }, textHash: d.textHash }));
      const root = fileURLToPath(config.root);
      const external = process.env[EXTERNAL_HTML_ENV] === '1';
      const htmlDir = htmlCacheDir(fileURLToPath(config.cacheDir));
      const seen = new Set<string>();
      let rendered = 0;
      let slow = 0;
      type Html = { html: string; metadata: { headings?: { depth: number; slug: string; text: string }[]; [key: string]: unknown } };
      /** Puts a rendered entry into the store; in a build, its body and HTML stay outside (data-store-from-disk.ts). */
      const record = (entry: Entry, digest: string, absolute: string, html: Html, written = false) => {
        rendered++;
        if (external) {
          const { headings = [], ...metadata } = html.metadata;
          if (!written) writeCachedBody(htmlDir, digest, html.html, headings);
          const outside = headings.length > 0 ? { [HEADINGS_KEY]: true } : { headings };
          html = { html: '', metadata: { ...metadata, ...outside, [HTML_KEY]: digest, [SOURCE_KEY]: absolute } };
        }
        store.set({
          id: entry.id,
          data: entry.data,
          ...(external ? {} : { body: entry.body }),
          digest,
          filePath: path.relative(root, absolute),
          rendered: html,
        });
      };
      /** Bodies for the fast renderer, rendered together at the end (in worker threads when there are many). */
      const fast: { entry: Entry; digest: string; absolute: string; body: string }[] = [];
      for (const entry of entries) {
        seen.add(entry.id);
        // The check's hash of the whole file stands for the body: hashing 10,000 bodies again took 0.3 s.
        const content = entry.textHash === undefined ? { body: entry.body } : { text: entry.textHash };
        const digest = generateDigest({ renderer: RENDERER_VERSION, ...content, data: entry.data });
        const previous = store.get(entry.id);
        if (entry.file.endsWith('.mdx')) {
          // MDX is code (trusted authors): @astrojs/mdx compiles it as a module when a page
          // renders it, exactly as the glob loader arranges with `deferredRender`.
          const filePath = path.relative(root, path.join(archive.root, entry.file));
          if (previous?.digest === digest && previous.deferredRender) store.addModuleImport(filePath);
          else store.set({ id: entry.id, data: entry.data, body: entry.body, digest, filePath, deferredRender: true });
          continue;
        }
        const previousExternal = previous?.rendered?.metadata?.[HTML_KEY] !== undefined;
        if (previous?.digest === digest && previous.rendered && previousExternal === external) continue;
        const absolute = path.join(archive.root, entry.file);
        const body = entry.body;
        if (needsUnified(body)) {
          const result = await renderWithUnified(body, { fileURL: pathToFileURL(absolute) });
          record(entry, digest, absolute, { html: result.html, metadata: { ...result.metadata, headings: result.metadata?.headings ?? [] } });
          slow++;
        } else {
          fast.push({ entry, digest, absolute, body });
        }
      }
      if (external && fast.length >= BODIES_FOR_WORKERS) {
        const headings = await renderInWorkers(fast.map(({ digest, body }) => ({ digest, body })), htmlDir);
        fast.forEach(({ entry, digest, absolute }, i) => record(entry, digest, absolute, { html: '', metadata: { headings: headings[i] } }, true));
      } else {
        for (const { entry, digest, absolute, body } of fast) {
          const result = renderMarkdown(body);
          record(entry, digest, absolute, { html: result.html, metadata: { headings: result.headings } });
        }
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      if (external) keepHtml(collection, htmlDir, [...seen].map((id) => String(store.get(id)?.digest ?? '')));
      logger.info(`${entries.length} entries, ${rendered} rendered (${slow} with unified), ${entries.length - rendered} unchanged`);
    },
  };
}

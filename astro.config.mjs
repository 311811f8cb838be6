// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { rehypeHeadingIds } from './src/markdown/rehype-heading-ids.ts';
import { rehypeUntrustedHtml } from './src/markdown/sanitize.ts';
import { lectern } from './src/integrations/lectern.ts';
import { linking } from './src/integrations/linking.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { csp } from './src/integrations/csp.ts';
import { prerenderer } from './src/integrations/prerenderer.ts';
import { buildTimings } from './src/integrations/timings.ts';
import { readSiteFile } from './src/archive/site-file.ts';
import { contentDir } from './src/archive/content-dir.ts';
import { deployment } from './src/archive/deployment.ts';
import { cacheDir } from './src/archive/cache-dir.ts';

const content = contentDir();
const { site, base } = deployment(content);
const cache = cacheDir(content, import.meta.dirname);
const allowIframes = readSiteFile(content)?.allowIframes ?? [];
// Astro 7's default processor (Sätteri) runs no remark plugins, and CommonMark
// leaves `**“三维问题”**和` literal; remark-cjk-friendly fixes that. SmartyPants
// would curl Chinese quotes the wrong way and rewrite `--`: official text stays as written.
// Most documents are rendered by the faster markdown-it path of src/markdown/render-markdown.ts,
// which gives the same HTML; documents with raw HTML, images, code or footnotes come here.
const markdownOptions = { remarkPlugins: [remarkCjkFriendly], smartypants: false };

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Stylesheets as files, never inline, so the Content-Security-Policy needs no 'unsafe-inline'.
  // Four pages at a time: while one page is written to disk the next renders (docs/scaling.md:
  // generating 14,100 pages went from 55 to 46 s; eight gained nothing more).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Scripts as files too: Astro inlines small ones otherwise, which a strict CSP would block.
  vite: { build: { assetsInlineLimit: 0 } },
  // Whitespace between inline elements is meaningful in running text; keep it.
  compressHTML: false,
  // One content-layer cache per content folder, so building a test fixture never
  // reuses entries of the demo archive (or the other way round).
  cacheDir: cache,
  markdown: {
    processor: unified({
      ...markdownOptions,
      // Raw HTML in .md is untrusted (docs/security.md): sanitised first, so the
      // heading ids added after it are kept.
      rehypePlugins: [[rehypeUntrustedHtml, { allowIframes }], rehypeHeadingIds],
    }),
  },
  integrations: [
    // .mdx is code, for trusted authors: its own processor, without the sanitiser.
    mdx({ processor: unified({ ...markdownOptions, rehypePlugins: [rehypeHeadingIds] }) }),
    lectern({ content, cacheDir: cache }),
    linking(),
    // Document pages rendered first, for the search index to prepare them meanwhile (search-early.ts);
    // a rebuild's unchanged pages linked from the published site (published-pages.ts).
    prerenderer({ cacheDir: cache }),
    searchIndex({ content, cacheDir: cache }),
    // After every integration that writes pages, so that it hashes all their inline scripts.
    csp({ frameSrc: allowIframes }),
    // Last: its build:done mark comes after every other integration's work.
    buildTimings(),
  ],
  devToolbar: { enabled: false },
  // Pages whose cache key (src/data/cache-keys.ts) and code are unchanged are copied from
  // the last build: a changed document renders its own pages, not the whole archive.
  experimental: { incrementalBuild: true },
});

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { rehypeHeadingIds } from './src/markdown/rehype-heading-ids.ts';
import { lectern } from './src/integrations/lectern.ts';
import { linking } from './src/integrations/linking.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { buildTimings } from './src/integrations/timings.ts';
import { contentDir } from './src/archive/content-dir.ts';
import { deployment } from './src/archive/deployment.ts';
import { cacheDir } from './src/archive/cache-dir.ts';

const content = contentDir();
const { site, base } = deployment(content);
const cache = cacheDir(content, import.meta.dirname);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Stylesheets as files, never inline, so the Content-Security-Policy needs no 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scripts as files too: Astro inlines small ones otherwise, which a strict CSP would block.
  vite: { build: { assetsInlineLimit: 0 } },
  // Whitespace between inline elements is meaningful in running text; keep it.
  compressHTML: false,
  // One content-layer cache per content folder, so building a test fixture never
  // reuses entries of the demo archive (or the other way round).
  cacheDir: cache,
  markdown: {
    // Astro 7's default processor (Sätteri) runs no remark plugins, and CommonMark
    // leaves `**“三维问题”**和` literal; remark-cjk-friendly fixes that. SmartyPants
    // would curl Chinese quotes the wrong way and rewrite `--`: official text stays as written.
    processor: unified({
      remarkPlugins: [remarkCjkFriendly],
      rehypePlugins: [rehypeHeadingIds],
      smartypants: false,
    }),
  },
  // buildTimings last: its build:done mark comes after every other integration's work.
  integrations: [mdx(), lectern({ content, cacheDir: cache }), linking(), searchIndex({ content, cacheDir: cache }), buildTimings()],
  devToolbar: { enabled: false },
  // Pages whose cache key (src/data/cache-keys.ts) and code are unchanged are copied from
  // the last build: a changed document renders its own pages, not the whole archive.
  experimental: { incrementalBuild: true },
});

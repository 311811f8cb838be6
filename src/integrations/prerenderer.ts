import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { documentPathsFirst } from './documents-first.ts';
import { PUBLISHED_SITE_ENV, PublishedPages } from './published-pages.ts';
import { linkAstroPageCopies } from './astro-page-cache.ts';

/**
 * Lectern's prerenderer: Astro's own, with the document pages first
 * (documents-first.ts) and, under `lectern build`, the unchanged pages of the
 * published site linked in before Astro renders the rest (published-pages.ts),
 * and Astro's cache copy of each page a link to it (astro-page-cache.ts).
 * One integration, because Astro keeps only the last prerenderer it is given.
 */
export function prerenderer(options: { cacheDir: string }): AstroIntegration {
  let published = new PublishedPages('/');
  let astroCache: URL | undefined;
  return {
    name: 'lectern:prerenderer',
    hooks: {
      'astro:config:done': ({ config }) => {
        published = new PublishedPages(config.base);
        astroCache = config.cacheDir;
        const site = process.env[PUBLISHED_SITE_ENV];
        if (site) published.start(site, fileURLToPath(config.outDir), options.cacheDir);
      },
      'astro:build:start': async ({ setPrerenderer, logger }) => {
        if (astroCache) await linkAstroPageCopies(astroCache);
        setPrerenderer(
          (defaults): AstroPrerenderer => ({
            ...defaults,
            name: 'lectern:prerenderer',
            getStaticPaths: async () => {
              const paths = documentPathsFirst(await defaults.getStaticPaths());
              await published.settle(paths);
              if (published.started) logger.info(`${published.count} unchanged page(s) linked from the published site`);
              return paths;
            },
            render: (request, renderOptions) => {
              published.release(request.url);
              return defaults.render(request, renderOptions);
            },
          }),
        );
      },
    },
  };
}

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { CspOptions } from '../lib/csp.ts';
import { addPoliciesTo, blockedWarning, hasPolicy } from './csp-pages.ts';
import { finishesOutsideAstro, type StepLog } from './outside-astro.ts';

/**
 * Gives every built page its Content-Security-Policy (`src/lib/csp.ts`). A middleware
 * (csp-middleware.ts) adds it to each page as Astro renders it, from the page's own
 * inline scripts and styles, so that pages restored from the incremental build's cache
 * carry it too. After the build, a pass gives it to any HTML file Astro did not render
 * (`public/`, a later integration): keep this integration last but one in the list.
 */
export function csp(options: CspOptions = {}): AstroIntegration {
  let laterHooks: string[] = [];
  return {
    name: 'lectern:csp',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware, updateConfig }) => {
        // Only builds: the dev server's injected styles and scripts would be blocked.
        if (command !== 'build') return;
        updateConfig({ vite: { plugins: [optionsModule(options)] } });
        addMiddleware({ entrypoint: new URL('./csp-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        const index = config.integrations.findIndex((integration) => integration.name === 'lectern:csp');
        laterHooks = config.integrations
          .slice(index + 1)
          .filter((i) => i.hooks['astro:build:done'] && !WRITES_NO_PAGES.has(i.name))
          .map((i) => i.name);
      },
      'astro:build:done': ({ dir, logger }) => {
        if (finishesOutsideAstro()) return;
        if (laterHooks.length > 0) {
          logger.warn(`${laterHooks.join(', ')} run(s) after lectern:csp; inline scripts added there would be blocked: list csp() last`);
        }
        addPolicies(fileURLToPath(dir), options, logger);
      },
    },
  };
}

/** Integrations that may run after this one: they write no page. */
const WRITES_NO_PAGES = new Set(['lectern:timings']);

/** `virtual:lectern/csp-options`: the integration's options, for the middleware. */
function optionsModule(options: CspOptions): Plugin {
  const id = 'virtual:lectern/csp-options';
  return {
    name: 'lectern:csp-options',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? `export default ${JSON.stringify(options)};` : undefined),
  };
}

/** Adds the policy to every page of the built site in `outDir` that has none; warns of inline content it blocks. */
export function addPolicies(outDir: string, options: CspOptions, logger: StepLog): void {
  const files = htmlFiles(outDir);
  const missing = files.filter((file) => !hasPolicy(file));
  const report = addPoliciesTo(missing, options);
  for (const [file, what] of report.blocked.sort()) logger.warn(blockedWarning(path.relative(outDir, file), what));
  logger.info(
    `Content-Security-Policy on ${files.length} page(s): ${files.length - missing.length} given it as they were rendered, ` +
      `${report.pages} after (${report.scripts} inline script(s) and ${report.styles} inline style(s) there allowed by hash)`,
  );
}

/** Every .html file under `dir`, in a fixed order. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => path.join(dir, name));
}

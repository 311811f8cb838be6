import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addCspMeta, type CspOptions } from '../lib/csp.ts';
import { finishesOutsideAstro, type StepLog } from './outside-astro.ts';

/**
 * Gives every built page its Content-Security-Policy (`src/lib/csp.ts`): after
 * the build, each HTML file's inline scripts and styles are hashed and the
 * policy goes first in its `<head>`. Working on the output, not on Astro's
 * components, keeps it right whatever scripts pages, integrations or Pagefind add
 * — provided it runs after them: keep it last in the integration list.
 */
export function csp(options: CspOptions = {}): AstroIntegration {
  let laterHooks: string[] = [];
  return {
    name: 'lectern:csp',
    hooks: {
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

/** Adds the policy to every page of the built site in `outDir`; warns of inline content it blocks. */
export function addPolicies(outDir: string, options: CspOptions, logger: StepLog): void {
  let pages = 0;
  let scripts = 0;
  let styles = 0;
  for (const file of htmlFiles(outDir)) {
    const before = readFileSync(file, 'utf8');
    const { html, scan } = addCspMeta(before, options);
    // A page taken from the incremental build's cache may have its policy already.
    if (html !== before) writeFileSync(file, html);
    pages++;
    scripts += scan.blocks.filter((b) => b.tag === 'script').length;
    styles += scan.blocks.filter((b) => b.tag === 'style').length;
    for (const what of new Set(scan.blocked)) logger.warn(`${path.relative(outDir, file)}: ${what} is blocked by the Content-Security-Policy`);
  }
  logger.info(`Content-Security-Policy on ${pages} page(s); ${scripts} inline script(s) and ${styles} inline style(s) allowed by hash`);
}

/** Every .html file under `dir`, in a fixed order. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => path.join(dir, name));
}

import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex, type EarlyPages, type SearchIndexOptions } from './search-index-build.ts';
import { timed } from './timings.ts';
import { finishesOutsideAstro, type StepLog } from './outside-astro.ts';

export interface SearchIndexIntegrationOptions {
  /** Absolute path of the content folder (for `people.yaml`). */
  content: string;
  /** The build's cache folder: shards whose pages did not change are taken from there. */
  cacheDir?: string;
  /** Pages prepared while Astro rendered (`lectern build` only). */
  early?: EarlyPages;
  /** The site's HTML files, listed once for the index and the policy pass (`lectern build` only). */
  htmlFiles?: readonly string[];
  /** People.yaml's names as `lectern check` read them (`lectern build` only). */
  peopleNames?: readonly string[];
}

/**
 * Builds the Pagefind index after the site is built, inside the folder the build
 * wrote (a staging folder under `lectern build`, swapped in only on success), so
 * a failed index fails the build and leaves the published site untouched.
 * `LECTERN_SEARCH_SHARD_SIZE` sets the pages per index (default 1,000).
 */
export function searchIndex({ content, cacheDir }: SearchIndexIntegrationOptions): AstroIntegration {
  return {
    name: 'lectern:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (finishesOutsideAstro()) return;
        await indexSite(fileURLToPath(dir), { content, cacheDir }, logger.fork('lectern:search'));
      },
    },
  };
}

/** Indexes the built site in `outDir` and logs what it did; throws, with the cause attached, when it cannot. */
export async function indexSite(outDir: string, { content, cacheDir, early, htmlFiles, peopleNames }: SearchIndexIntegrationOptions, log: StepLog): Promise<void> {
  const options: SearchIndexOptions = { outDir, content, cacheDir, shardSize: shardSize(), early, htmlFiles, peopleNames };
  try {
    const report = await timed('search', () => buildSearchIndex(options));
    log.info(
      `indexed ${report.pages} page(s) in ${report.shards} index(es) in ${Math.round(report.totalMs)} ms ` +
        `(preparing and reading pages ${Math.round(report.prepareMs)} ms, writing the index ${Math.round(report.indexMs + report.writeMs)} ms; ` +
        `${report.early} page(s) prepared while Astro rendered, ${report.kept} unchanged in the indexes made again; ` +
        `${report.traditional} in Traditional characters; ${report.names} names, ${report.terms} terms kept whole; ` +
        `${report.reused} index(es) unchanged, from the cache; ${report.ready} results ready to show, ${report.readyReused} from the cache; ` +
        `${report.wordFiles.written + report.wordFiles.linked} name and term file(s), ${report.wordFiles.linked} unchanged, from the cache; ` +
        `${report.unread} built page(s) unchanged since the last build, not read)`,
    );
  } catch (error) {
    throw new Error(`Building the search index failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function shardSize(): number | undefined {
  const value = Number(process.env.LECTERN_SEARCH_SHARD_SIZE);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

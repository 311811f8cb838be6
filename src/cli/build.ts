import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { reportArchive } from './check.ts';
import { keepPermalinkRecord } from './permalinks.ts';
import { mark, writeTimings } from '../integrations/timings.ts';
import { cacheDir } from '../archive/cache-dir.ts';
import { shareArchive } from '../archive/shared-archive.ts';

export interface BuildOptions {
  /** Project root: where astro.config.mjs is. */
  root: string;
  content: string;
  /** Final output folder; replaced only when the whole build succeeded. */
  outDir: string;
}

/**
 * Checks the archive, builds it into a fresh folder next to `outDir`, and swaps
 * that folder in only at the end, so a failed build leaves the previous site whole.
 */
export async function buildArchive(options: BuildOptions): Promise<boolean> {
  try {
    return await checkAndBuild(options);
  } finally {
    writeTimings();
  }
}

async function checkAndBuild(options: BuildOptions): Promise<boolean> {
  const cache = cacheDir(options.content, options.root);
  // A full build from nothing (the benchmark's): no check results, content store, rendered bodies or pages kept from before.
  if (process.env.LECTERN_CACHE === 'clear') rmSync(cache, { recursive: true, force: true });
  mark('check:start');
  const { ok, archive } = reportArchive(options.content, process.stderr, { cacheFile: path.join(cache, 'lectern-check.json') });
  mark('check:end');
  if (!ok) {
    process.stderr.write(`Build stopped before writing anything; ${relative(options.outDir)} is unchanged.\n`);
    return false;
  }
  const staging = `${options.outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // Vite reads these names from the environment into import.meta.env, over Astro's own values:
  // a stray BASE_URL drops the base path from every link, a stray DEV=1 publishes drafts.
  // Test runners set all of them (vitest: BASE_URL=/, DEV=1, MODE=test).
  for (const name of ['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
  process.env.LECTERN_CONTENT = options.content;
  process.env.LECTERN_CHECKED = '1';
  // The content loaders take the archive just checked instead of reading every file again.
  shareArchive(archive);
  // When the output folder is outside the working directory, Astro renders pages from
  // `<cwd>/.astro/.prerender/`, which two builds running at once (parallel tests) overwrite
  // for each other. A working directory of its own per build, inside the project so that the
  // rendered chunks still find node_modules, keeps them apart.
  const cwd = process.cwd();
  const workDir = path.join(options.root, '.astro', 'builds', String(process.pid));
  try {
    mkdirSync(workDir, { recursive: true });
    process.chdir(workDir);
    mark('astro:start');
    const { build } = await import('astro');
    await build({ root: options.root, outDir: staging, logLevel: process.env.LECTERN_LOG === 'debug' ? 'debug' : 'info' });
  } catch (error) {
    process.chdir(cwd);
    rmSync(workDir, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write(`Build failed; ${relative(options.outDir)} is unchanged.\n`);
    return false;
  }
  mark('astro:end');
  process.chdir(cwd);
  rmSync(workDir, { recursive: true, force: true });
  swapIn(staging, options.outDir);
  keepPermalinkRecord(archive);
  mark('swap:end');
  return true;
}

/**
 * Two renames: the old site is moved aside, the new one takes its name. The old one is
 * then removed by a process of its own, because deleting tens of thousands of files took
 * longer than building a changed document (docs/scaling.md); the command returns as soon
 * as the new site is in place. A leftover (a removal cut short) goes with the next build.
 */
function swapIn(staging: string, outDir: string): void {
  const previous = `${outDir}.previous-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  const leftovers = readdirSync(path.dirname(outDir))
    .filter((name) => name.startsWith(`${path.basename(outDir)}.previous-`))
    .map((name) => path.join(path.dirname(outDir), name));
  if (leftovers.length === 0) return;
  const remover = spawn(
    process.execPath,
    ['-e', 'for (const dir of process.argv.slice(1)) require("node:fs").rmSync(dir, { recursive: true, force: true });', ...leftovers],
    { detached: true, stdio: 'ignore' },
  );
  remover.unref();
}

/** The folder as the editor would type it: relative when inside the working folder. */
function relative(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireBuildLock, isAlive } from './build-lock.ts';
import { keepPermalinkRecord } from './permalinks.ts';
import { fill } from '../i18n/ui.ts';
import { messages } from '../i18n/messages.ts';
import { addMarks, mark, writeTimings } from '../integrations/timings.ts';
import { FINISH_OUTSIDE_ASTRO_ENV } from '../integrations/outside-astro.ts';
import { cacheDir } from '../archive/cache-dir.ts';
import { finishSite } from './finish-site.ts';
import type { RenderOutcome, RenderPlan, RenderRequest } from './render-site.ts';
import { EarlyPreparation, earlyPreparationWanted } from '../integrations/search-early.ts';
import { PUBLISHED_SITE_ENV, recordPublishedSite, reusablePublishedSite, SPARE_SITE } from '../integrations/published-pages.ts';
import { emptyTrashInBackground, keepAsSpare, moveToTrash } from './replaced-sites.ts';

export interface BuildOptions {
  /** Project root: where astro.config.mjs is. */
  root: string;
  content: string;
  /** Final output folder; replaced only when the whole build succeeded. */
  outDir: string;
}

type BuildMessage = keyof ReturnType<typeof messages>['build'];

/**
 * Checks the archive, builds it, and swaps the new site into `outDir` only at
 * the end, so a failed or interrupted build leaves the previous site whole.
 *
 * Astro writes into `.lectern/build-<pid>/` inside the project (its prerender
 * bundle must lie below the project to find the packages it imports); the
 * result then moves to `<outDir>.staging-<pid>`, next to `outDir` and so on the
 * same file system, where two renames swap it in.
 *
 * - the check fails, or Astro (a page, an integration, the search index) throws:
 *   both folders are removed, `outDir` was never touched;
 * - Ctrl-C or SIGTERM: the same, before the process exits;
 * - SIGKILL or a power cut: the folders stay behind and the next build removes
 *   them; if the kill fell between the two renames of the swap, the next build
 *   puts the previous site back first.
 */
export async function buildArchive(options: BuildOptions): Promise<boolean> {
  try {
    return await checkAndBuild(options);
  } finally {
    writeTimings();
  }
}

async function checkAndBuild(options: BuildOptions): Promise<boolean> {
  const { outDir } = options;
  const out = relative(outDir);
  const workRoot = path.join(options.root, WORK_FOLDER);
  recoverInterruptedBuilds(outDir);
  recoverInterruptedBuilds(path.join(workRoot, 'build'));
  const cache = cacheDir(options.content, options.root);
  const releaseLock = await acquireBuildLock(options.root, (pid) => say('waiting', { pid }));
  const trash = path.join(workRoot, 'trash');
  try {
    // A full build from nothing (the benchmark's): no check results, content store, rendered bodies or pages kept from before.
    if (process.env.LECTERN_CACHE === 'clear') moveToTrash(cache, trash);
    return await buildLocked(options, { out, workRoot, cache, trash });
  } finally {
    releaseLock();
    emptyTrashInBackground(trash);
  }
}

interface BuildPlaces {
  /** `outDir` as the editor would type it. */
  out: string;
  workRoot: string;
  cache: string;
  trash: string;
}

async function buildLocked(options: BuildOptions, { out, workRoot, cache, trash }: BuildPlaces): Promise<boolean> {
  const { outDir } = options;
  const staging = `${outDir}${STAGING}${process.pid}`;
  const work = path.join(workRoot, `build${STAGING}${process.pid}`);
  // Both made at once, so that a build killed at any moment leaves a trace the next one can clean.
  for (const dir of [staging, work]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  // Document pages are prepared for the search index as Astro writes them (search-early.ts).
  let early: EarlyPreparation | undefined;
  const folders = [work, staging];
  // Unchanged pages are linked from the site published now, when it is the one Astro's cache knows (published-pages.ts).
  const published = reusablePublishedSite(outDir, cache);
  let peopleNames: readonly string[] | undefined;
  const renderer = startRenderer({ root: options.root, content: options.content, cacheDir: cache, work }, published, (plan) => {
    peopleNames = plan.peopleNames;
    if (!earlyPreparationWanted()) return;
    try {
      early = new EarlyPreparation({ outDir: work, content: options.content, cacheDir: cache, pages: plan.pages, peopleNames });
      folders.push(early.folder);
    } catch {
      // Then every page is prepared after Astro, and a cause that stops that too is reported there.
    }
  });
  const stopHandling = removeOnSignal(folders, out, renderer.child);
  const removeFolders = () => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  };
  const fail = (error?: unknown): false => {
    removeFolders();
    if (error !== undefined) process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    say('failed', { out });
    return false;
  };
  try {
    // Rejected when the renderer dies without a word (killed for memory, say).
    const outcome = await renderer.outcome.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    await early?.stop();
    if (outcome instanceof Error) return fail(outcome);
    addMarks(outcome.marks);
    if (outcome.kind === 'stopped') {
      removeFolders();
      say('stopped', { out });
      return false;
    }
    if (outcome.kind === 'failed') return fail();
    try {
      await finishSite(work, { content: options.content, cacheDir: cache, early, peopleNames });
      moveFolder(work, staging);
      swapIn(staging, outDir, path.join(cache, SPARE_SITE), trash);
      recordPublishedSite(outDir, cache);
    } catch (error) {
      return fail(error);
    }
    keepPermalinkRecord(options.content, outcome.published);
    mark('swap:end');
    return true;
  } finally {
    early?.dispose();
    stopHandling();
  }
}

/**
 * Checks and renders the archive in a child process (render-site.ts), which exits
 * when done and so gives back Astro's memory before the search index is built.
 */
function startRenderer(
  request: RenderRequest,
  published: string | undefined,
  onChecked: (plan: RenderPlan) => void,
): { child: ChildProcess; outcome: Promise<RenderOutcome> } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LECTERN_CONTENT: request.content,
    LECTERN_CHECKED: '1',
    [FINISH_OUTSIDE_ASTRO_ENV]: '1',
  };
  if (published === undefined) delete env[PUBLISHED_SITE_ENV];
  else env[PUBLISHED_SITE_ENV] = published;
  // Vite reads these names from the environment into import.meta.env, over Astro's own values:
  // a stray BASE_URL drops the base path from every link, a stray DEV=1 publishes drafts.
  // Test runners set all of them (vitest: BASE_URL=/, DEV=1, MODE=test).
  for (const name of IMPORT_META_ENV) delete env[name];
  const child = spawn(process.execPath, [...process.execArgv, RENDER_SITE, JSON.stringify(request)], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const outcome = new Promise<RenderOutcome>((resolve, reject) => {
    let told: RenderOutcome | undefined;
    child.on('message', (message: RenderPlan | RenderOutcome) => {
      if (message.kind === 'checked') onChecked(message);
      else told = message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (told) resolve(told);
      // Killed (out of memory, by the system) before it could say how it went.
      else reject(new Error(`The renderer stopped (${signal ?? `exit status ${code}`}) before it finished.`));
    });
  });
  return { child, outcome };
}

const RENDER_SITE = fileURLToPath(new URL('./render-site.ts', import.meta.url));

/** Names Astro and Vite define on `import.meta.env`; taken from the config, never from the environment. */
const IMPORT_META_ENV = ['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR'];
const STAGING = '.staging-';
const PREVIOUS = '.previous-';
/** Inside the project, ignored by git. */
const WORK_FOLDER = '.lectern';

/** `from` takes the place of the empty folder `to`: a rename, or a copy when they lie on two file systems. */
function moveFolder(from: string, to: string): void {
  rmdirSync(to);
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Ctrl-C and SIGTERM stop the renderer, remove the half-written folders and exit.
 * (The swap itself is synchronous, so a signal cannot land in the middle of it.)
 */
function removeOnSignal(folders: string[], out: string, renderer: ChildProcess): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    const finish = () => {
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
      say('interrupted', { signal, out });
      // 128 + the signal's number, as a shell reports a process killed by it.
      process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[signal]);
    };
    // The folders go only once the renderer can no longer write into them.
    if (renderer.exitCode !== null || renderer.signalCode !== null) return finish();
    renderer.once('exit', finish);
    renderer.kill('SIGKILL');
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}

/**
 * Two renames: the old site is moved aside, the new one takes its name, the old
 * one becomes the spare the next build reuses (replaced-sites.ts). Both folders
 * sit side by side, on one file system, so each rename is atomic. If the second
 * rename fails, the old site goes back.
 */
function swapIn(staging: string, outDir: string, spare: string, trash: string): void {
  const previous = `${outDir}${PREVIOUS}${process.pid}`;
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) renameSync(outDir, previous);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (hadPrevious) renameSync(previous, outDir);
    throw error;
  }
  if (hadPrevious) keepAsSpare(previous, spare, trash);
}

/**
 * Cleans up after builds that were killed without a chance to clean up (SIGKILL,
 * power cut): their staging folders are removed and, when the kill fell between
 * the two renames of `swapIn`, the previous site is put back. Folders of a build
 * still running (its process is alive) are left alone.
 */
export function recoverInterruptedBuilds(outDir: string): void {
  const parent = path.dirname(outDir);
  if (!existsSync(parent)) return;
  const base = path.basename(outDir);
  const leftovers = readdirSync(parent)
    .map((name) => ({ name, match: new RegExp(`^${escapeRegExp(base)}(${STAGING}|${PREVIOUS})(\\d+)$`).exec(name) }))
    // This process's own id counts as dead: it has built nothing yet.
    .filter(({ match }) => match !== null && (Number(match[2]) === process.pid || !isAlive(Number(match[2]))))
    // Previous sites first: one of them may have to be put back before staging folders go.
    .sort((a, b) => (a.match![1] !== b.match![1] ? (a.match![1] === PREVIOUS ? -1 : 1) : a.name < b.name ? -1 : 1));
  for (const { name, match } of leftovers) {
    const leftover = path.join(parent, name);
    if (match![1] === PREVIOUS && !existsSync(outDir)) {
      renameSync(leftover, outDir);
      say('restored', { out: relative(outDir), path: relative(leftover) });
    } else {
      rmSync(leftover, { recursive: true, force: true });
      say('leftover', { path: relative(leftover) });
    }
  }
}

function say(key: BuildMessage, params: Record<string, string | number>): void {
  process.stderr.write(`${fill(messages().build[key], params)}\n`);
}

/** The folder as the editor would type it: relative when inside the working folder. */
function relative(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

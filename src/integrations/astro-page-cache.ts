/**
 * Astro's incremental build keeps a copy of every page it renders in its cache
 * folder, to put back a page it may skip but finds missing from the output. It
 * writes each copy as a second file in a tree of folders like the site's: at
 * 10,000 documents 14,100 files, 14,100 folders and 340 MB. Lectern keeps the
 * copies in one folder instead, each a hard link to the page just written, which
 * holds the same bytes: 14,000 copies of 24 KB took 3.2–6.1 s of CPU Astro's way,
 * 0.7 s as links in one folder (docs/scaling.md, item 24).
 *
 * Astro offers no hook for it, so this replaces the three methods of its
 * `IncrementalBuildCache` that read, write and delete copies
 * (astro/dist/core/build/incremental.js, the module its page generator imports),
 * and only when that module still reads as the version they were written for.
 * Otherwise Astro keeps its copies as it always has, and Lectern's are removed.
 * Astro's own copies are removed when Lectern's take over: the two are never
 * mixed. tests/scale/astro-page-cache.test.ts fails when the replacement stops
 * applying.
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { copyFile, link, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { readUtf8 } from '../archive/utf8-file.ts';

/** What the replaced methods are called with (astro/dist/core/build/generate.js). */
interface AstroSettings {
  config: { outDir: URL; cacheDir: URL };
}
/** The methods of Astro's `IncrementalBuildCache` that handle copies, as its page generator calls them. */
export interface PageCopies {
  restoreOutputFile(settings: AstroSettings, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: AstroSettings, outputFile: string, body: Uint8Array): Promise<void>;
  deleteOutputFile(settings: AstroSettings, outputFile: string): Promise<void>;
}

/** The module's own lines that the replacement relies on: where Astro's copies go, and the methods' shapes. */
const EXPECTED_SOURCE = [
  'const INCREMENTAL_OUTPUT_DIR = "dist/";',
  'async restoreOutputFile(settings, outputFile, destination) {',
  'async writeOutputFile(settings, outputFile, body) {',
  'async deleteOutputFile(settings, outputFile) {',
];
/** Astro's folder of copies in its cache folder (`INCREMENTAL_OUTPUT_DIR`), and Lectern's. */
const ASTRO_COPIES = 'dist/';
const COPIES = 'lectern-page-copies/';
const REPLACED = Symbol('lectern: page copies linked');

/**
 * Makes Astro keep its copy of each rendered page as a link in one folder of
 * `cacheDir` (Astro's `cacheDir`). Returns whether it applies.
 */
export async function linkAstroPageCopies(cacheDir: URL): Promise<boolean> {
  const applies = await replaceCopyMethods();
  const other = new URL(applies ? ASTRO_COPIES : COPIES, cacheDir);
  if (existsSync(other)) rmSync(other, { recursive: true, force: true });
  return applies;
}

/** Where Lectern keeps the copy of the page at `outputFile` (a path in the site, as Astro names it): named by a hash, as paths can be longer than a file name may be. */
export function pageCopyFile(cacheDir: URL, outputFile: string): URL {
  return new URL(`${COPIES}${createHash('sha1').update(outputFile).digest('hex')}.html`, cacheDir);
}

async function replaceCopyMethods(): Promise<boolean> {
  const astro = createRequire(import.meta.url).resolve('astro/package.json');
  const moduleUrl = new URL('./dist/core/build/incremental.js', pathToFileURL(astro));
  let source: string;
  try {
    source = readUtf8(moduleUrl);
  } catch {
    return false;
  }
  if (!EXPECTED_SOURCE.every((line) => source.includes(line))) return false;
  const { IncrementalBuildCache } = (await import(moduleUrl.href)) as { IncrementalBuildCache?: { prototype: PageCopies & { [REPLACED]?: true } } };
  const prototype = IncrementalBuildCache?.prototype;
  if (!prototype || !['restoreOutputFile', 'writeOutputFile', 'deleteOutputFile'].every((name) => typeof prototype[name as keyof PageCopies] === 'function')) return false;
  if (prototype[REPLACED]) return true;
  Object.assign(prototype, {
    async restoreOutputFile(settings, outputFile, destination) {
      const copy = pageCopyFile(settings.config.cacheDir, outputFile);
      if (!existsSync(copy)) return false;
      await mkdir(new URL('./', destination), { recursive: true });
      await copyFile(copy, destination);
      return true;
    },
    async writeOutputFile(settings, outputFile, body) {
      const copy = pageCopyFile(settings.config.cacheDir, outputFile);
      try {
        await linkCopy(new URL(outputFile, settings.config.outDir), copy);
      } catch {
        // Another file system, or links refused: a file of its own.
        await rm(copy, { force: true });
        await mkdir(new URL('./', copy), { recursive: true });
        await writeFile(copy, body, { flag: 'wx' });
      }
    },
    async deleteOutputFile(settings, outputFile) {
      await rm(pageCopyFile(settings.config.cacheDir, outputFile), { force: true });
    },
  } satisfies PageCopies);
  prototype[REPLACED] = true;
  return true;
}

/**
 * `copy` made a link to `page`. Tried at once, as nearly always it works: a folder
 * looked for and a file removed before every link tripled the time (14,000 links in
 * 0.7 s alone, 2.7–3.1 s with both). The folder is made when it is missing; an older
 * copy is removed, never written into: it may be a link to a published page.
 */
async function linkCopy(page: URL, copy: URL): Promise<void> {
  try {
    await link(page, copy);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') await rm(copy, { force: true });
    else if (code === 'ENOENT' && existsSync(page)) await mkdir(new URL('./', copy), { recursive: true });
    else throw error;
    await link(page, copy);
  }
}

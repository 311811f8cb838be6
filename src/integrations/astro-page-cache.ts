/**
 * Astro's incremental build keeps a copy of every page it renders in its cache
 * folder, to put back a page it may skip but finds missing from the output. It
 * writes that copy as a second file: 14,100 files and 340 MB at 10,000 documents,
 * 1.6–2.5 s of CPU more than a hard link to the page it has just written, which
 * holds the same bytes (docs/scaling.md, item 24). Lectern links instead.
 *
 * Astro offers no hook for it, so this replaces `writeOutputFile` of its
 * `IncrementalBuildCache` (astro/dist/core/build/incremental.js, the module its
 * page generator imports), and only when that module still reads as the version
 * it was written for. Otherwise Astro writes its copies as it always has, into
 * files that must not be links any more: Astro writes a copy into the file that is
 * there, which could be a published page. So the copies are removed then, and
 * Astro renders once more what it would have put back from them.
 * tests/scale/astro-page-cache.test.ts fails when the replacement stops applying.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { link, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { readUtf8 } from '../lib/utf8-file.ts';

/** What the replaced method is called with (`generatePathWithPrerenderer` in astro/dist/core/build/generate.js). */
interface AstroSettings {
  config: { outDir: URL; cacheDir: URL };
}
type WriteOutputFile = (this: object, settings: AstroSettings, outputFile: string, body: Uint8Array) => Promise<void>;
interface IncrementalBuildCacheClass {
  prototype: { writeOutputFile: WriteOutputFile };
}

/** The module's own lines that the replacement relies on: where copies go, and the method's shape. */
const EXPECTED_SOURCE = ['const INCREMENTAL_OUTPUT_DIR = "dist/";', 'async writeOutputFile(settings, outputFile, body) {'];
const LINKED = Symbol('lectern: page copies linked');

/**
 * Makes Astro's cache copy of each rendered page a hard link to the page. Returns
 * whether it applies; when it does not (the installed Astro's module is not the
 * expected one), the copies in `cacheDir` (Astro's `cacheDir`) are removed.
 */
export async function linkAstroPageCopies(cacheDir: URL): Promise<boolean> {
  const marker = new URL(LINKED_MARKER, cacheDir);
  const applies = await replaceWriteOutputFile();
  if (applies) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(marker, '');
  } else if (existsSync(marker)) {
    rmSync(new URL(COPIES_FOLDER, cacheDir), { recursive: true, force: true });
    rmSync(marker);
  }
  return applies;
}

/** Where Astro keeps its copies, inside its cache folder (`INCREMENTAL_OUTPUT_DIR`). */
const COPIES_FOLDER = 'dist/';
/** Beside them: some of the copies may be links. */
const LINKED_MARKER = 'lectern-linked-page-copies';

async function replaceWriteOutputFile(): Promise<boolean> {
  const astro = createRequire(import.meta.url).resolve('astro/package.json');
  const moduleUrl = new URL('./dist/core/build/incremental.js', pathToFileURL(astro));
  let source: string;
  try {
    source = readUtf8(moduleUrl);
  } catch {
    return false;
  }
  if (!EXPECTED_SOURCE.every((line) => source.includes(line))) return false;
  const { IncrementalBuildCache } = (await import(moduleUrl.href)) as { IncrementalBuildCache?: IncrementalBuildCacheClass };
  const prototype = IncrementalBuildCache?.prototype as (IncrementalBuildCacheClass['prototype'] & { [LINKED]?: true }) | undefined;
  if (typeof prototype?.writeOutputFile !== 'function') return false;
  if (prototype[LINKED]) return true;
  const writeCopy = prototype.writeOutputFile;
  const folders = new WeakMap<object, Set<string>>();
  prototype.writeOutputFile = async function (settings, outputFile, body) {
    const page = new URL(outputFile, settings.config.outDir);
    const copy = new URL(outputFile, new URL(COPIES_FOLDER, settings.config.cacheDir));
    const made = folders.get(this) ?? new Set<string>();
    folders.set(this, made);
    const folder = new URL('./', copy).href;
    try {
      if (!made.has(folder)) await mkdir(new URL(folder), { recursive: true });
      made.add(folder);
      await linkOver(page, copy);
    } catch {
      // Another file system, or links refused: a copy of its own, as Astro writes it.
      // Never written into: the old copy may be a link to a published page.
      await rm(copy, { force: true });
      await writeCopy.call(this, settings, outputFile, body);
    }
  };
  prototype[LINKED] = true;
  return true;
}

/** `copy` becomes a link to `page`; an older copy is unlinked first, never written into. */
async function linkOver(page: URL, copy: URL): Promise<void> {
  try {
    await link(page, copy);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await rm(copy, { force: true });
    await link(page, copy);
  }
}

import { describe, expect, it } from 'vitest';
import { existsSync, linkSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { linkAstroPageCopies, pageCopyFile, type PageCopies } from '../../src/integrations/astro-page-cache.ts';
import { tempDir } from '../helpers/paths.ts';

/**
 * Astro's cache copy of a rendered page is a hard link to the page
 * (src/integrations/astro-page-cache.ts). What must hold: the replacement applies to
 * the Astro installed, the copy holds the page's bytes, and an older copy, which may
 * be a published page, is never written into.
 */
/** The methods of an instance of Astro's own class, as its page generator calls them. */
async function astroCopyMethods() {
  const astro = pathToFileURL(createRequire(import.meta.url).resolve('astro/package.json'));
  const module = (await import(new URL('./dist/core/build/incremental.js', astro).href)) as {
    IncrementalBuildCache: new (configHash: string, lockfileHash: string, keyDigest: string) => PageCopies;
  };
  const cache = new module.IncrementalBuildCache('config', 'lockfile', 'keys');
  return { write: cache.writeOutputFile.bind(cache), restore: cache.restoreOutputFile.bind(cache), remove: cache.deleteOutputFile.bind(cache) };
}

describe("Astro's page copies", () => {
  it('are links to the pages with the Astro installed, and an older copy is replaced, not written into', async () => {
    const root = tempDir('lectern-page-cache-');
    const cacheDir = pathToFileURL(path.join(root, 'cache/'));
    const outDir = pathToFileURL(path.join(root, 'out/'));
    // Astro's own copies, left by a build without the replacement, go: the two kinds are never mixed.
    mkdirSync(path.join(root, 'cache/dist/courses/a'), { recursive: true });
    writeFileSync(path.join(root, 'cache/dist/courses/a/index.html'), '<p>Astro 的副本</p>');
    expect(await linkAstroPageCopies(cacheDir), 'the replacement applies to the installed Astro (astro/dist/core/build/incremental.js changed?)').toBe(true);
    expect(existsSync(path.join(root, 'cache/dist'))).toBe(false);
    const { write, restore, remove } = await astroCopyMethods();
    const settings = { config: { outDir, cacheDir } };
    const page = path.join(root, 'out/courses/a/index.html');
    const copy = fileURLToPath(pageCopyFile(cacheDir, 'courses/a/index.html'));

    mkdirSync(path.dirname(page), { recursive: true });
    writeFileSync(page, '<p>第一版</p>');
    await write(settings, 'courses/a/index.html', readFileSync(page));
    expect(statSync(copy).ino).toBe(statSync(page).ino);

    // The copy is now the published page (same file); a rebuild renders the page again as a new file.
    const published = path.join(root, 'published.html');
    linkSync(page, published);
    const rendered = path.join(root, 'out2/courses/a/index.html');
    mkdirSync(path.dirname(rendered), { recursive: true });
    writeFileSync(rendered, '<p>第二版</p>');
    await write({ config: { outDir: pathToFileURL(path.join(root, 'out2/')), cacheDir } }, 'courses/a/index.html', readFileSync(rendered));
    expect(readFileSync(published, 'utf8')).toBe('<p>第一版</p>');
    expect(statSync(copy).ino).toBe(statSync(rendered).ino);
    expect(readFileSync(copy, 'utf8')).toBe('<p>第二版</p>');

    // Put back where the output lacks the page, as a file of its own; gone when Astro drops the page.
    const restored = pathToFileURL(path.join(root, 'out3/courses/a/index.html'));
    expect(await restore(settings, 'courses/a/index.html', restored)).toBe(true);
    expect(readFileSync(restored, 'utf8')).toBe('<p>第二版</p>');
    expect(statSync(restored).ino).not.toBe(statSync(copy).ino);
    await remove(settings, 'courses/a/index.html');
    expect(existsSync(copy)).toBe(false);
    expect(await restore(settings, 'courses/a/index.html', pathToFileURL(path.join(root, 'out4/courses/a/index.html')))).toBe(false);
  });

  it('are written as Astro writes them when the page cannot be linked', async () => {
    const root = tempDir('lectern-page-cache-');
    const cacheDir = pathToFileURL(path.join(root, 'cache/'));
    await linkAstroPageCopies(cacheDir);
    const { write } = await astroCopyMethods();
    // No page at the place Astro wrote it (as when the output folder is not where the link can reach): the bytes given are the copy.
    await write({ config: { outDir: pathToFileURL(path.join(root, 'nowhere/')), cacheDir } }, 'courses/b/index.html', Buffer.from('<p>只有字节</p>'));
    expect(readFileSync(pageCopyFile(cacheDir, 'courses/b/index.html'), 'utf8')).toBe('<p>只有字节</p>');
  });
});

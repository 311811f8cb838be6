import { describe, expect, it } from 'vitest';
import { existsSync, linkSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { linkAstroPageCopies } from '../../src/integrations/astro-page-cache.ts';
import { tempDir } from '../helpers/paths.ts';

/**
 * Astro's cache copy of a rendered page is a hard link to the page
 * (src/integrations/astro-page-cache.ts). What must hold: the replacement applies to
 * the Astro installed, the copy holds the page's bytes, and an older copy, which may
 * be a published page, is never written into.
 */
type WriteOutputFile = (settings: { config: { outDir: URL; cacheDir: URL } }, outputFile: string, body: Uint8Array) => Promise<void>;

async function astroWriteOutputFile(): Promise<WriteOutputFile> {
  const astro = pathToFileURL(createRequire(import.meta.url).resolve('astro/package.json'));
  const module = (await import(new URL('./dist/core/build/incremental.js', astro).href)) as {
    IncrementalBuildCache: new (configHash: string, lockfileHash: string, keyDigest: string) => { writeOutputFile: WriteOutputFile };
  };
  const instance = new module.IncrementalBuildCache('config', 'lockfile', 'keys');
  return instance.writeOutputFile.bind(instance);
}

describe("Astro's page copies", () => {
  it('are links to the pages with the Astro installed, and an older copy is replaced, not written into', async () => {
    const root = tempDir('lectern-page-cache-');
    const cacheDir = pathToFileURL(path.join(root, 'cache/'));
    const outDir = pathToFileURL(path.join(root, 'out/'));
    expect(await linkAstroPageCopies(cacheDir), 'the replacement applies to the installed Astro (astro/dist/core/build/incremental.js changed?)').toBe(true);
    expect(existsSync(new URL('lectern-linked-page-copies', cacheDir))).toBe(true);
    const write = await astroWriteOutputFile();
    const settings = { config: { outDir, cacheDir } };
    const page = path.join(root, 'out/courses/a/index.html');
    const copy = path.join(root, 'cache/dist/courses/a/index.html');

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
  });

  it('are written as Astro writes them when the page cannot be linked', async () => {
    const root = tempDir('lectern-page-cache-');
    const cacheDir = pathToFileURL(path.join(root, 'cache/'));
    await linkAstroPageCopies(cacheDir);
    const write = await astroWriteOutputFile();
    // No page at the place Astro wrote it (as when the output folder is not where the link can reach): the bytes given are the copy.
    await write({ config: { outDir: pathToFileURL(path.join(root, 'nowhere/')), cacheDir } }, 'courses/b/index.html', Buffer.from('<p>只有字节</p>'));
    expect(readFileSync(path.join(root, 'cache/dist/courses/b/index.html'), 'utf8')).toBe('<p>只有字节</p>');
  });
});

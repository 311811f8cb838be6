import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { WordFileCache } from '../../src/integrations/word-file-cache.ts';
import { tempDir } from '../helpers/paths.ts';

/** One build's word files: a fresh bundle folder, as each build has, written through a cache in `cache`. */
async function build(cache: string | undefined, files: Record<string, string>, key = 'code-1'): Promise<{ site: string; output: WordFileCache }> {
  const site = tempDir('lectern-words-site-');
  const output = new WordFileCache(cache, key);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    output.write(site, file, text, file.endsWith('.gz'));
  }
  await output.finish();
  return { site, output };
}

const read = (site: string, file: string) => {
  const bytes = readFileSync(path.join(site, file));
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
};
const inode = (site: string, file: string) => statSync(path.join(site, file)).ino;

describe('the word files of the search index', async () => {
  const name = 'lectern-names/0000abcd.json';
  const term = 'lectern-terms/0000ef01.json.gz';
  const other = 'lectern-names/00001234.json';

  it('links a file unchanged since the last build and writes a changed one as a new file', async () => {
    const cache = tempDir('lectern-words-cache-');
    const first = await build(cache, { [name]: '{"王明":[[0,"a",1,900]]}', [term]: '{"人大代表":[[0,"a",3,900]]}', [other]: '{"李华":[]}' });
    expect(first.output.written).toBe(3);
    const second = await build(cache, { [name]: '{"王明":[[0,"a",1,900]]}', [term]: '{"人大代表":[[0,"a",4,950]]}', [other]: '{"李华":[]}' });
    expect(second.output).toMatchObject({ linked: 2, written: 1 });
    expect(read(second.site, term)).toBe('{"人大代表":[[0,"a",4,950]]}');
    expect(read(second.site, name)).toBe('{"王明":[[0,"a",1,900]]}');
    // The unchanged file is the published one; the changed one is new, and the published site keeps its old text.
    expect(inode(second.site, name)).toBe(inode(first.site, name));
    expect(inode(second.site, term)).not.toBe(inode(first.site, term));
    expect(read(first.site, term)).toBe('{"人大代表":[[0,"a",3,900]]}');
  });

  it('drops the cached files a build no longer has, and writes everything again for other code', async () => {
    const cache = tempDir('lectern-words-cache-');
    await build(cache, { [name]: '{"王明":[]}', [other]: '{"李华":[]}' });
    await build(cache, { [name]: '{"王明":[]}' });
    expect(readdirSync(path.join(cache, 'words/lectern-names'))).toEqual([path.basename(name)]);
    const again = await build(cache, { [name]: '{"王明":[]}' }, 'code-2');
    expect(again.output).toMatchObject({ linked: 0, written: 1 });
  });

  it('writes a file again when its cached copy is gone, and writes straight into the site without a cache', async () => {
    const cache = tempDir('lectern-words-cache-');
    await build(cache, { [name]: '{"王明":[]}' });
    // A cached copy removed by hand: the record still names the file.
    rmSync(path.join(cache, 'words', name));
    const rebuilt = await build(cache, { [name]: '{"王明":[]}' });
    expect(rebuilt.output).toMatchObject({ linked: 0, written: 1 });
    expect(read(rebuilt.site, name)).toBe('{"王明":[]}');
    const uncached = await build(undefined, { [term]: '{"人大代表":[]}' });
    expect(read(uncached.site, term)).toBe('{"人大代表":[]}');
    expect(existsSync(path.join(cache, 'words', term))).toBe(false);
  });

  it('leaves no record naming a file by its old text when a build stops after changing it', async () => {
    const cache = tempDir('lectern-words-cache-');
    await build(cache, { [name]: '{"王明":[[0,"a",1,900]]}' });
    // A build that writes the file anew and then stops before it finishes (the disk full, say).
    const stopped = new WordFileCache(cache, 'code-1');
    const site = tempDir('lectern-words-site-');
    mkdirSync(path.join(site, 'lectern-names'), { recursive: true });
    stopped.write(site, name, '{"王明":[[0,"b",2,800]]}', false);
    // The next build has the first text again: it must not take the cached file, which holds the second.
    const next = await build(cache, { [name]: '{"王明":[[0,"a",1,900]]}' });
    expect(next.output).toMatchObject({ linked: 0, written: 1 });
    expect(read(next.site, name)).toBe('{"王明":[[0,"a",1,900]]}');
  });
});

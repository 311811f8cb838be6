import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyTrashInBackground, keepAsSpare, moveToTrash } from '../../src/cli/replaced-sites.ts';
import { tempDir } from '../helpers/paths.ts';

function siteWith(folder: string, text: string): string {
  mkdirSync(path.join(folder, 'lectures'), { recursive: true });
  writeFileSync(path.join(folder, 'lectures', 'index.html'), text);
  return folder;
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`still not the case after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the sites a build replaced', () => {
  test('the replaced site becomes the spare, and an older spare goes to the trash', () => {
    const root = tempDir('lectern-replaced-');
    const trash = path.join(root, 'trash');
    const spare = path.join(root, 'cache', 'spare');
    mkdirSync(path.dirname(spare), { recursive: true });
    siteWith(spare, 'older');
    const replaced = siteWith(path.join(root, 'dist.previous'), 'newer');
    const inode = statSync(replaced).ino;

    keepAsSpare(replaced, spare, trash);

    expect(existsSync(replaced)).toBe(false);
    expect(statSync(spare).ino).toBe(inode);
    expect(readFileSync(path.join(spare, 'lectures', 'index.html'), 'utf8')).toBe('newer');
    const trashed = readdirSync(trash);
    expect(trashed).toHaveLength(1);
    expect(trashed[0]).toMatch(/^spare-\d+-/);
    expect(readFileSync(path.join(trash, trashed[0], 'lectures', 'index.html'), 'utf8')).toBe('older');
  });

  test('moving to the trash twice keeps both, and a folder that cannot be moved there is removed at once', () => {
    const root = tempDir('lectern-replaced-');
    const trash = path.join(root, 'trash');
    moveToTrash(siteWith(path.join(root, 'cache'), 'one'), trash);
    moveToTrash(siteWith(path.join(root, 'cache'), 'two'), trash);
    expect(readdirSync(trash)).toHaveLength(2);
    moveToTrash(path.join(root, 'missing'), trash);
    expect(readdirSync(trash)).toHaveLength(2);

    // A file where the trash should be: the folder cannot go there, so it goes now.
    const blocked = path.join(root, 'blocked-trash');
    writeFileSync(blocked, '');
    const folder = siteWith(path.join(root, 'other'), 'three');
    moveToTrash(folder, blocked);
    expect(existsSync(folder)).toBe(false);
  });

  test('the trash is emptied by a process that outlives the call, and nothing is started for an empty trash', async () => {
    const root = tempDir('lectern-replaced-');
    const trash = path.join(root, 'trash');
    emptyTrashInBackground(trash);
    expect(existsSync(trash)).toBe(false);
    for (const name of ['a', 'b']) moveToTrash(siteWith(path.join(root, name), name), trash);
    emptyTrashInBackground(trash);
    await waitUntil(() => !existsSync(trash), `${trash} removed`);
    expect(readdirSync(root)).toEqual([]);
  });
});

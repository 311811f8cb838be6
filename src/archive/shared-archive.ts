import path from 'node:path';
import { readArchive, type Archive } from './read-archive.ts';

/**
 * The archive `lectern build` has just read and checked, handed to the content loaders
 * so a build reads and validates every file once, not twice. Kept on `globalThis`
 * because Astro loads the content config in a module graph of its own. `astro dev`
 * (no command line before it) reads the archive itself, and rereads it on every sync.
 */
const KEY = Symbol.for('lectern.checked-archive');

type Holder = typeof globalThis & { [KEY]?: Archive };

export function shareArchive(archive: Archive): void {
  (globalThis as Holder)[KEY] = archive;
}

/** The checked archive of `root` when the command line shared it, else a fresh read. */
export function checkedArchive(root: string): Archive {
  const shared = (globalThis as Holder)[KEY];
  if (shared && shared.root === path.resolve(root)) return shared;
  return readArchive(root);
}

import { accessSync, constants, readdirSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from '../cli/build-lock.ts';

/**
 * Where to put files that live for seconds (the prepared pages Pagefind's binary
 * reads, a shard at a time): a memory file system when the machine has one with
 * room, else `fallback`. On the disk the project was measured on, creating the
 * folders and files of 10,000 prepared pages cost about 30 CPU seconds of the
 * search index; in memory, under one (docs/scaling.md).
 */
export function scratchDir(fallback: string, room = MIN_ROOM): string {
  for (const dir of MEMORY_DIRS) {
    try {
      accessSync(dir, constants.W_OK);
      const stats = statfsSync(dir);
      if (stats.bavail * stats.bsize >= room) return dir;
    } catch {
      // Not there, not writable or not a file system to ask: the next, or the fallback.
    }
  }
  return fallback;
}

/**
 * `<scratch dir>/<name>-<pid>` for this process, after removing the folders of that
 * name left by processes that died before they could (killed, out of memory): in
 * memory, a leftover would hold the machine's RAM until it restarts.
 */
export function scratchFolder(fallback: string, name: string, room = MIN_ROOM): string {
  return processFolder(scratchDir(fallback, room), name);
}

/** `<dir>/<name>-<pid>` for this process, after removing the folders of that name left by processes that died. */
export function processFolder(dir: string, name: string): string {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    // No folder yet: nothing left over.
  }
  for (const entry of entries) {
    const pid = entry.startsWith(`${name}-`) ? Number(entry.slice(name.length + 1)) : NaN;
    if (Number.isInteger(pid) && (pid === process.pid || !isAlive(pid))) rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
  return path.join(dir, `${name}-${process.pid}`);
}

/** Linux's shared-memory file system, present on nearly every distribution. */
const MEMORY_DIRS = process.platform === 'linux' ? ['/dev/shm'] : [];

/** Two shards of prepared pages (one indexed while the next is prepared) come to about 150 MB. */
const MIN_ROOM = 1024 * 1024 * 1024;

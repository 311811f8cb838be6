/**
 * What a bench run replaces (an earlier run's output, the peer's generated site) is moved
 * aside, and removed once every figure is taken. On this machine's file system (ext4
 * without a journal) deleting 40,000 files makes every file and folder created in the
 * next minute slower (docs/scaling.md, "Deleting makes creating slow"): deleting right
 * before a timed build would time the deletion's after-effect, for Lectern and the peer
 * alike, rather than the build.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { moveToTrash } from '../../src/cli/replaced-sites.ts';

const trash = path.resolve(import.meta.dirname, '../work/trash');

/** Moves `folder` (when it exists) out of the way of the build about to write there. */
export function setAside(folder: string): void {
  moveToTrash(folder, trash);
}

/** Removes everything set aside; the run calls it after its last measurement. */
export function removeSetAside(): void {
  rmSync(trash, { recursive: true, force: true });
}

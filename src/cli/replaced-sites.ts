/**
 * What happens to a site the build replaced, and to a cache it cleared.
 *
 * Nothing is deleted while a build runs. On ext4 without a journal (common on
 * virtual machines) the allocator passes over every inode freed in the last
 * minute before it hands out a new one, so deleting 40,000 files and folders made
 * each folder the next build created cost up to half a millisecond
 * (docs/scaling.md, "Deleting makes creating slow"). So:
 *
 * - the replaced site becomes the *spare*: the next build's published-page links
 *   reuse its folders instead of making 14,000 new ones (published-pages.ts);
 * - whatever must go (an older spare, a cleared cache) is renamed into the
 *   project's trash and removed by a detached process once the build is over.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Tells apart folders trashed in the same millisecond by one process. */
let trashed = 0;

/**
 * Moves `folder` into `trash`, to be removed after the build; where it cannot be
 * renamed there (another file system), it is removed at once.
 */
export function moveToTrash(folder: string, trash: string): void {
  if (!existsSync(folder)) return;
  try {
    mkdirSync(trash, { recursive: true });
    trashed += 1;
    renameSync(folder, path.join(trash, `${path.basename(folder)}-${process.pid}-${Date.now().toString(36)}-${trashed}`));
  } catch {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The site just replaced becomes the spare at `spare` (in the build's cache folder),
 * for the next build to reuse; an older spare still there goes to the trash.
 */
export function keepAsSpare(replaced: string, spare: string, trash: string): void {
  moveToTrash(spare, trash);
  try {
    renameSync(replaced, spare);
  } catch {
    moveToTrash(replaced, trash);
  }
}

/**
 * Removes the trash in a detached process at the lowest priority, so that the
 * editor does not wait for it; nothing is started when the trash is empty.
 */
export function emptyTrashInBackground(trash: string): void {
  let entries: string[];
  try {
    entries = readdirSync(trash);
  } catch {
    return;
  }
  if (entries.length === 0) return;
  const remover = spawn(
    process.execPath,
    ['-e', 'try { require("node:os").setPriority(19); } catch {} require("node:fs").rmSync(process.argv[1], { recursive: true, force: true });', trash],
    { detached: true, stdio: 'ignore' },
  );
  remover.unref();
}

import { linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readUtf8 } from '../archive/utf8-file.ts';

/**
 * One build at a time per project. Astro keeps per-build files in the project's
 * `.astro/` folder (the content module map, and the prerender bundle when the
 * output folder lies outside the project), so two builds running at once — a
 * scheduled one and a manual one, or two test files — would read each other's.
 * The lock is the file `.lectern/astro-build.lock` holding the builder's
 * process id; a lock whose process has died is taken over. (The tests keep
 * their own lock, the folder `.lectern/build.lock`, around whole test builds.)
 *
 * Returns the function that releases the lock.
 */
export async function acquireBuildLock(root: string, onWait: (holder: number) => void): Promise<() => void> {
  const folder = path.join(root, '.lectern');
  mkdirSync(folder, { recursive: true });
  const lock = path.join(folder, 'astro-build.lock');
  // Written first under a name of our own, then linked: the lock never exists half-written.
  const mine = path.join(folder, `astro-build.lock.${process.pid}`);
  writeFileSync(mine, String(process.pid));
  let announced = false;
  try {
    for (;;) {
      try {
        linkSync(mine, lock);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = lockHolder(lock);
      // Gone in the meantime: try again.
      if (holder === 'gone') continue;
      // A dead builder's lock, or one that is not ours to read, is taken over. (Two
      // builds taking over one dead lock at the same instant could both get in; a
      // crashed build plus two starts within microseconds is a risk worth leaving.)
      if (holder === 'invalid' || !isAlive(holder)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!announced) onWait(holder);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    rmSync(mine, { force: true });
  }
  const release = () => {
    if (lockHolder(lock) === process.pid) rmSync(lock, { force: true });
    process.off('exit', release);
  };
  // A build that exits on a signal still lets the next one in at once.
  process.on('exit', release);
  return release;
}

/** The process id in the lock; `gone` when there is no lock, `invalid` when it holds no id. */
function lockHolder(lock: string): number | 'gone' | 'invalid' {
  try {
    const pid = Number(readUtf8(lock));
    return Number.isInteger(pid) && pid > 0 ? pid : 'invalid';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'invalid';
  }
}

/** Whether a process with this id runs (EPERM: it does, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

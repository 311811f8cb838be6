import { statSync, type BigIntStats } from 'node:fs';

/**
 * How long a file must have stood unchanged before the check trusts its identity. A file
 * written twice within one tick of the file system's clock, at the same size, would keep
 * the same times; one older than this cannot be in the middle of such writes when it is
 * read. Generous, for file systems with coarse clocks (FAT keeps modification times to
 * 2 s): a file edited just before a build is only read once more.
 */
export const SETTLED_MS = 5000;

/**
 * A content file's device, inode, size and modification and change times: when all are
 * as they were, the file holds what it held, and the check need not read it again (as
 * make and git's index decide). The change time moves on every write and cannot be set
 * back, so a tool that restores modification times still changes the identity.
 * `undefined` when the file is missing or changed less than `SETTLED_MS` before `now`.
 */
export function settledIdentity(file: string, now = Date.now()): string | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    if (!stat.isFile() || Number(stat.ctimeMs) > now - SETTLED_MS || Number(stat.mtimeMs) > now - SETTLED_MS) return undefined;
    return `${identityOf(stat)}:${stat.ctimeNs}`;
  } catch {
    return undefined;
  }
}

/**
 * A file the build itself wrote (a built page, the published home page): its device,
 * inode, size and modification time, which change whenever it is replaced or written.
 * Nothing else writes those files, so the change time and the settling are not needed.
 */
export function fileIdentity(file: string): string | undefined {
  try {
    return identityOf(statSync(file, { bigint: true }));
  } catch {
    return undefined;
  }
}

function identityOf(stat: BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
}

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scratchDir, scratchFolder } from '../../src/integrations/scratch-dir.ts';
import { tempDir } from '../helpers/paths.ts';

describe('the scratch folder of the search index', () => {
  test('is in memory on Linux when there is room, and the fallback when there is not', () => {
    const fallback = tempDir('lectern-scratch-');
    expect(scratchDir(fallback, Number.POSITIVE_INFINITY)).toBe(fallback);
    if (process.platform === 'linux' && existsSync('/dev/shm')) expect(scratchDir(fallback, 1)).toBe('/dev/shm');
  });

  test("removes what dead processes left, keeps a live process's folder, and names this process's own", () => {
    const fallback = tempDir('lectern-scratch-');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const live = process.ppid;
    for (const pid of [dead, live]) mkdirSync(path.join(fallback, `lectern-index-staging-${pid}`, 'shard-0'), { recursive: true });
    mkdirSync(path.join(fallback, 'lectern-index-staging-notapid'));
    const folder = scratchFolder(fallback, 'lectern-index-staging', Number.POSITIVE_INFINITY);
    expect(folder).toBe(path.join(fallback, `lectern-index-staging-${process.pid}`));
    expect(existsSync(path.join(fallback, `lectern-index-staging-${dead}`))).toBe(false);
    expect(existsSync(path.join(fallback, `lectern-index-staging-${live}`))).toBe(true);
    expect(existsSync(path.join(fallback, 'lectern-index-staging-notapid'))).toBe(true);
  });
});

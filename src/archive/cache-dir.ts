import { createHash } from 'node:crypto';
import path from 'node:path';
import { selectedCourse } from './course-filter.ts';

/**
 * Where builds of one content folder keep their caches (Astro's content layer and
 * incremental build, Lectern's rendered Markdown and search records): one folder per
 * content folder (and course, see course-filter.ts), so building a test fixture never reuses
 * entries of the demo archive.
 */
export function cacheDir(content: string, root: string = process.cwd(), course: string | undefined = selectedCourse()): string {
  // A one-course build (LECTERN_COURSE) keeps its own caches: it would otherwise undo the whole archive's each time.
  const key = createHash('sha256')
    .update(path.resolve(content) + (course ? `#${course}` : ''))
    .digest('hex')
    .slice(0, 12);
  return path.join(root, 'node_modules', '.astro', key);
}

import path from 'node:path';

/** The content folder to build: `LECTERN_CONTENT` when set, else `content/` of the project. */
export function contentDir(cwd: string = process.cwd()): string {
  return path.resolve(cwd, process.env.LECTERN_CONTENT || 'content');
}

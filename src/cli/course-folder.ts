import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../archive/frontmatter.ts';
import { toPartialDate, partialDateYear } from '../lib/partial-date.ts';
import { documentKinds, kindFolders, type DocumentKind } from '../schemas/document.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

/** The course folders of a content folder (those with a course.md), sorted. */
export function listCourses(content: string): string[] {
  if (!existsSync(content)) return [];
  return readdirSync(content)
    .filter((name) => !name.startsWith('.') && !name.startsWith('_'))
    .filter((name) => existsSync(path.join(content, name, 'course.md')))
    .sort();
}

/** The ids of the documents of a course, by kind folder. */
export function documentIds(courseDir: string): Record<DocumentKind, Set<string>> {
  const ids = {} as Record<DocumentKind, Set<string>>;
  for (const kind of documentKinds) {
    const folder = path.join(courseDir, kindFolders[kind]);
    ids[kind] = new Set(
      existsSync(folder) && statSync(folder).isDirectory()
        ? readdirSync(folder).filter((n) => /\.mdx?$/.test(n)).map((n) => n.replace(/\.mdx?$/, ''))
        : [],
    );
  }
  return ids;
}

/** The year the course started, to complete dates written without one; `undefined` when unknown. */
export function courseYear(courseDir: string): number | undefined {
  const file = path.join(courseDir, 'course.md');
  if (!existsSync(file)) return undefined;
  try {
    const { yaml } = splitFrontmatter(readUtf8(file));
    const data: unknown = yaml === undefined ? undefined : parseYaml(yaml);
    const start = typeof data === 'object' && data !== null ? (data as { start?: unknown }).start : undefined;
    const date = toPartialDate(start);
    return date ? partialDateYear(date) : undefined;
  } catch {
    // A broken course.md is `lectern check`'s to report; here it only means no year.
    return undefined;
  }
}

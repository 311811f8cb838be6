import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fill } from '../i18n/ui.ts';
import { messages } from '../i18n/messages.ts';
import {
  aliasToSitePath,
  brokenPermalinks,
  parsePermalinkRecord,
  PERMALINKS_FILE,
  recordPermalinks,
  serializePermalinkRecord,
  type PermalinkRecord,
  type PublishedDocument,
} from '../lib/permalinks.ts';
import { paths } from '../lib/urls.ts';
import { deployment } from './deployment.ts';
import { parseLocatedYaml, splitFrontmatter } from './frontmatter.ts';
import { problemMessage, type Problem } from './problems.ts';
import { courseSelected } from './course-filter.ts';
import type { ArchiveCourse, ArchiveDocument } from './read-archive.ts';
import { readUtf8 } from './utf8-file.ts';

/** The documents the build publishes (no drafts, only those of a valid course), with their aliases as site paths. */
export function publishedDocuments(documents: readonly ArchiveDocument[], courses: readonly ArchiveCourse[], base: string): PublishedDocument[] {
  const courseIds = new Set(courses.map((c) => c.id));
  return documents
    .filter((doc) => !doc.data.draft && courseIds.has(doc.course))
    .map((doc) => ({
      course: doc.course,
      id: doc.id,
      url: paths.document(doc.course, doc.id),
      title: doc.data.title,
      file: doc.file,
      aliases: (doc.data.aliases ?? []).map((alias) => aliasToSitePath(alias, base)).filter((p): p is string => p !== undefined),
    }));
}

/**
 * Problems with aliases (not a path, taken by a page, claimed twice) and with
 * published URLs that no document answers any more. Part of `lectern check`.
 */
export function permalinkProblems(
  root: string,
  documents: readonly ArchiveDocument[],
  courses: readonly ArchiveCourse[],
  /** Only these courses were read (LECTERN_COURSE): the other courses' addresses are not its business. */
  onlyCourse?: string,
): Problem[] {
  const { base } = deployment(root);
  const problems: Problem[] = [...aliasProblems(root, documents, courses, base)];
  const { record, problem } = readPermalinkRecord(root);
  if (problem) problems.push(problem);
  if (!record) return problems;
  const published = publishedDocuments(documents, courses, base);
  const recordText = readUtf8(path.join(root, PERMALINKS_FILE));
  for (const broken of brokenPermalinks(record, published)) {
    if (!courseSelected(onlyCourse, broken.url.split('/')[1] ?? '')) continue;
    const old = `/${broken.url}`;
    if (broken.movedTo) {
      const doc = documents.find((d) => d.file === broken.movedTo!.file)!;
      problems.push({
        file: doc.file,
        line: frontmatterLine(root, doc.file, ['aliases']),
        field: 'aliases',
        message: problemMessage('permalinkMoved', { old, new: `/${broken.movedTo.url}` }),
      });
    } else {
      problems.push({
        file: PERMALINKS_FILE,
        line: lineContaining(recordText, JSON.stringify(broken.url)),
        message: problemMessage('permalinkGone', { url: old, title: broken.title }),
      });
    }
  }
  return problems;
}

function aliasProblems(root: string, documents: readonly ArchiveDocument[], courses: readonly ArchiveCourse[], base: string): Problem[] {
  const pages = new Map<string, string>([['', 'site.yaml']]);
  for (const course of courses) pages.set(paths.course(course.id), course.file);
  for (const doc of documents) pages.set(paths.document(doc.course, doc.id), doc.file);
  const claimed = new Map<string, string>();
  const problems: Problem[] = [];
  for (const doc of documents) {
    (doc.data.aliases ?? []).forEach((alias, index) => {
      // The line is looked up only for a problem: it means reading the file again.
      const place = () => ({ file: doc.file, line: frontmatterLine(root, doc.file, ['aliases', index]), field: `aliases[${index}]` });
      const sitePath = aliasToSitePath(alias, base);
      if (sitePath === undefined) {
        problems.push({ ...place(), message: problemMessage('aliasInvalid', { alias }) });
        return;
      }
      const page = pages.get(sitePath);
      if (page !== undefined) {
        problems.push({ ...place(), message: problemMessage('aliasTaken', { alias, page }) });
        return;
      }
      const other = claimed.get(sitePath);
      if (other !== undefined && other !== doc.file) {
        problems.push({ ...place(), message: problemMessage('aliasDuplicate', { alias, other }) });
        return;
      }
      claimed.set(sitePath, doc.file);
    });
  }
  return problems;
}

/** The record of published URLs, when the archive keeps one (`content/permalinks.json`). */
export function readPermalinkRecord(root: string): { record?: PermalinkRecord; problem?: Problem } {
  const file = path.join(root, PERMALINKS_FILE);
  if (!existsSync(file)) return {};
  try {
    return { record: parsePermalinkRecord(readUtf8(file)) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: { file: PERMALINKS_FILE, message: problemMessage('permalinksFile', { reason }) } };
  }
}

/**
 * Adds the URL of every published document to `content/permalinks.json`.
 * Creates the file only when `create` is set (`lectern permalinks`); a build
 * keeps an existing record up to date but never starts one in a folder that has none.
 */
export function updatePermalinkRecord(
  root: string,
  published: readonly PublishedDocument[],
  options: { create: boolean },
): { file: string; added: number; total: number } | undefined {
  const file = path.join(root, PERMALINKS_FILE);
  const exists = existsSync(file);
  if (!exists && !options.create) return undefined;
  const { record: current = {}, problem } = readPermalinkRecord(root);
  // A record that cannot be read is never overwritten: it holds what was published.
  if (problem) return undefined;
  const { record, added } = recordPermalinks(current, published);
  const text = serializePermalinkRecord(record);
  if (!exists || text !== readUtf8(file)) writeFileSync(file, text);
  return { file, added, total: Object.keys(record).length };
}

export function permalinkMessages() {
  const words = messages().permalinks;
  return {
    recorded: (file: string, added: number, total: number) => fill(words.recorded, { file, added, total }),
    hint: (file: string) => fill(words.hint, { file }),
  };
}

/** File line of a front-matter field, read again because the archive keeps only the parsed values. */
function frontmatterLine(root: string, file: string, fieldPath: (string | number)[]): number | undefined {
  try {
    const split = splitFrontmatter(readUtf8(path.join(root, file)));
    if (split.yaml === undefined) return undefined;
    return parseLocatedYaml(split.yaml).lineOf(fieldPath) + split.yamlLine - 1;
  } catch {
    return undefined;
  }
}

function lineContaining(text: string, needle: string): number | undefined {
  const index = text.indexOf(needle);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}

/**
 * What the reading site's pages derive from the archive beyond the document list:
 * reading order, people, years, tags, related documents. Each is computed once per build.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../archive/content-dir.ts';
import { agendaOrder, neighbours } from '../lib/course-order.ts';
import { buildPeopleDirectory, type PeopleDirectory, type PersonEntry } from '../lib/people-directory.ts';
import { resolvePeople } from '../lib/people.ts';
import { relatedIndex } from '../lib/related.ts';
import type { Session } from '../schemas/course.ts';
import { partialDateYear, type PartialDate } from '../lib/partial-date.ts';
import { getCourseDocuments, getCourses, getDocuments, type ArchiveDoc, type CourseEntry } from './archive.ts';
import { getPeopleIndex } from './site.ts';

/** One agenda entry with the course it belongs to. */
export interface SessionItem {
  course: CourseEntry;
  session: Session;
  /** Position in the course's agenda, for a stable order within a day. */
  index: number;
}

export type Person = PersonEntry<ArchiveDoc, SessionItem>;

let directory: Promise<PeopleDirectory<ArchiveDoc, SessionItem>> | undefined;

export function getPeopleDirectory(): Promise<PeopleDirectory<ArchiveDoc, SessionItem>> {
  directory ??= (async () => {
    const index = getPeopleIndex();
    const sessions = (await getCourses()).flatMap((course) =>
      course.data.sessions.map((session, i): SessionItem => ({ course, session, index: i })),
    );
    return buildPeopleDirectory({
      index,
      documents: await getDocuments(),
      documentPeople: (doc) => doc.people,
      sessions,
      sessionPeople: (item) => resolvePeople(item.session.speakers, index),
    });
  })();
  return directory;
}

/** The documents of a course in agenda order (how the compilation and previous/next run). */
export async function getCourseReadingOrder(course: CourseEntry): Promise<ArchiveDoc[]> {
  return agendaOrder(course.data.sessions, await getCourseDocuments(course.id));
}

export async function getNeighbours(course: CourseEntry, doc: ArchiveDoc) {
  return neighbours(await getCourseReadingOrder(course), doc.id);
}

interface Relatable {
  doc: ArchiveDoc;
  course: string;
  id: string;
  people: string[];
  tags: string[];
  date: string;
}

let related: Promise<{ byDoc: Map<ArchiveDoc, Relatable>; find: (doc: Relatable) => Relatable[]; relatable: (doc: ArchiveDoc) => Relatable }> | undefined;

/** Related documents (lib/related.ts), from an index of the archive built once per build. */
export async function getRelated(doc: ArchiveDoc): Promise<ArchiveDoc[]> {
  related ??= (async () => {
    const { idOfName } = await getPeopleDirectory();
    const relatable = (d: ArchiveDoc): Relatable => ({
      doc: d,
      course: d.course,
      id: d.id,
      people: d.principal.map((p) => idOfName.get(p.name) ?? p.id),
      tags: d.entry.data.tags ?? [],
      date: d.date,
    });
    const all = (await getDocuments()).map(relatable);
    return { byDoc: new Map(all.map((r) => [r.doc, r])), find: relatedIndex(all), relatable };
  })();
  const { byDoc, find, relatable } = await related;
  return find(byDoc.get(doc) ?? relatable(doc)).map((r) => r.doc);
}

export interface YearContents {
  year: number;
  courses: CourseEntry[];
  documents: ArchiveDoc[];
}

/** Every year with a course or a document, newest first. */
export async function getYears(): Promise<YearContents[]> {
  const years = new Map<number, YearContents>();
  const yearOf = (year: number) => {
    let entry = years.get(year);
    if (!entry) years.set(year, (entry = { year, courses: [], documents: [] }));
    return entry;
  };
  for (const course of await getCourses()) yearOf(partialDateYear(course.data.start as PartialDate)).courses.push(course);
  for (const doc of await getDocuments()) yearOf(doc.year).documents.push(doc);
  return [...years.values()].sort((a, b) => b.year - a.year);
}

export interface TagContents {
  tag: string;
  courses: CourseEntry[];
  documents: ArchiveDoc[];
}

let tagList: Promise<TagContents[]> | undefined;

/** Every tag of a course or a document, by number of uses, then in Chinese order; once per build (the layout asks on every page). */
export function getTags(): Promise<TagContents[]> {
  tagList ??= collectTags();
  return tagList;
}

async function collectTags(): Promise<TagContents[]> {
  const tags = new Map<string, TagContents>();
  const tagOf = (tag: string) => {
    let entry = tags.get(tag);
    if (!entry) tags.set(tag, (entry = { tag, courses: [], documents: [] }));
    return entry;
  };
  for (const course of await getCourses()) for (const tag of new Set(course.data.tags ?? [])) tagOf(tag).courses.push(course);
  for (const doc of await getDocuments()) for (const tag of new Set(doc.entry.data.tags ?? [])) tagOf(tag).documents.push(doc);
  const collator = new Intl.Collator('zh-CN');
  const size = (t: TagContents) => t.courses.length + t.documents.length;
  return [...tags.values()].sort((a, b) => size(b) - size(a) || collator.compare(a.tag, b.tag));
}

/** Bytes of a file in a course folder, or `undefined` when it cannot be read (the check reports missing files). */
export function courseFileSize(course: string, file: string): number | undefined {
  try {
    return statSync(path.join(contentDir(), course, file)).size;
  } catch {
    return undefined;
  }
}

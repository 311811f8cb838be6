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
import { relatedDocuments } from '../lib/related.ts';
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
  /** Place in the archive's order, so candidates are ranked as the whole list would be. */
  order: number;
}

interface RelatedIndex {
  byDoc: Map<ArchiveDoc, Relatable>;
  /** `p:<person id>` and `t:<tag>` → the documents that have them. */
  byKey: Map<string, Relatable[]>;
  relatable(doc: ArchiveDoc, order: number): Relatable;
}

let relatedIndex: Promise<RelatedIndex> | undefined;

/** Documents by person and by tag, built once: only those can be related to a page. */
function getRelatedIndex(): Promise<RelatedIndex> {
  relatedIndex ??= (async () => {
    const { idOfName } = await getPeopleDirectory();
    const relatable = (d: ArchiveDoc, order: number): Relatable => ({
      doc: d,
      course: d.course,
      id: d.id,
      people: d.principal.map((p) => idOfName.get(p.name) ?? p.id),
      tags: d.entry.data.tags ?? [],
      date: d.date,
      order,
    });
    const byDoc = new Map<ArchiveDoc, Relatable>();
    const byKey = new Map<string, Relatable[]>();
    (await getDocuments()).forEach((doc, order) => {
      const r = relatable(doc, order);
      byDoc.set(doc, r);
      for (const key of [...new Set(r.people)].map((p) => `p:${p}`).concat([...new Set(r.tags)].map((t) => `t:${t}`))) {
        const list = byKey.get(key);
        if (list) list.push(r);
        else byKey.set(key, [r]);
      }
    });
    return { byDoc, byKey, relatable };
  })();
  return relatedIndex;
}

/**
 * Related documents (lib/related.ts), ranked among the documents that share a person or a
 * tag with `doc` only — the same result as ranking the whole archive, which every
 * document page did before and which made the build grow with the square of the archive.
 */
export async function getRelated(doc: ArchiveDoc): Promise<ArchiveDoc[]> {
  const index = await getRelatedIndex();
  const self = index.byDoc.get(doc) ?? index.relatable(doc, -1);
  const candidates = new Set<Relatable>();
  for (const p of self.people) for (const r of index.byKey.get(`p:${p}`) ?? []) candidates.add(r);
  for (const t of self.tags) for (const r of index.byKey.get(`t:${t}`) ?? []) candidates.add(r);
  const ordered = [...candidates].sort((a, b) => a.order - b.order);
  return relatedDocuments(self, ordered).map((r) => r.doc);
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

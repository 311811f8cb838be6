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
import { RELATED_LIMIT, WEIGHT, relatedDocuments } from '../lib/related.ts';
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
  /** Place in the archive's order (getDocuments), which breaks ties as the whole list would. */
  order: number;
}

interface RelatedIndex {
  all: Relatable[];
  byDoc: Map<ArchiveDoc, Relatable>;
  /** `p:<person id>` and `t:<tag>` → the documents that have them, each once, in archive order. */
  byKey: Map<string, Relatable[]>;
  relatable(doc: ArchiveDoc, order: number): Relatable;
  /** Scratch counters, one per document: shared people and shared tags of the current query. */
  people: Int32Array;
  tags: Int32Array;
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
    const all = (await getDocuments()).map(relatable);
    const byDoc = new Map<ArchiveDoc, Relatable>();
    const byKey = new Map<string, Relatable[]>();
    for (const r of all) {
      byDoc.set(r.doc, r);
      for (const key of relatedKeys(r)) {
        const list = byKey.get(key);
        if (list) list.push(r);
        else byKey.set(key, [r]);
      }
    }
    return { all, byDoc, byKey, relatable, people: new Int32Array(all.length), tags: new Int32Array(all.length) };
  })();
  return relatedIndex;
}

function relatedKeys(r: Relatable): string[] {
  return [...new Set(r.people)].map((p) => `p:${p}`).concat([...new Set(r.tags)].map((t) => `t:${t}`));
}

/**
 * Related documents: the same ranking as lib/related.ts over the whole archive (shared
 * people weigh 3, shared tags 2, the same course 1; then newer first, then archive order),
 * counted only over the documents that share a person or a tag with `doc`. Ranking the
 * whole archive on every document page made the build grow with the square of the archive.
 */
export async function getRelated(doc: ArchiveDoc): Promise<ArchiveDoc[]> {
  const index = await getRelatedIndex();
  const self = index.byDoc.get(doc);
  // A document outside the list (a draft shown in dev) is ranked the simple way.
  if (!self) return relatedDocuments(index.relatable(doc, -1), index.all).map((r) => r.doc);
  const touched: Relatable[] = [];
  const count = (lists: (Relatable[] | undefined)[], counter: Int32Array) => {
    for (const list of lists) {
      for (const r of list ?? []) {
        if (index.people[r.order] === 0 && index.tags[r.order] === 0) touched.push(r);
        counter[r.order]++;
      }
    }
  };
  count([...new Set(self.people)].map((p) => index.byKey.get(`p:${p}`)), index.people);
  count([...new Set(self.tags)].map((t) => index.byKey.get(`t:${t}`)), index.tags);
  const scored = touched
    .filter((r) => r !== self && !(r.course === self.course && r.id === self.id))
    .map((r) => ({ r, score: index.people[r.order] * WEIGHT.person + index.tags[r.order] * WEIGHT.tag + (r.course === self.course ? WEIGHT.course : 0) }));
  for (const r of touched) {
    index.people[r.order] = 0;
    index.tags[r.order] = 0;
  }
  return scored
    .sort((a, b) => b.score - a.score || (a.r.date < b.r.date ? 1 : a.r.date > b.r.date ? -1 : 0) || a.r.order - b.r.order)
    .slice(0, RELATED_LIMIT)
    .map(({ r }) => r.doc);
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

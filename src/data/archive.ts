import { getCollection, type CollectionEntry } from 'astro:content';
import type { DocumentKind } from '../schemas/document.ts';
import { compareDatesDescending, partialDateYear, type PartialDate } from '../lib/partial-date.ts';
import { documentPeople, principalPeople, type PersonRole } from '../lib/document-people.ts';
import type { ResolvedPerson } from '../lib/people.ts';
import { paths } from '../lib/urls.ts';
import { compareText } from '../lib/compare.ts';
import { getPeopleIndex, href } from './site.ts';

export type DocumentEntry = CollectionEntry<'speeches'> | CollectionEntry<'lectures'> | CollectionEntry<'writeups'>;
export type CourseEntry = CollectionEntry<'courses'>;

/** A document with everything pages derive from it, computed once per build. */
export interface ArchiveDoc {
  entry: DocumentEntry;
  kind: DocumentKind;
  course: string;
  id: string;
  url: string;
  date: PartialDate;
  year: number;
  people: Partial<Record<PersonRole, ResolvedPerson[]>>;
  /** Speaker, lecturers and authors: who the document is by. */
  principal: ResolvedPerson[];
}

const kindOfCollection = { speeches: 'speech', lectures: 'lecture', writeups: 'writeup' } as const;

const published = (entry: { data: { draft?: boolean } }) => import.meta.env.DEV || !entry.data.draft;

let documents: Promise<ArchiveDoc[]> | undefined;
let courses: Promise<CourseEntry[]> | undefined;

/** Every published document, newest first (ties broken by course and id, so the order is stable). */
export function getDocuments(): Promise<ArchiveDoc[]> {
  documents ??= loadDocuments();
  return documents;
}

async function loadDocuments(): Promise<ArchiveDoc[]> {
  const people = getPeopleIndex();
  const entries: DocumentEntry[] = [
    ...(await getCollection('speeches', published)),
    ...(await getCollection('lectures', published)),
    ...(await getCollection('writeups', published)),
  ];
  return entries
    .map((entry): ArchiveDoc => {
      const kind = kindOfCollection[entry.collection];
      const [course, id] = entry.id.split('/');
      const date = entry.data.date as PartialDate;
      return {
        entry,
        kind,
        course,
        id,
        url: href(paths.document(course, id)),
        date,
        year: partialDateYear(date),
        people: documentPeople(kind, entry.data, people),
        principal: principalPeople(kind, entry.data, people),
      };
    })
    .sort((a, b) => compareDatesDescending(a.date, b.date) || compareText(a.course, b.course) || compareText(a.id, b.id));
}

/** Every published course, newest first. */
export function getCourses(): Promise<CourseEntry[]> {
  courses ??= getCollection('courses', published).then((list) =>
    list.sort((a, b) => compareDatesDescending(a.data.start as PartialDate, b.data.start as PartialDate) || compareText(a.id, b.id)),
  );
  return courses;
}

export async function getCourse(id: string): Promise<CourseEntry | undefined> {
  return (await getCourses()).find((course) => course.id === id);
}

let byCourse: Promise<Map<string, ArchiveDoc[]>> | undefined;

/**
 * The documents of a course, newest first. Indexed once per build: every document page
 * asks for its course's list, and filtering the whole archive each time made the
 * build grow with the square of the archive.
 */
export async function getCourseDocuments(course: string): Promise<ArchiveDoc[]> {
  byCourse ??= getDocuments().then((documents) => {
    const map = new Map<string, ArchiveDoc[]>();
    for (const doc of documents) {
      const list = map.get(doc.course);
      if (list) list.push(doc);
      else map.set(doc.course, [doc]);
    }
    return map;
  });
  return (await byCourse).get(course) ?? [];
}

let publishedKeys: Promise<ReadonlySet<string>> | undefined;

/** `course/id` of every published document, once per build. */
export function getPublishedKeys(): Promise<ReadonlySet<string>> {
  publishedKeys ??= getDocuments().then((documents) => new Set(documents.map((doc) => `${doc.course}/${doc.id}`)));
  return publishedKeys;
}

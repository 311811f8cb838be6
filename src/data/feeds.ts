import { firstParagraph } from '../lib/excerpt.ts';
import type { Feed, FeedItem } from '../lib/feeds.ts';
import type { ResolvedPerson } from '../lib/people.ts';
import type { PersonRole } from '../lib/document-people.ts';
import { paths } from '../lib/urls.ts';
import { siteLang, t } from '../i18n/ui.ts';
import { absoluteHref } from './address.ts';
import { getCourseDocuments, getCourses, getDocuments, type ArchiveDoc, type CourseEntry } from './archive.ts';
import { getSite } from './site.ts';
import { entryBody } from './entry-body.ts';

/** How many documents the site-wide feeds carry; a course's feeds carry all of its own. */
export const LATEST_COUNT = 20;

/** The summary a document gives, or the first paragraph of its body. */
export function documentSummary(doc: ArchiveDoc): string | undefined {
  return doc.entry.data.summary ?? firstParagraph(entryBody(doc.entry));
}

/** Who a document is by, for feeds: speaker, lecturers, authors; for a write-up without them, its reporters. */
export function documentAuthors(doc: ArchiveDoc): string[] {
  const people = doc.principal.length > 0 ? doc.principal : [...(doc.people.reporters ?? []), ...(doc.people.correspondents ?? [])];
  return people.map((p) => p.name);
}

async function courseTitles(): Promise<Map<string, string>> {
  return new Map((await getCourses()).map((c) => [c.id, c.data.title]));
}

function feedItem(doc: ArchiveDoc, courseTitle: string): FeedItem {
  return {
    url: absoluteHref(paths.document(doc.course, doc.id)),
    title: doc.entry.data.title,
    date: doc.date,
    summary: documentSummary(doc),
    authors: documentAuthors(doc),
    category: courseTitle,
    tags: doc.entry.data.tags,
  };
}

/** The latest documents of the whole archive. */
export async function siteFeed(format: 'rss' | 'json'): Promise<Feed> {
  const site = getSite();
  const titles = await courseTitles();
  const documents = (await getDocuments()).filter((d) => titles.has(d.course)).slice(0, LATEST_COUNT);
  return {
    title: site.name,
    description: site.description ?? t('feed.description.site', { site: site.name }),
    homeUrl: absoluteHref(paths.home()),
    feedUrl: absoluteHref(format === 'rss' ? paths.rss() : paths.jsonFeed()),
    language: siteLang,
    items: documents.map((doc) => feedItem(doc, titles.get(doc.course)!)),
  };
}

/** Every document of one course. */
export async function courseFeed(course: CourseEntry, format: 'rss' | 'json'): Promise<Feed> {
  const site = getSite();
  const documents = await getCourseDocuments(course.id);
  return {
    title: t('feed.title.course', { course: course.data.title, site: site.name }),
    description: t('feed.description.course', { course: course.data.title }),
    homeUrl: absoluteHref(paths.course(course.id)),
    feedUrl: absoluteHref(format === 'rss' ? paths.courseRss(course.id) : paths.courseJsonFeed(course.id)),
    language: siteLang,
    items: documents.map((doc) => feedItem(doc, course.data.title)),
  };
}

/** One entry of `/documents.json`, the index other sites list documents from. */
export interface DocumentRecord {
  id: string;
  url: string;
  title: string;
  subtitle?: string;
  kind: ArchiveDoc['kind'];
  course: { id: string; title: string; url: string };
  /** As precise as the source: `2024`, `2024-04` or `2024-11-26`. */
  date: string;
  people: Partial<Record<PersonRole, { name: string; position?: string }[]>>;
  source?: string;
  sourceUrl?: string;
  summary?: string;
  tags?: string[];
}

/** Every published document, newest first. */
export async function documentRecords(): Promise<DocumentRecord[]> {
  const titles = await courseTitles();
  return (await getDocuments())
    .filter((doc) => titles.has(doc.course))
    .map((doc) => {
      const data = doc.entry.data;
      const summary = documentSummary(doc);
      return {
        id: `${doc.course}/${doc.id}`,
        url: absoluteHref(paths.document(doc.course, doc.id)),
        title: data.title,
        ...(data.subtitle ? { subtitle: data.subtitle } : {}),
        kind: doc.kind,
        course: { id: doc.course, title: titles.get(doc.course)!, url: absoluteHref(paths.course(doc.course)) },
        date: doc.date,
        people: Object.fromEntries(Object.entries(doc.people).map(([role, people]) => [role, (people as ResolvedPerson[]).map(personRecord)])),
        ...(data.source ? { source: data.source } : {}),
        ...(data.sourceUrl ? { sourceUrl: data.sourceUrl } : {}),
        ...(summary ? { summary } : {}),
        ...(data.tags ? { tags: data.tags } : {}),
      };
    });
}

function personRecord(person: ResolvedPerson): { name: string; position?: string } {
  return person.position ? { name: person.name, position: person.position } : { name: person.name };
}

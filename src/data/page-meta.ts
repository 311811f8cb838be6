import type { FeedLink, PageMeta } from '../lib/head-meta.ts';
import { firstParagraph } from '../lib/excerpt.ts';
import { paths } from '../lib/urls.ts';
import { t } from '../i18n/ui.ts';
import type { ArchiveDoc, CourseEntry } from './archive.ts';
import { documentAuthors, documentSummary } from './feeds.ts';
import { getSite } from './site.ts';
import { entryBody } from './entry-body.ts';

/** The site's own feeds, offered on every page. */
export function siteFeedLink(): FeedLink {
  return { title: t('feed.site', { site: getSite().name }), rss: paths.rss(), json: paths.jsonFeed() };
}

export function courseFeedLink(course: CourseEntry): FeedLink {
  return { title: course.data.title, rss: paths.courseRss(course.id), json: paths.courseJsonFeed(course.id) };
}

/** A course page is a column (栏目) in the government checks' terms. */
export function courseMeta(course: CourseEntry): PageMeta {
  const data = course.data;
  return {
    type: 'column',
    column: {
      name: data.title,
      type: t('meta.columnType.course'),
      description: data.summary ?? firstParagraph(entryBody(course)),
      keywords: data.tags ?? [data.title],
    },
    feeds: [courseFeedLink(course)],
  };
}

/** A document page is an article of its course's column. */
export function documentMeta(doc: ArchiveDoc, course: CourseEntry): PageMeta {
  const data = doc.entry.data;
  const firstImage = 'images' in data ? data.images?.[0] : undefined;
  return {
    type: 'article',
    column: { name: course.data.title, type: t('meta.columnType.course') },
    article: {
      title: data.title,
      date: doc.date,
      source: data.source ?? getSite().organization,
      authors: documentAuthors(doc),
      keywords: data.tags ?? [t(`kind.${doc.kind}`), course.data.title],
      description: documentSummary(doc),
      image: firstImage ? paths.media(doc.course, firstImage.src) : undefined,
    },
    feeds: [courseFeedLink(course)],
  };
}

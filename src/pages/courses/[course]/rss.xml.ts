import type { GetStaticPaths } from 'astro';
import { feedToRss } from '../../../lib/feeds.ts';
import { courseFeed } from '../../../data/feeds.ts';
import { getCourseDocuments, getCourses, type CourseEntry } from '../../../data/archive.ts';
import { bodiesKey } from '../../../data/cache-keys.ts';

// The feed carries each document's summary, or its body's first paragraph: keyed by the bodies.
export const getStaticPaths = (async () =>
  Promise.all(
    (await getCourses()).map(async (course) => ({
      params: { course: course.id },
      props: { course },
      cacheKey: await bodiesKey(await getCourseDocuments(course.id)),
    })),
  )) satisfies GetStaticPaths;

/** RSS 2.0 of one course's documents. */
export async function GET({ props }: { props: { course: CourseEntry } }): Promise<Response> {
  return new Response(feedToRss(await courseFeed(props.course, 'rss')), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
}

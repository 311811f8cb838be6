import type { GetStaticPaths } from 'astro';
import { feedToJsonFeed } from '../../../lib/feeds.ts';
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

/** JSON Feed 1.1 of one course's documents. */
export async function GET({ props }: { props: { course: CourseEntry } }): Promise<Response> {
  const feed = feedToJsonFeed(await courseFeed(props.course, 'json'));
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, { headers: { 'content-type': 'application/feed+json; charset=utf-8' } });
}

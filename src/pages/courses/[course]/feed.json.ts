import type { GetStaticPaths } from 'astro';
import { feedToJsonFeed } from '../../../lib/feeds.ts';
import { courseFeed } from '../../../data/feeds.ts';
import { getCourses, type CourseEntry } from '../../../data/archive.ts';

export const getStaticPaths = (async () =>
  (await getCourses()).map((course) => ({ params: { course: course.id }, props: { course } }))) satisfies GetStaticPaths;

/** JSON Feed 1.1 of one course's documents. */
export async function GET({ props }: { props: { course: CourseEntry } }): Promise<Response> {
  const feed = feedToJsonFeed(await courseFeed(props.course, 'json'));
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, { headers: { 'content-type': 'application/feed+json; charset=utf-8' } });
}

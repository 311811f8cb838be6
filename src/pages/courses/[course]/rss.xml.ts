import type { GetStaticPaths } from 'astro';
import { feedToRss } from '../../../lib/feeds.ts';
import { courseFeed } from '../../../data/feeds.ts';
import { getCourses, type CourseEntry } from '../../../data/archive.ts';

export const getStaticPaths = (async () =>
  (await getCourses()).map((course) => ({ params: { course: course.id }, props: { course } }))) satisfies GetStaticPaths;

/** RSS 2.0 of one course's documents. */
export async function GET({ props }: { props: { course: CourseEntry } }): Promise<Response> {
  return new Response(feedToRss(await courseFeed(props.course, 'rss')), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
}

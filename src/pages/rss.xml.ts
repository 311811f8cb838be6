import { feedToRss } from '../lib/feeds.ts';
import { siteFeed } from '../data/feeds.ts';

/** RSS 2.0 of the latest documents. */
export async function GET(): Promise<Response> {
  return new Response(feedToRss(await siteFeed('rss')), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
}

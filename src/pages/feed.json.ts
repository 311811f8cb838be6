import { feedToJsonFeed } from '../lib/feeds.ts';
import { siteFeed } from '../data/feeds.ts';

/** JSON Feed 1.1 of the latest documents. */
export async function GET(): Promise<Response> {
  const feed = feedToJsonFeed(await siteFeed('json'));
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, { headers: { 'content-type': 'application/feed+json; charset=utf-8' } });
}

import { documentRecords } from '../data/feeds.ts';

/** Every published document, newest first, so another site can list them without scraping pages. */
export async function GET(): Promise<Response> {
  const body = { documents: await documentRecords() };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}

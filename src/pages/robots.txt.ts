import { href } from '../data/site.ts';
import { absoluteHref, siteOrigin } from '../data/address.ts';
import { paths } from '../lib/urls.ts';

/**
 * Crawlers read robots.txt only at the root of a host: when the archive lives
 * under /peixun/, the parent site's robots.txt should carry the Sitemap line
 * below (docs/deploy.md). The embed pages are fragments for other sites, not pages to index.
 */
export function GET(): Response {
  const lines = ['User-agent: *', `Disallow: ${href('embed/')}`];
  if (siteOrigin()) lines.push('', `Sitemap: ${absoluteHref(paths.sitemap())}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

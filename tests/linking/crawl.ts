/**
 * Follows every link and asset reference of a served site, like a link checker
 * would: HTML attributes (href, src, srcset, action), meta tags that hold
 * addresses (canonical, og:url, Url, refresh), CSS url(), script imports,
 * XML feeds and sitemaps, JSON feeds and indexes, robots.txt.
 * Addresses on the deployed origin (SITE_URL) are fetched from the local server.
 */

export interface CrawlOptions {
  /** Where the site is served here: `http://127.0.0.1:PORT`. */
  serverOrigin: string;
  /** The deployed origin the site's absolute links use: `https://www.example.gov.cn`. */
  siteOrigin: string;
  /** `/peixun/` */
  base: string;
  /** Addresses outside the base that may be linked (the parent site, documents' sources). */
  allowedOutside: ReadonlySet<string>;
  /** Site addresses (paths with the base) to start from. */
  start: string[];
}

export interface LinkProblem {
  from: string;
  url: string;
  reason: string;
}

export interface CrawlResult {
  /** Every fetched path, with its status and content type. */
  fetched: Map<string, { status: number; type: string }>;
  problems: LinkProblem[];
  /** Allowed links outside the base that were seen (not fetched). */
  outside: Set<string>;
}

export async function crawl(options: CrawlOptions): Promise<CrawlResult> {
  const { serverOrigin, siteOrigin, base } = options;
  const fetched = new Map<string, { status: number; type: string }>();
  const problems: LinkProblem[] = [];
  const outside = new Set<string>();
  const queue: { path: string; from: string }[] = options.start.map((path) => ({ path, from: '(start)' }));
  const queued = new Set(options.start);

  const consider = (raw: string, page: URL) => {
    const from = page.pathname;
    const value = decodeEntities(raw.trim());
    if (value === '' || value.startsWith('#') || value.startsWith('data:')) return;
    let url: URL;
    try {
      url = new URL(value, page);
    } catch {
      problems.push({ from, url: value, reason: 'not a valid address' });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      problems.push({ from, url: value, reason: `scheme ${url.protocol}` });
      return;
    }
    url.hash = '';
    const internal = url.origin === serverOrigin || url.origin === siteOrigin;
    if (!internal || !url.pathname.startsWith(base)) {
      const asSite = internal ? siteOrigin + url.pathname + url.search : url.href;
      if (options.allowedOutside.has(asSite) || options.allowedOutside.has(url.href)) {
        outside.add(asSite);
      } else {
        problems.push({ from, url: url.href, reason: `leaves ${base}` });
      }
      return;
    }
    if (url.origin === serverOrigin && value.startsWith('http')) {
      problems.push({ from, url: value, reason: 'absolute address of the local server (not the deployed one)' });
    }
    const path = url.pathname + url.search;
    if (queued.has(path)) return;
    queued.add(path);
    queue.push({ path, from });
  };

  while (queue.length > 0) {
    const { path, from } = queue.shift()!;
    const url = new URL(path, serverOrigin);
    const response = await fetch(url, { redirect: 'manual' });
    const type = response.headers.get('content-type') ?? '';
    fetched.set(path, { status: response.status, type });
    if (response.status !== 200) {
      const location = response.headers.get('location');
      problems.push({ from, url: path, reason: `HTTP ${response.status}${location ? ` → ${location}` : ''}` });
      await response.body?.cancel();
      continue;
    }
    const text = isText(type) ? await response.text() : (await response.arrayBuffer(), '');
    for (const link of extractLinks(text, type, url.pathname)) consider(link, url);
  }
  return { fetched, problems, outside };
}

function isText(type: string): boolean {
  return /^(text\/|application\/(json|xml|rss\+xml|feed\+json|javascript))/.test(type);
}

/** Every address a resource refers to, by its content type. */
export function extractLinks(text: string, type: string, pathname: string): string[] {
  if (type.startsWith('text/html')) return htmlLinks(text);
  if (type.startsWith('text/css')) return [...text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]);
  if (type.includes('javascript')) return [...text.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g)].map((m) => m[1]);
  if (type.includes('xml')) return [...text.matchAll(/<(?:link|loc|guid isPermaLink="true")>([^<]+)<|\bhref="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  if (type.includes('json')) return jsonLinks(JSON.parse(text));
  if (pathname.endsWith('robots.txt')) return [...text.matchAll(/^Sitemap:\s*(\S+)/gim)].map((m) => m[1]);
  return [];
}

const ADDRESS_ATTRIBUTES = /\s(href|src|action|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

function htmlLinks(html: string): string[] {
  const links: string[] = [];
  for (const [tag] of html.matchAll(/<(?:a|link|script|img|iframe|source|form|area|video|audio|embed|object)\b[^>]*>/gi)) {
    for (const m of tag.matchAll(ADDRESS_ATTRIBUTES)) links.push(m[2] ?? m[3] ?? m[4]);
    const srcset = /\ssrcset\s*=\s*"([^"]*)"/i.exec(tag);
    if (srcset) links.push(...srcset[1].split(',').map((part) => part.trim().split(/\s+/)[0]));
  }
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const content = /\scontent\s*=\s*"([^"]*)"/i.exec(tag)?.[1];
    if (!content) continue;
    if (/http-equiv\s*=\s*"refresh"/i.test(tag)) {
      const target = /url\s*=\s*(.+)$/i.exec(content)?.[1];
      if (target) links.push(target);
    } else if (/^(https?:\/\/|\/)/.test(content)) {
      links.push(content);
    }
  }
  return links;
}

const JSON_ADDRESS_KEYS = new Set(['url', 'home_page_url', 'feed_url', 'external_url', 'image', 'banner_image', 'sourceUrl']);

function jsonLinks(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(jsonLinks);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => (typeof v === 'string' ? (JSON_ADDRESS_KEYS.has(key) ? [v] : []) : jsonLinks(v)));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { htmlTags } from '../../src/lib/csp.ts';

/** One link of a built page that leads nowhere. */
export interface BrokenLink {
  /** The page, relative to the output folder: `courses/x/doc/index.html`. */
  page: string;
  /** `a href`, `img src`, `link href`… */
  attribute: string;
  url: string;
  reason: 'no such file' | 'no such anchor' | 'outside the base path';
}

export interface LinkReport {
  broken: BrokenLink[];
  pages: number;
  /** Internal links followed, fragments included. */
  checked: number;
  /** Of those, links with a fragment whose anchor was looked up. */
  anchors: number;
  /** Links to other origins, not followed (the site must work offline; these are only links). */
  external: string[];
}

export interface LinkCheckOptions {
  /** The base path the site was built for (`/peixun/`); `/` by default. */
  base?: string;
  /** The site's origin (`SITE_URL`), so absolute links to it count as internal. */
  site?: string;
}

/** Attributes that hold a URL, by element; `srcset` holds several. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  form: ['action'],
  object: ['data'],
  embed: ['src'],
};

const ORIGIN = 'http://lectern.invalid';

/**
 * Follows every internal link of every HTML page of a built site — pages,
 * anchors (the table of contents, footnotes, the skip link), images,
 * stylesheets, scripts, attachments — and lists those that lead nowhere.
 * Reusable by any test that builds a site: `expect(checkLinks(dist).broken).toEqual([])`.
 */
export function checkLinks(dist: string, options: LinkCheckOptions = {}): LinkReport {
  const base = options.base ?? '/';
  const site = options.site ? new URL(options.site).origin : undefined;
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (file: string): Set<string> => {
    let ids = anchorsOf.get(file);
    if (!ids) {
      ids = new Set<string>();
      for (const tag of htmlTags(readFileSync(path.join(dist, file), 'utf8'))) {
        const id = tag.attributes.get('id');
        if (id) ids.add(id);
        const name = tag.attributes.get('name');
        if (name && tag.name === 'a') ids.add(name);
      }
      anchorsOf.set(file, ids);
    }
    return ids;
  };

  const report: LinkReport = { broken: [], pages: pages.length, checked: 0, anchors: 0, external: [] };
  for (const page of pages) {
    const pageUrl = new URL(base + urlPathOf(page), ORIGIN);
    for (const tag of htmlTags(readFileSync(path.join(dist, page), 'utf8'))) {
      for (const attribute of URL_ATTRIBUTES[tag.name] ?? []) {
        const value = tag.attributes.get(attribute);
        if (value === undefined) continue;
        const urls = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]).filter(Boolean) : [value];
        for (const raw of urls) {
          const where = `${tag.name} ${attribute}`;
          let url: URL;
          try {
            url = new URL(raw.trim(), pageUrl);
          } catch {
            report.broken.push({ page, attribute: where, url: raw, reason: 'no such file' });
            continue;
          }
          if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
          if (url.origin !== ORIGIN && url.origin !== site) {
            report.external.push(url.href);
            continue;
          }
          report.checked++;
          const problem = resolve(url);
          if (problem) report.broken.push({ page, attribute: where, url: raw, reason: problem });
        }
      }
    }
  }
  return report;

  function resolve(url: URL): BrokenLink['reason'] | undefined {
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return 'no such file';
    }
    if (!pathname.startsWith(base)) return 'outside the base path';
    let file = pathname.slice(base.length);
    const absolute = path.join(dist, file);
    if (file === '' || file.endsWith('/')) file += 'index.html';
    else if (existsSync(absolute) && statSync(absolute).isDirectory()) file += '/index.html';
    if (!existsSync(path.join(dist, file))) return 'no such file';
    const fragment = url.hash.slice(1);
    if (fragment === '' || !file.endsWith('.html')) return undefined;
    report.anchors++;
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      return 'no such anchor';
    }
    // `#top` scrolls to the top of any page (HTML, "scroll to the fragment").
    if (anchors(file).has(id) || id.toLowerCase() === 'top') return undefined;
    return 'no such anchor';
  }
}

/** `courses/x/index.html` → `courses/x/`, as the page is served. */
function urlPathOf(page: string): string {
  if (page === 'index.html') return '';
  return page.endsWith('/index.html') ? page.slice(0, -'index.html'.length) : page;
}

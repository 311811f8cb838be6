/**
 * The `<head>` tags other sites and tools read: the canonical URL, Open Graph,
 * and the meta tags of the Chinese government-website checks (《政府网站网页设计规范》:
 * SiteName/SiteDomain/SiteIDCode on every page, Column* on list pages, the
 * article tags on content pages). Pure, so it is tested without a build.
 */
import { partialDateToIso, type PartialDate } from './partial-date.ts';

/** What a page says about itself; the layout passes it to HeadMeta. */
export interface PageMeta {
  /** `column` for list pages (a course), `article` for a document; home and the rest need none. */
  type?: 'column' | 'article';
  /** The column (栏目) a list page is, or the one a document belongs to. */
  column?: { name: string; type: string; description?: string; keywords?: string[] };
  article?: {
    title: string;
    date: PartialDate;
    /** 来源; the publishing organisation when the document names none. */
    source: string;
    authors: string[];
    keywords: string[];
    description?: string;
    /** Site path (under the base) of the document's first image. */
    image?: string;
  };
  /** Feeds offered with `<link rel="alternate">`, besides the site's own. */
  feeds?: FeedLink[];
  /** Keep the page out of search engines (redirects, embeds, 404). */
  noindex?: boolean;
  /** No canonical URL (the 404 page answers at every missing address). */
  noCanonical?: boolean;
}

export interface FeedLink {
  title: string;
  /** Site path under the base: `courses/x/rss.xml`. */
  rss: string;
  json: string;
}

export interface HeadContext {
  siteName: string;
  /** 网站标识码 */
  siteCode?: string;
  /** `https://www.example.gov.cn`, when the deployed address is known. */
  origin?: string;
  /** The page's path including the base: `/peixun/courses/x/`. */
  pathname: string;
  /** The base path: `/peixun/`. */
  base: string;
  /** The page's own title (the site name on the home page) and its description. */
  title: string;
  description?: string;
  /** The site's own feeds (always offered). */
  siteFeeds: FeedLink;
}

export interface MetaTag {
  /** `name="…"` (government tags, description) or `property="…"` (Open Graph). */
  name?: string;
  property?: string;
  content: string;
}

export interface HeadLink {
  rel: 'canonical' | 'alternate';
  href: string;
  type?: string;
  title?: string;
}

export interface Head {
  links: HeadLink[];
  tags: MetaTag[];
}

/** An address under the site: absolute when the origin is known, else from the root. */
export function siteAddress(origin: string | undefined, pathname: string): string {
  return origin ? origin + pathname : pathname;
}

function underBase(base: string, sitePath: string): string {
  return (base.endsWith('/') ? base : `${base}/`) + sitePath.replace(/^\/+/, '');
}

export function headFor(meta: PageMeta, context: HeadContext): Head {
  const { origin } = context;
  const canonical = siteAddress(origin, context.pathname);
  const links: HeadLink[] = [];
  if (!meta.noCanonical) links.push({ rel: 'canonical', href: canonical });
  for (const feed of [context.siteFeeds, ...(meta.feeds ?? [])]) {
    links.push({ rel: 'alternate', type: 'application/rss+xml', title: feed.title, href: underBase(context.base, feed.rss) });
    links.push({ rel: 'alternate', type: 'application/feed+json', title: feed.title, href: underBase(context.base, feed.json) });
  }

  const tags: MetaTag[] = [];
  const name = (key: string, content: string | undefined) => {
    if (content) tags.push({ name: key, content });
  };
  const property = (key: string, content: string | undefined) => {
    if (content) tags.push({ property: key, content });
  };
  if (meta.noindex) name('robots', 'noindex');

  name('SiteName', context.siteName);
  name('SiteDomain', origin ? new URL(origin).host : undefined);
  name('SiteIDCode', context.siteCode);
  if (meta.column) {
    name('ColumnName', meta.column.name);
    if (meta.type === 'column') {
      name('ColumnDescription', meta.column.description);
      name('ColumnKeywords', meta.column.keywords?.join(','));
    }
    name('ColumnType', meta.column.type);
  }
  const article = meta.type === 'article' ? meta.article : undefined;
  const image = article?.image ? siteAddress(origin, underBase(context.base, article.image)) : undefined;
  if (article) {
    name('ArticleTitle', article.title);
    name('PubDate', pubDate(article.date));
    name('ContentSource', article.source);
    name('Keywords', article.keywords.join(','));
    name('Author', article.authors.join('、'));
    name('Description', article.description ?? context.description);
    name('Image', image);
    name('Url', canonical);
  }

  property('og:site_name', context.siteName);
  property('og:title', article?.title ?? context.title);
  property('og:type', article ? 'article' : 'website');
  property('og:locale', 'zh_CN');
  // Open Graph wants absolute addresses: without the site's origin there are none to give.
  if (origin && !meta.noCanonical) property('og:url', canonical);
  property('og:description', article?.description ?? context.description);
  if (origin) property('og:image', image);
  if (article) {
    property('article:published_time', partialDateToIso(article.date));
    property('article:section', meta.column?.name);
    for (const keyword of article.keywords) property('article:tag', keyword);
  }
  return { links, tags };
}

/**
 * PubDate as precise as the document knows it: the standard's form is
 * `YYYY-MM-DD HH:MM`, but documents carry no time, and a partial date
 * takes its first day (`2024-04` → `2024-04-01`) because the tag needs a full date.
 */
export function pubDate(date: PartialDate): string {
  return partialDateToIso(date);
}

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) and JSON Feed 1.1
 * (https://www.jsonfeed.org/version/1.1/) from a list of documents.
 * Pure: no clock, no file system, so two builds give the same bytes.
 */
import { partialDateToIso, type PartialDate } from './partial-date.ts';

/**
 * Documents carry dates without a time or zone; they are dates in China, so a
 * full timestamp is midnight Beijing time (UTC+8, no daylight saving).
 */
const ZONE = { rfc822: '+0800', rfc3339: '+08:00' };

export interface FeedItem {
  /** Absolute URL when the site address is known, else the path under the base. */
  url: string;
  title: string;
  date: PartialDate;
  /** The document's summary, or its first paragraph. */
  summary?: string;
  authors: string[];
  /** The course's title: the item's category. */
  category: string;
  tags?: string[];
}

export interface Feed {
  title: string;
  description: string;
  /** The page the feed belongs to (home or course page). */
  homeUrl: string;
  /** The feed's own address. */
  feedUrl: string;
  language: string;
  items: FeedItem[];
}

/** `2024-04` → `Mon, 01 Apr 2024 00:00:00 +0800` (RFC 822 as RSS 2.0 wants it). */
export function partialDateToRfc822(date: PartialDate): string {
  const iso = partialDateToIso(date);
  const day = new Date(`${iso}T00:00:00Z`);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][day.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][day.getUTCMonth()];
  return `${weekday}, ${iso.slice(8, 10)} ${month} ${iso.slice(0, 4)} 00:00:00 ${ZONE.rfc822}`;
}

/** `2024-04` → `2024-04-01T00:00:00+08:00` (RFC 3339 as JSON Feed wants it). */
export function partialDateToRfc3339(date: PartialDate): string {
  return `${partialDateToIso(date)}T00:00:00${ZONE.rfc3339}`;
}

/** Text safe inside XML element content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const isAbsolute = (url: string) => /^https?:\/\//.test(url);

/**
 * RSS 2.0. Authors go in `dc:creator`, because RSS's own `<author>` must be an
 * e-mail address; no `lastBuildDate`, because the output must not depend on the clock.
 */
export function feedToRss(feed: Feed): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.homeUrl)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    `    <language>${escapeXml(feed.language.toLowerCase())}</language>`,
    '    <generator>Lectern</generator>',
  ];
  if (isAbsolute(feed.feedUrl)) {
    lines.push(`    <atom:link href="${escapeXml(feed.feedUrl)}" rel="self" type="application/rss+xml"/>`);
  }
  if (feed.items.length > 0) lines.push(`    <pubDate>${partialDateToRfc822(feed.items[0].date)}</pubDate>`);
  for (const item of feed.items) {
    lines.push('    <item>');
    lines.push(`      <title>${escapeXml(item.title)}</title>`);
    lines.push(`      <link>${escapeXml(item.url)}</link>`);
    lines.push(`      <guid isPermaLink="${isAbsolute(item.url)}">${escapeXml(item.url)}</guid>`);
    lines.push(`      <pubDate>${partialDateToRfc822(item.date)}</pubDate>`);
    if (item.summary) lines.push(`      <description>${escapeXml(item.summary)}</description>`);
    for (const author of item.authors) lines.push(`      <dc:creator>${escapeXml(author)}</dc:creator>`);
    lines.push(`      <category>${escapeXml(item.category)}</category>`);
    for (const tag of item.tags ?? []) lines.push(`      <category>${escapeXml(tag)}</category>`);
    lines.push('    </item>');
  }
  lines.push('  </channel>', '</rss>', '');
  return lines.join('\n');
}

/** The JSON Feed 1.1 object; `JSON.stringify` it with the key order kept. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_text: string;
  summary?: string;
  date_published: string;
  authors?: { name: string }[];
  tags: string[];
}

/** JSON Feed 1.1: every item has the required `id` and `content_text` (the summary, else the title). */
export function feedToJsonFeed(feed: Feed): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrl,
    description: feed.description,
    language: feed.language,
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      content_text: item.summary ?? item.title,
      ...(item.summary ? { summary: item.summary } : {}),
      date_published: partialDateToRfc3339(item.date),
      ...(item.authors.length > 0 ? { authors: item.authors.map((name) => ({ name })) } : {}),
      tags: [item.category, ...(item.tags ?? [])],
    })),
  };
}

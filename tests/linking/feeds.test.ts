import { describe, expect, test } from 'vitest';
import { escapeXml, feedToJsonFeed, feedToRss, partialDateToRfc3339, partialDateToRfc822, type Feed } from '../../src/lib/feeds.ts';
import { firstParagraph, truncate } from '../../src/lib/excerpt.ts';
import type { PartialDate } from '../../src/lib/partial-date.ts';

const date = (text: string) => text as PartialDate;

describe('feed dates', () => {
  test.each([
    ['2024-11-26', 'Tue, 26 Nov 2024 00:00:00 +0800', '2024-11-26T00:00:00+08:00'],
    ['2024-04', 'Mon, 01 Apr 2024 00:00:00 +0800', '2024-04-01T00:00:00+08:00'],
    ['2024', 'Mon, 01 Jan 2024 00:00:00 +0800', '2024-01-01T00:00:00+08:00'],
  ])('%s is %s in RSS and %s in JSON Feed', (partial, rfc822, rfc3339) => {
    expect(partialDateToRfc822(date(partial))).toBe(rfc822);
    expect(partialDateToRfc3339(date(partial))).toBe(rfc3339);
    expect(new Date(rfc822).getTime()).toBe(new Date(rfc3339).getTime());
  });
});

describe('escapeXml', () => {
  test('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(escapeXml('A&B <b>“引号”</b> \'x\'\u0000\u0008\u000B')).toBe('A&amp;B &lt;b&gt;“引号”&lt;/b&gt; &apos;x&apos;');
  });
});

const feed = (url: string): Feed => ({
  title: '资料库',
  description: '最新文稿',
  homeUrl: url,
  feedUrl: `${url}rss.xml`,
  language: 'zh-CN',
  items: [
    { url: `${url}courses/a/b/`, title: '标题 & <副题>', date: date('2024-04'), summary: '摘要', authors: ['张三', '李四'], category: '培训班', tags: ['选举'] },
    { url: `${url}courses/a/c/`, title: '无摘要', date: date('2024'), authors: [], category: '培训班' },
  ],
});

describe('feedToRss', () => {
  test('gives items with escaped text, dc:creator per author and the course as category', () => {
    const rss = feedToRss(feed('https://www.example.gov.cn/peixun/'));
    expect(rss).toContain('<title>标题 &amp; &lt;副题&gt;</title>');
    expect(rss).toContain('<guid isPermaLink="true">https://www.example.gov.cn/peixun/courses/a/b/</guid>');
    expect(rss).toContain('<dc:creator>张三</dc:creator>\n      <dc:creator>李四</dc:creator>');
    expect(rss).toContain('<category>培训班</category>\n      <category>选举</category>');
    expect(rss).toContain('<atom:link href="https://www.example.gov.cn/peixun/rss.xml" rel="self" type="application/rss+xml"/>');
    expect(rss).not.toMatch(/lastBuildDate/);
  });

  test('without a deployed address, guids are not permalinks and there is no self link', () => {
    const rss = feedToRss(feed('/peixun/'));
    expect(rss).toContain('<guid isPermaLink="false">/peixun/courses/a/b/</guid>');
    expect(rss).not.toContain('atom:link href');
  });
});

describe('feedToJsonFeed', () => {
  test('every item has id and content_text; empty authors are left out', () => {
    const json = feedToJsonFeed(feed('https://www.example.gov.cn/peixun/'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0]).toEqual({
      id: 'https://www.example.gov.cn/peixun/courses/a/b/',
      url: 'https://www.example.gov.cn/peixun/courses/a/b/',
      title: '标题 & <副题>',
      content_text: '摘要',
      summary: '摘要',
      date_published: '2024-04-01T00:00:00+08:00',
      authors: [{ name: '张三' }, { name: '李四' }],
      tags: ['培训班', '选举'],
    });
    expect(json.items[1]).not.toHaveProperty('authors');
    expect(json.items[1].content_text).toBe('无摘要');
  });
});

describe('firstParagraph', () => {
  test('skips headings, tables, lists and images; joins Chinese lines without a space', () => {
    const body = '## 一、标题\n\n| 甲 | 乙 |\n| --- | --- |\n\n- 列表\n\n![图](a.png)\n\n这是**第一段**，有[链接](https://example.com)\n和第二行。\n\n第二段。';
    expect(firstParagraph(body)).toBe('这是第一段，有链接和第二行。');
  });

  test('keeps a space between Latin words across lines and cuts long text with an ellipsis', () => {
    expect(firstParagraph('Pagefind and\nAstro')).toBe('Pagefind and Astro');
    expect(firstParagraph('一二三四五六七八九十', 5)).toBe('一二三四…');
    expect(truncate('短', 5)).toBe('短');
  });

  test('is undefined for a body without running text', () => {
    expect(firstParagraph('## 只有标题\n\n---\n')).toBeUndefined();
    expect(firstParagraph('')).toBeUndefined();
  });
});

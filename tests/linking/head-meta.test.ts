import { describe, expect, test } from 'vitest';
import { headFor, type HeadContext, type PageMeta } from '../../src/lib/head-meta.ts';
import type { PartialDate } from '../../src/lib/partial-date.ts';

const context = (overrides: Partial<HeadContext> = {}): HeadContext => ({
  siteName: '资料库',
  siteCode: '4115000001',
  origin: 'https://www.example.gov.cn',
  pathname: '/peixun/courses/a/b/',
  base: '/peixun/',
  title: '标题',
  description: '描述',
  siteFeeds: { title: '资料库最新文稿', rss: 'rss.xml', json: 'feed.json' },
  ...overrides,
});

const article: PageMeta = {
  type: 'article',
  column: { name: '培训班甲', type: '培训班' },
  article: { title: '标题', date: '2024-04' as PartialDate, source: '来源', authors: ['张三', '李四'], keywords: ['甲', '乙'], description: '摘要', image: 'courses/a/media/x.png' },
};

const tags = (meta: PageMeta, ctx = context()) => Object.fromEntries(headFor(meta, ctx).tags.map((t) => [t.name ?? t.property, t.content]));

describe('headFor', () => {
  test('an article page has the government tags, Open Graph and its canonical address', () => {
    const head = headFor(article, context());
    expect(head.links[0]).toEqual({ rel: 'canonical', href: 'https://www.example.gov.cn/peixun/courses/a/b/' });
    expect(head.links.filter((l) => l.rel === 'alternate').map((l) => l.href)).toEqual(['/peixun/rss.xml', '/peixun/feed.json']);
    expect(tags(article)).toMatchObject({
      SiteName: '资料库',
      SiteDomain: 'www.example.gov.cn',
      SiteIDCode: '4115000001',
      ColumnName: '培训班甲',
      ColumnType: '培训班',
      ArticleTitle: '标题',
      PubDate: '2024-04-01',
      ContentSource: '来源',
      Keywords: '甲,乙',
      Author: '张三、李四',
      Description: '摘要',
      Image: 'https://www.example.gov.cn/peixun/courses/a/media/x.png',
      Url: 'https://www.example.gov.cn/peixun/courses/a/b/',
      'og:type': 'article',
      'article:published_time': '2024-04-01',
    });
  });

  test('a column page has the column tags and no article tags', () => {
    const result = tags({ type: 'column', column: { name: '培训班甲', type: '培训班', description: '简介', keywords: ['甲'] } });
    expect(result).toMatchObject({ ColumnName: '培训班甲', ColumnType: '培训班', ColumnDescription: '简介', ColumnKeywords: '甲', 'og:type': 'website' });
    expect(result).not.toHaveProperty('ArticleTitle');
  });

  test('without a deployed address: no SiteDomain, no Open Graph addresses, the canonical is a path', () => {
    const ctx = context({ origin: undefined, siteCode: undefined });
    const result = tags(article, ctx);
    expect(result).not.toHaveProperty('SiteDomain');
    expect(result).not.toHaveProperty('SiteIDCode');
    expect(result).not.toHaveProperty('og:url');
    expect(result).not.toHaveProperty('og:image');
    expect(result.Url).toBe('/peixun/courses/a/b/');
    expect(headFor(article, ctx).links[0].href).toBe('/peixun/courses/a/b/');
  });

  test('a page without an address of its own (404) has no canonical and is not indexed', () => {
    const head = headFor({ noCanonical: true, noindex: true }, context());
    expect(head.links.some((l) => l.rel === 'canonical')).toBe(false);
    expect(head.tags).toContainEqual({ name: 'robots', content: 'noindex' });
    expect(head.tags.some((t) => t.property === 'og:url')).toBe(false);
  });
});

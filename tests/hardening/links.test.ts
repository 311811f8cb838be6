import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/lectern.ts';
import { checkLinks } from '../helpers/links.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

describe('links of the built fixtures', () => {
  test('basic: every page, image, stylesheet and attachment link resolves', () => {
    const report = checkLinks(buildSite(fixture('basic')));
    expect(report.broken).toEqual([]);
    expect(report.pages).toBeGreaterThanOrEqual(10);
    // Pages, the stylesheet, the image and the attachment, and the skip link of every page.
    expect(report.checked).toBeGreaterThan(50);
    expect(report.anchors).toBeGreaterThanOrEqual(report.pages);
  });

  test('basic under the base path /peixun/: every link stays under it', () => {
    const report = checkLinks(buildSite(fixture('basic'), { BASE_PATH: '/peixun/' }), { base: '/peixun/' });
    expect(report.broken).toEqual([]);
    expect(report.checked).toBeGreaterThan(50);
  });

  test('hardening: table-of-contents anchors, footnotes, ids in raw HTML and media named in Chinese with spaces', () => {
    const report = checkLinks(buildSite(fixture('hardening')));
    expect(report.broken).toEqual([]);
    // The in-document contents line (5 anchors), the footnote and its back link, the
    // cross-document anchor and the skip links.
    expect(report.anchors).toBeGreaterThanOrEqual(report.pages + 8);
    // The only other origin is the iframe site.yaml allows.
    expect([...new Set(report.external)]).toEqual(['https://v.example.gov.cn/player/1']);
  });
});

describe('the link checker', () => {
  test('reports every kind of broken link, and nothing else', () => {
    const dist = path.join(tempDir('lectern-links-'), 'dist');
    const page = (file: string, body: string) => {
      mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
      writeFileSync(path.join(dist, file), `<!doctype html><html><head><link rel="stylesheet" href="/style.css"></head><body>${body}</body></html>`);
    };
    page('index.html', '<h2 id="sec-1">一</h2><a href="docs/">ok</a><a href="#sec-1">ok</a><a href="#sec-9">bad anchor</a><a href="missing/">missing page</a>');
    page('docs/index.html', '<a href="../#sec-1">ok</a><a href="../#nope">bad anchor elsewhere</a><img src="../media/会议%20现场.png"><img src="../media/gone.png" srcset="../media/会议%20现场.png 1x, ../media/gone@2x.png 2x"><a href="../media/附件.pdf">attachment</a><a href="https://example.com/">external</a><a href="mailto:a@example.com">mail</a><a href="/../outside/">outside</a>');
    mkdirSync(path.join(dist, 'media'));
    writeFileSync(path.join(dist, 'media/会议 现场.png'), '');
    writeFileSync(path.join(dist, 'style.css'), '');
    const report = checkLinks(dist);
    expect(report.broken).toEqual([
      { page: 'docs/index.html', attribute: 'a href', url: '../#nope', reason: 'no such anchor' },
      { page: 'docs/index.html', attribute: 'img src', url: '../media/gone.png', reason: 'no such file' },
      { page: 'docs/index.html', attribute: 'img srcset', url: '../media/gone@2x.png', reason: 'no such file' },
      { page: 'docs/index.html', attribute: 'a href', url: '../media/附件.pdf', reason: 'no such file' },
      { page: 'docs/index.html', attribute: 'a href', url: '/../outside/', reason: 'no such file' },
      { page: 'index.html', attribute: 'a href', url: '#sec-9', reason: 'no such anchor' },
      { page: 'index.html', attribute: 'a href', url: 'missing/', reason: 'no such file' },
    ]);
    expect(report.external).toEqual(['https://example.com/']);

    const underBase = checkLinks(dist, { base: '/peixun/' });
    expect(underBase.broken.filter((b) => b.reason === 'outside the base path').length).toBeGreaterThan(0);
  });
});

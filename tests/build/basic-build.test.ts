import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixture } from '../helpers/paths.ts';
import { buildSite } from '../helpers/lectern.ts';

let dist = '';
const page = (route: string) => readFileSync(path.join(dist, route, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

beforeAll(() => {
  dist = buildSite(fixture('basic'));
});

describe('the built fixture archive', () => {
  it('has a page for every course and document, at the URL contract', () => {
    for (const route of [
      '',
      'courses/dabieshan-2024',
      'courses/dabieshan-2024/zhidu-lishi',
      'courses/dabieshan-2024/piaojuezhi',
      'courses/dabieshan-2024/jieye-jianghua',
      'courses/dabieshan-2024/ceji',
      'courses/quren-2024',
      'courses/quren-2024/kaiban',
      'courses/quren-2024/daibiaofa',
    ]) {
      expect(existsSync(path.join(dist, route, 'index.html')), route).toBe(true);
    }
  });

  it('declares the page Chinese', () => {
    expect(page('')).toMatch(/<html lang="zh-CN"/);
  });

  it('shows titles and dates at their precision', () => {
    const home = text(page(''));
    expect(home).toContain('县乡人大干部履职能力提升培训班（测试）');
    expect(home).toContain('2024年11月18日至20日');
    expect(page('courses/quren-2024/kaiban')).toContain('<time datetime="2024-04">2024年4月</time>');
    expect(page('courses/quren-2024/daibiaofa')).toContain('<time datetime="2024">2024年</time>');
    expect(page('courses/dabieshan-2024/ceji')).toContain('<time datetime="2024-11-26">2024年11月26日</time>');
  });

  it('shows the byline of a write-up by role', () => {
    const writeup = text(page('courses/dabieshan-2024/ceji'));
    expect(writeup).toMatch(/记者\s*王紫仪/);
    expect(writeup).toMatch(/通讯员\s*曹新俊/);
    expect(writeup).toMatch(/编辑\s*李恒/);
    expect(writeup).toContain('测试融媒体中心');
  });

  it('renders emphasis next to Chinese punctuation as <strong>', () => {
    expect(page('courses/quren-2024/kaiban')).toContain('<strong>“一个认识”</strong>，解决<strong>“三维问题”</strong>。');
    expect(page('courses/dabieshan-2024/zhidu-lishi')).toContain('<strong>“根本大法”</strong>的起点');
  });

  it('keeps quotes and dashes as written (no SmartyPants)', () => {
    expect(page('courses/dabieshan-2024/ceji')).not.toContain('&#8221;');
  });

  it('renders GFM tables', () => {
    expect(page('courses/dabieshan-2024/zhidu-lishi')).toMatch(/<table>[\s\S]*<th>方面<\/th>/);
  });

  it('gives outline headings stable, readable ids', () => {
    const lecture = page('courses/dabieshan-2024/zhidu-lishi');
    expect(lecture).toContain('<h2 id="sec-1">一、制度的建立</h2>');
    expect(lecture).toContain('<h3 id="sec-1-1">（一）第一部宪法</h3>');
    expect(lecture).toContain('<h2 id="sec-2">二、制度的优势</h2>');
  });

  it('shows the omitted notice, the image with its caption, and the attachment', () => {
    expect(text(page('courses/quren-2024/kaiban'))).toContain('4864字');
    const writeup = page('courses/dabieshan-2024/ceji');
    expect(writeup).toMatch(/<img[^>]+src="\/courses\/dabieshan-2024\/media\/xianchang\.png"/);
    expect(writeup).toMatch(/<figcaption>会议现场<\/figcaption>/);
    expect(existsSync(path.join(dist, 'courses/dabieshan-2024/media/xianchang.png'))).toBe(true);
    expect(page('courses/dabieshan-2024/zhidu-lishi')).toContain('href="/courses/dabieshan-2024/media/tigang.txt"');
  });

  it('shows speakers with the position held at the time', () => {
    expect(text(page('courses/dabieshan-2024/jieye-jianghua'))).toContain('谢天学（市人大常委会主任）');
    expect(text(page('courses/dabieshan-2024/zhidu-lishi'))).toContain('吴文毅（省人大常委会副秘书长、办公厅主任）');
  });
});

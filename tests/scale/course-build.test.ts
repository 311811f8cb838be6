import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite, runLectern } from '../helpers/lectern.ts';
import { fixture } from '../helpers/paths.ts';

let dist = '';

beforeAll(() => {
  dist = buildSite(fixture('basic'), { LECTERN_COURSE: 'quren-2024', BASE_PATH: '/peixun/quren-2024/' });
});

describe('LECTERN_COURSE: one course as a site of its own', () => {
  it('builds the pages of that course and no other', () => {
    expect(existsSync(path.join(dist, 'courses/quren-2024/kaiban/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'courses/quren-2024/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'courses/dabieshan-2024'))).toBe(false);
  });

  it('lists only that course on the home page, under its own base path', () => {
    const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(home).toContain('href="/peixun/quren-2024/courses/quren-2024/"');
    expect(home).not.toContain('dabieshan-2024');
  });

  it('gives feeds the first paragraph of a document without a summary (bodies are read from the source, not the store)', () => {
    const feed = JSON.parse(readFileSync(path.join(dist, 'feed.json'), 'utf8')) as { items: { url: string; summary?: string }[] };
    const item = feed.items.find((entry) => entry.url.endsWith('/courses/quren-2024/daibiaofa/'));
    expect(item?.summary).toBe('代表的权利和义务。');
  });

  it('refuses a course that does not exist, naming the ones that do', () => {
    const result = runLectern(['check', '--content', fixture('basic')], { LECTERN_COURSE: 'no-such-course' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('no-such-course/: LECTERN_COURSE is "no-such-course", but no course folder matches it (courses: dabieshan-2024, quren-2024)');
  });
});

describe('courseSelected', () => {
  it('matches ids, lists and * patterns', async () => {
    const { courseSelected } = await import('../../src/archive/course-filter.ts');
    expect(courseSelected(undefined, 'xinyang-2024')).toBe(true);
    expect(courseSelected('xinyang-2024', 'xinyang-2024')).toBe(true);
    expect(courseSelected('xinyang-2024', 'xinyang-2024-2')).toBe(false);
    expect(courseSelected('a, xinyang-2024', 'xinyang-2024')).toBe(true);
    expect(courseSelected('*-2019-*', 'qingchuan-2019-02')).toBe(true);
    expect(courseSelected('*-2019-*', 'qingchuan-2020-02')).toBe(false);
    expect(courseSelected('x.y', 'xzy')).toBe(false);
  });
});

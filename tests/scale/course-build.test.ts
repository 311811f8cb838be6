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

  it('refuses a course that does not exist, naming the ones that do', () => {
    const result = runLectern(['check', '--content', fixture('basic')], { LECTERN_COURSE: 'no-such-course' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('no-such-course/: LECTERN_COURSE is "no-such-course", but there is no course folder of that name (courses: dabieshan-2024, quren-2024)');
  });
});

import { describe, expect, it } from 'vitest';
import { validateMarkdown, validateYaml } from '../../src/archive/validate.ts';
import { formatProblem } from '../../src/archive/problems.ts';
import { courseSchema, lectureSchema, siteSchema, speechSchema, writeupSchema } from '../../src/schemas/index.ts';
import type { z } from 'zod';

/** The problems `lectern check` would print for a document with this front matter. */
function check<T>(schema: z.ZodType<T>, frontmatter: string): string[] {
  return validateMarkdown(schema, `---\n${frontmatter}\n---\n\n正文。\n`, 'c/speeches/a.md').problems.map(formatProblem);
}

function parse<T>(schema: z.ZodType<T>, frontmatter: string): T {
  const { data, problems } = validateMarkdown(schema, `---\n${frontmatter}\n---\n`, 'a.md');
  expect(problems.map(formatProblem)).toEqual([]);
  return data as T;
}

describe('speechSchema', () => {
  it('accepts every field of a speech', () => {
    const speech = parse(
      speechSchema,
      [
        'title: 在培训班开班式上的讲话',
        'subtitle: 副标题',
        'date: 2024-04',
        'source: 网友投稿',
        'sourceUrl: https://example.com/a',
        'authors: [李四]',
        'summary: 摘要',
        'tags: [代表履职]',
        'omitted: { chars: 4864, note: 原文未公开 }',
        'attachments: [{ file: media/a.pdf, title: 讲话稿 }]',
        'aliases: [/old/path/]',
        'draft: false',
        'speaker: { name: 张三, position: 区人大常委会主任 }',
        'occasion: 开班式',
      ].join('\n'),
    );
    expect(speech).toMatchObject({
      date: '2024-04',
      omitted: { chars: 4864 },
      speaker: { name: '张三', position: '区人大常委会主任' },
      authors: ['李四'],
    });
  });

  it('names the field, the line, what was expected and what was found', () => {
    expect(check(speechSchema, 'title: 讲话\ndate: 2024-13-45')).toEqual([
      'c/speeches/a.md:3: date: expected YYYY, YYYY-MM or YYYY-MM-DD, found "2024-13-45"',
    ]);
  });

  it('reports a missing title and an unknown field together', () => {
    expect(check(speechSchema, 'date: 2024\nspeakr: 张三')).toEqual([
      'c/speeches/a.md:2: title: expected text, found nothing',
      'c/speeches/a.md:3: speakr: unknown field; check the spelling against docs/content-guide.md',
    ]);
  });

  it('refuses a person that is neither a name nor { name, position }', () => {
    expect(check(speechSchema, 'title: 讲话\ndate: 2024\nspeaker: [张三, 李四]')).toEqual([
      'c/speeches/a.md:4: speaker: expected a name or { name, position }, found ["张三","李四"]',
    ]);
  });

  it('refuses an omitted count that is not a whole number', () => {
    expect(check(speechSchema, 'title: 讲话\ndate: 2024\nomitted:\n  chars: 四千')).toEqual([
      'c/speeches/a.md:5: omitted.chars: expected a whole number above 0, found "四千"',
    ]);
  });
});

describe('lectureSchema', () => {
  it('accepts one lecturer or several, by name or with a position', () => {
    expect(parse(lectureSchema, 'title: 讲稿\ndate: 2024-11-18\nlecturers: 吴文毅').lecturers).toEqual(['吴文毅']);
    const lecture = parse(
      lectureSchema,
      'title: 讲稿\ndate: 2024-11-18\nlecturers:\n  - 吴文毅\n  - { name: 蒋文俊, position: 商城县人大常委会主任 }\nformat: 专题讲座\nseries: 第二讲',
    );
    expect(lecture.lecturers).toEqual(['吴文毅', { name: '蒋文俊', position: '商城县人大常委会主任' }]);
    expect(lecture.series).toBe('第二讲');
  });

  it('requires lecturers', () => {
    expect(check(lectureSchema, 'title: 讲稿\ndate: 2024')).toEqual([
      'c/speeches/a.md:2: lecturers: expected a name or a list of names, found nothing',
    ]);
  });
});

describe('writeupSchema', () => {
  it('accepts the byline roles and images with captions', () => {
    const writeup = parse(
      writeupSchema,
      [
        'title: 侧记',
        'date: 2024-11-26',
        'source: 河南省人大融媒体中心',
        'reporters: [王紫仪]',
        'correspondents: 曹新俊',
        'editors: [李恒]',
        'photographers: [某某]',
        'images: [{ src: media/a.jpg, caption: 会议现场 }]',
      ].join('\n'),
    );
    expect(writeup).toMatchObject({
      date: '2024-11-26',
      reporters: ['王紫仪'],
      correspondents: ['曹新俊'],
      editors: ['李恒'],
      images: [{ src: 'media/a.jpg', caption: '会议现场' }],
    });
  });

  it('refuses a source address that is not a URL', () => {
    expect(check(writeupSchema, 'title: 侧记\ndate: 2024\nsourceUrl: www')).toEqual([
      'c/speeches/a.md:4: sourceUrl: expected an address starting with http:// or https://, found "www"',
    ]);
  });
});

describe('courseSchema', () => {
  const course = [
    'title: 培训班',
    'start: 2024-11-18',
    'end: 2024-11-20',
    'venue: 大别山干部学院',
    'organizers: 信阳市人大常委会',
    'hosts: [某单位]',
    'participants: { description: 县乡人大干部, count: 120 }',
    'sessions:',
    '  - { date: 2024-11-18, period: 上午, kind: lecture, title: 讲座, speakers: [吴文毅], document: a }',
  ].join('\n');

  it('accepts a course with its agenda', () => {
    const data = parse(courseSchema, course);
    expect(data.organizers).toEqual(['信阳市人大常委会']);
    expect(data.sessions[0]).toMatchObject({ date: '2024-11-18', period: '上午', kind: 'lecture', document: 'a' });
    expect(data.participants).toEqual({ description: '县乡人大干部', count: 120 });
  });

  it('names an unknown session kind with the allowed ones', () => {
    const problems = check(courseSchema, course.replace('kind: lecture', 'kind: banquet'));
    expect(problems).toEqual([
      'c/speeches/a.md:10: sessions[0].kind: expected one of opening, lecture, exchange, discussion, visit, closing, other, found "banquet"',
    ]);
  });
});

describe('siteSchema', () => {
  it('requires a name and an organisation', () => {
    const { problems } = validateYaml(siteSchema, 'icp: 豫ICP备1号\n', 'site.yaml');
    expect(problems.map(formatProblem)).toEqual([
      'site.yaml:1: name: expected text, found nothing',
      'site.yaml:1: organization: expected text, found nothing',
    ]);
  });

  it('reports YAML that cannot be read with its line', () => {
    const { problems } = validateYaml(siteSchema, 'name: a\norganization: [b\n', 'site.yaml');
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0])).toMatch(/^site\.yaml:2: YAML: /);
    const nested = validateYaml(siteSchema, 'name: a\norganization: b\nicp: 豫: 1\n', 'site.yaml').problems;
    expect(nested.map(formatProblem)).toEqual(['site.yaml:3: YAML: Nested mappings are not allowed in compact mappings']);
    const twice = validateYaml(siteSchema, 'name: a\norganization: b\nname: c\n', 'site.yaml').problems;
    expect(twice.map(formatProblem)).toEqual(['site.yaml:3: YAML: Map keys must be unique']);
  });
});

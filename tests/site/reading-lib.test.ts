import { describe, expect, test } from 'vitest';
import { agendaByDay, weekday } from '../../src/lib/agenda.ts';
import { agendaOrder, neighbours } from '../../src/lib/course-order.ts';
import { fileTypeLabel, formatFileSize } from '../../src/lib/file-info.ts';
import { buildPeopleDirectory } from '../../src/lib/people-directory.ts';
import { buildPeopleIndex, resolvePeople } from '../../src/lib/people.ts';
import type { PartialDate } from '../../src/lib/partial-date.ts';
import { relatedDocuments } from '../../src/lib/related.ts';
import { headingsToToc } from '../../src/lib/toc.ts';

const date = (text: string) => text as PartialDate;

describe('headingsToToc', () => {
  test('nests the second level under the first and leaves deeper levels out', () => {
    const toc = headingsToToc([
      { depth: 2, slug: 'sec-1', text: '一、制度的建立' },
      { depth: 3, slug: 'sec-1-1', text: '（一）第一部宪法' },
      { depth: 4, slug: 'h-3', text: '1. 细节' },
      { depth: 2, slug: 'sec-2', text: '二、制度的优势' },
    ]);
    expect(toc).toEqual([
      { slug: 'sec-1', text: '一、制度的建立', children: [{ slug: 'sec-1-1', text: '（一）第一部宪法', children: [] }] },
      { slug: 'sec-2', text: '二、制度的优势', children: [] },
    ]);
  });

  test('is empty with fewer than two headings', () => {
    expect(headingsToToc([{ depth: 2, slug: 'a', text: '一、唯一' }])).toEqual([]);
    expect(headingsToToc([])).toEqual([]);
  });

  test('ignores the page title (h1) and counts from the shallowest level used', () => {
    const toc = headingsToToc([
      { depth: 1, slug: 'title', text: '标题' },
      { depth: 3, slug: 'a', text: '（一）甲' },
      { depth: 3, slug: 'b', text: '（二）乙' },
    ]);
    expect(toc.map((e) => e.slug)).toEqual(['a', 'b']);
  });

  test('lists a second-level heading that comes before any first-level one at the top', () => {
    const toc = headingsToToc([
      { depth: 3, slug: 'intro', text: '引言' },
      { depth: 2, slug: 'sec-1', text: '一、正文' },
    ]);
    expect(toc.map((e) => e.slug)).toEqual(['intro', 'sec-1']);
  });
});

describe('agendaOrder', () => {
  const docs = [
    { id: 'ceji', kind: 'writeup' as const, date: date('2024-11-26') },
    { id: 'jieye', kind: 'speech' as const, date: date('2024-11-20') },
    { id: 'zhidu', kind: 'lecture' as const, date: date('2024-11-18') },
    { id: 'extra', kind: 'lecture' as const, date: date('2024-11-19') },
  ];

  test('puts documents in the order the agenda names them, the rest after by date', () => {
    const order = agendaOrder([{ document: 'zhidu' }, { document: 'missing' }, {}, { document: 'jieye' }], docs);
    expect(order.map((d) => d.id)).toEqual(['zhidu', 'jieye', 'extra', 'ceji']);
  });

  test('lists a document named twice in the agenda once', () => {
    expect(agendaOrder([{ document: 'ceji' }, { document: 'ceji' }], docs).map((d) => d.id)).toEqual([
      'ceji',
      'zhidu',
      'extra',
      'jieye',
    ]);
  });

  test('neighbours gives the documents before and after', () => {
    const order = agendaOrder([], docs);
    expect(neighbours(order, 'extra')).toEqual({ previous: order[0], next: order[2] });
    expect(neighbours(order, 'zhidu').previous).toBeUndefined();
    expect(neighbours(order, 'ceji').next).toBeUndefined();
    expect(neighbours(order, 'nope')).toEqual({});
  });
});

describe('agendaByDay', () => {
  test('groups sessions by day and consecutive part of the day, days in order', () => {
    const days = agendaByDay([
      { date: '2024-11-19', period: '上午', title: 'c' },
      { date: '2024-11-18', period: '上午', title: 'a' },
      { date: '2024-11-18', period: '上午', title: 'b' },
      { date: '2024-11-18', period: '晚上', title: 'd' },
    ]);
    expect(days.map((d) => d.date)).toEqual(['2024-11-18', '2024-11-19']);
    expect(days[0].periods.map((p) => [p.period, p.sessions.map((s) => s.title)])).toEqual([
      ['上午', ['a', 'b']],
      ['晚上', ['d']],
    ]);
  });

  test('weekday knows full dates only', () => {
    expect(weekday(date('2024-11-18'))).toBe(1); // a Monday
    expect(weekday(date('2024-04'))).toBeUndefined();
  });
});

describe('relatedDocuments', () => {
  const doc = (course: string, id: string, people: string[], tags: string[] = [], d = '2024') => ({ course, id, people, tags, date: d });
  const self = doc('a', 'x', ['wu'], ['人大']);

  test('ranks shared people above shared tags and needs one of them', () => {
    const byPerson = doc('b', 'p', ['wu']);
    const byTag = doc('b', 't', ['li'], ['人大']);
    const sameCourseOnly = doc('a', 'c', ['zhao']);
    expect(relatedDocuments(self, [self, byTag, sameCourseOnly, byPerson])).toEqual([byPerson, byTag]);
  });

  test('prefers the same course at equal sharing, then the newer document', () => {
    const other = doc('b', 'o', ['wu'], [], '2025');
    const same = doc('a', 's', ['wu'], [], '2023');
    const older = doc('c', 'q', ['wu'], [], '2020');
    expect(relatedDocuments(self, [older, other, same])).toEqual([same, other, older]);
  });

  test('stops at the limit', () => {
    const many = Array.from({ length: 9 }, (_, i) => doc('b', `d${i}`, ['wu']));
    expect(relatedDocuments(self, many, 3)).toHaveLength(3);
  });
});

describe('buildPeopleDirectory', () => {
  const index = buildPeopleIndex([
    { id: 'wu-wenyi', name: '吴文毅', positions: ['省人大常委会副秘书长'] },
    { name: '未出现', positions: ['某职务'] },
  ]);
  type Doc = { id: string; roles: Record<string, { name: string; position?: string }[]> };
  const docs: Doc[] = [
    { id: 'a', roles: { lecturers: [{ name: '吴文毅' }] } },
    { id: 'b', roles: { reporters: [{ name: '李明' }], editors: [{ name: '黎明' }, { name: '李明' }] } },
  ];
  const sessions = [{ title: 's1', speakers: ['吴文毅', { name: '张三', position: '区人大常委会主任' }] }];
  const directory = buildPeopleDirectory({
    index,
    documents: docs,
    documentPeople: (d) =>
      Object.fromEntries(Object.entries(d.roles).map(([role, refs]) => [role, resolvePeople(refs, index)])),
    sessions,
    sessionPeople: (s) => resolvePeople(s.speakers, index),
  });
  const byName = (name: string) => directory.people.find((p) => p.name === name)!;

  test('collects documents with roles and agenda sessions per person', () => {
    expect(byName('吴文毅').documents.map((d) => [d.item.id, d.roles])).toEqual([['a', ['lecturers']]]);
    expect(byName('吴文毅').sessions).toHaveLength(1);
    expect(byName('李明').documents.map((d) => d.roles)).toEqual([['reporters', 'editors']]);
  });

  test('keeps people.yaml ids and gives two names with one pinyin different ids', () => {
    expect(byName('吴文毅').id).toBe('wu-wenyi');
    const ids = [byName('李明').id, byName('黎明').id];
    expect(new Set(ids).size).toBe(2);
    expect(directory.idOfName.get('黎明')).toBe(byName('黎明').id);
  });

  test('takes positions from people.yaml and as written, and leaves out people named nowhere', () => {
    expect(byName('张三').positions).toEqual(['区人大常委会主任']);
    expect(byName('吴文毅').positions).toEqual(['省人大常委会副秘书长']);
    expect(directory.people.some((p) => p.name === '未出现')).toBe(false);
  });

  test('sorts by the Chinese (pinyin) order of names', () => {
    const names = directory.people.map((p) => p.name);
    expect(names.indexOf('李明')).toBeLessThan(names.indexOf('吴文毅'));
    expect(names.indexOf('吴文毅')).toBeLessThan(names.indexOf('张三'));
  });
});

describe('file info', () => {
  test('fileTypeLabel is the extension in capitals', () => {
    expect(fileTypeLabel('media/slides.pdf')).toBe('PDF');
    expect(fileTypeLabel('media/README')).toBeUndefined();
  });
  test('formatFileSize rounds like a file manager', () => {
    expect(formatFileSize(31)).toBe('31 B');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(12 * 1024 * 1024)).toBe('12 MB');
  });
});

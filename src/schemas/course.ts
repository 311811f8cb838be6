import { z } from 'zod';
import { partialDateSchema } from './partial-date.ts';
import { personListSchema } from './person.ts';
import { expect } from './expect.ts';

const text = () => z.string(expect('text')).trim().min(1, expect('text'));
const textList = () =>
  z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text(), expect('textList')));

/** What happens in an agenda session. */
export const sessionKinds = ['opening', 'lecture', 'exchange', 'discussion', 'visit', 'closing', 'other'] as const;
export type SessionKind = (typeof sessionKinds)[number];

/** The parts of a day an agenda uses. */
export const periods = ['上午', '下午', '晚上', '全天'] as const;

/** One item of the course agenda. */
export const sessionSchema = z.strictObject({
  date: partialDateSchema,
  /** 上午, 下午, 晚上 or 全天. */
  period: z.enum(periods, expect('period')).optional(),
  /** opening, lecture, exchange, discussion, visit, closing or other. */
  kind: z.enum(sessionKinds, expect('sessionKind')),
  /** @example 民生实事项目人大代表票决制 */
  title: text(),
  /** Lecturers or speakers, with the position held at the time. */
  speakers: personListSchema.optional(),
  /** The id of the document in this course that records the session. */
  document: text().optional(),
  /** A line of detail: the groups of a discussion, the place of a visit. */
  note: text().optional(),
});

/**
 * A course (培训班): the front matter of `<course>/course.md`. The body is its introduction.
 * @example
 * title: 信阳市县乡人大干部履职能力提升培训班
 * start: 2024-11-18
 * end: 2024-11-20
 */
export const courseSchema = z.strictObject({
  title: text(),
  subtitle: text().optional(),
  /** First day of the course. */
  start: partialDateSchema,
  /** Last day of the course; the same as `start` for a one-day course. */
  end: partialDateSchema,
  /** @example 大别山干部学院 */
  venue: text(),
  /** 主办: one organiser or several. */
  organizers: textList(),
  /** 承办 */
  hosts: textList().optional(),
  participants: z
    .strictObject({
      /** @example 全市县乡两级人大干部 */
      description: text(),
      count: z.number(expect('positiveInteger')).int(expect('positiveInteger')).positive(expect('positiveInteger')).optional(),
    })
    .optional(),
  /** The agenda, in the order the sessions took place. */
  sessions: z.array(sessionSchema).default([]),
  summary: text().optional(),
  tags: textList().optional(),
  draft: z.boolean(expect('boolean')).optional(),
});

export type Course = z.output<typeof courseSchema>;
export type CourseInput = z.input<typeof courseSchema>;
export type Session = z.output<typeof sessionSchema>;


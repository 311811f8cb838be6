import { z } from 'zod';
import { partialDateSchema } from './partial-date.ts';
import { personListSchema, personRefSchema } from './person.ts';
import { expect } from './expect.ts';

const text = () => z.string(expect('text')).trim().min(1, expect('text'));
const textList = () =>
  z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text(), expect('textList')));

/** The kinds of document, named after the folder that holds them (`speeches/` → speech). */
export const documentKinds = ['speech', 'lecture', 'writeup'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The folder of each kind inside a course folder. */
export const kindFolders: Record<DocumentKind, string> = {
  speech: 'speeches',
  lecture: 'lectures',
  writeup: 'writeups',
};

/** A file that ships with the course, in its `media/` folder. */
export const attachmentSchema = z.strictObject({
  /** Path relative to the course folder. @example media/slides.pdf */
  file: text(),
  /** What the reader sees as the link text. @example 授课课件 */
  title: text(),
});

/** Text the source left out, such as `此处隐藏4864字`. */
export const omittedSchema = z.strictObject({
  /** How many characters are missing, when the source says. @example 4864 */
  chars: z.number(expect('positiveInteger')).int(expect('positiveInteger')).positive(expect('positiveInteger')).optional(),
  /** A note to the reader about what is missing. */
  note: text().optional(),
});

/** Fields every document has, whatever its kind. */
const documentFields = {
  /** @example 在全区人大代表和人大工作者履职能力提升培训班开班式上的讲话 */
  title: text(),
  /** The line after the dash in a title such as 信阳人大:为高水平履职“充电赋能”——…侧记. */
  subtitle: text().optional(),
  /** When it was given or published: `2024`, `2024-04` or `2024-11-26`. */
  date: partialDateSchema,
  /** 来源: where the text was published. @example 河南省人大融媒体中心 */
  source: text().optional(),
  /** Address of the original publication. */
  sourceUrl: z.url(expect('url')).optional(),
  /** 作者: who wrote the document, when not the speaker or a reporter. */
  authors: personListSchema.optional(),
  /** One or two sentences shown in lists and feeds. */
  summary: text().optional(),
  /** @example [全过程人民民主, 代表履职] */
  tags: textList().optional(),
  /** Text missing from the source, shown to the reader as a notice. */
  omitted: omittedSchema.optional(),
  /** Slides, PDFs and other files of this document. */
  attachments: z.array(attachmentSchema).optional(),
  /** Old paths of this document; each becomes a redirect to its URL. @example [/courses/old-id/doc/] */
  aliases: textList().optional(),
  /** A draft is checked but not published. */
  draft: z.boolean(expect('boolean')).optional(),
};

/**
 * 讲话: a speech at an opening, closing or other session.
 * @example speaker: { name: 张三, position: 区人大常委会主任 }
 */
export const speechSchema = z.strictObject({
  ...documentFields,
  /** Who gave the speech; optional because reposted speeches often do not say. */
  speaker: personRefSchema.optional(),
  /** 开班式, 结业式, 动员会, 座谈会 … */
  occasion: text().optional(),
});

/** 讲稿 / 授课提纲: a lecture given at the course. */
export const lectureSchema = z.strictObject({
  ...documentFields,
  /** One lecturer or several. */
  lecturers: personListSchema,
  /** 专题讲座, 辅导报告, 授课提纲, 党课 … */
  format: text().optional(),
  /** The series the lecture belongs to, e.g. …专题讲座第二讲. */
  series: text().optional(),
});

/** A photograph published with a write-up. */
export const imageSchema = z.strictObject({
  /** Path relative to the course folder. @example media/huiyi-xianchang.jpg */
  src: text(),
  /** @example 会议现场 */
  caption: text().optional(),
  /** Text for readers who cannot see the image; the caption when absent. */
  alt: text().optional(),
});

/** 侧记 / 新闻稿: a report about the course, with its byline. */
export const writeupSchema = z.strictObject({
  ...documentFields,
  /** 记者 */
  reporters: personListSchema.optional(),
  /** 通讯员 */
  correspondents: personListSchema.optional(),
  /** 编辑 / 责任编辑 */
  editors: personListSchema.optional(),
  /** 摄影 */
  photographers: personListSchema.optional(),
  images: z.array(imageSchema).optional(),
});

export const documentSchemas = {
  speech: speechSchema,
  lecture: lectureSchema,
  writeup: writeupSchema,
} as const;

export type Speech = z.output<typeof speechSchema>;
export type Lecture = z.output<typeof lectureSchema>;
export type Writeup = z.output<typeof writeupSchema>;
export type SpeechInput = z.input<typeof speechSchema>;
export type LectureInput = z.input<typeof lectureSchema>;
export type WriteupInput = z.input<typeof writeupSchema>;
export type DocumentData = Speech | Lecture | Writeup;
export type Attachment = z.output<typeof attachmentSchema>;
export type DocumentImage = z.output<typeof imageSchema>;

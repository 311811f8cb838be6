/**
 * Header and byline lines: 来源：X, 作者：Y, 时间：2015-07-01, 来源:X|作者:Y|时间:Z,
 * 【发布日期:2022-06-22】【责任编辑:X】, 记者 王紫仪 通讯员 曹新俊, 文/X 图/Y.
 * A line is a header line only when it is made of such fields from end to end.
 */
import type { PersonRef } from '../schemas/person.ts';
import { parseDateValue, type FoundDate } from './dates.ts';
import { isChromeSegment } from './chrome.ts';
import { parsePerson, splitNames } from './names.ts';

export type PersonField = 'authors' | 'editors' | 'reporters' | 'correspondents' | 'photographers' | 'lecturers' | 'speaker';
export type HeaderFieldName = 'source' | 'date' | PersonField | 'ignored' | 'chrome';

interface Label {
  /** Simplified spelling. */
  word: string;
  fields: HeaderFieldName[];
  /** A role that may be followed by a space instead of a colon: 记者 王紫仪. */
  spaced?: boolean;
  /** Written with a slash: 文/王紫仪, 图/曹新俊. */
  slashed?: boolean;
  /** For dates: which label wins when several are given (发布时间 over 更新时间). */
  rank?: number;
}

const label = (words: string, fields: HeaderFieldName[], extra: Partial<Label> = {}): Label[] =>
  words.split(' ').map((word) => ({ word, fields, ...extra }));

/** Every label the importer knows; docs/import.md lists them. */
export const LABELS: Label[] = [
  ...label('来源 文章来源 信息来源 稿件来源 新闻来源 稿源 出处 转自 转载自', ['source']),
  ...label('发布时间 发布日期 发表时间 发表日期 发稿时间 成文日期 印发日期 发文日期', ['date'], { rank: 3 }),
  ...label('时间 日期', ['date'], { rank: 2 }),
  ...label('更新时间 更新日期 录入时间 上传时间 修改时间', ['date'], { rank: 1 }),
  ...label('作者 撰稿 撰稿人 撰文 文字 供稿 文字供稿 稿件提供', ['authors'], { spaced: true }),
  ...label('图文供稿 文图供稿', ['authors'], { spaced: true }),
  ...label('文', ['authors'], { slashed: true }),
  ...label('文/图 图/文 文图', ['authors', 'photographers'], { slashed: true, spaced: true }),
  ...label('编辑 责任编辑 责编 网络编辑 本文编辑 编审 编校', ['editors'], { spaced: true }),
  ...label('记者 本报记者 本台记者 本网记者 融媒记者 融媒体记者 全媒体记者 见习记者 特约记者 实习记者 实习生', ['reporters'], { spaced: true }),
  ...label('通讯员 特约通讯员', ['correspondents'], { spaced: true }),
  ...label('摄影 摄像 摄影记者 图片', ['photographers'], { spaced: true }),
  ...label('图 摄', ['photographers'], { slashed: true }),
  ...label('主讲 主讲人 授课人 授课 讲授人 报告人 主讲嘉宾 授课老师 授课专家', ['lecturers'], { spaced: true }),
  ...label('讲话人', ['speaker'], { spaced: true }),
  ...label('审核 审校 校对 初审 复审 终审 签发 审稿 值班编辑 监制 统筹', ['ignored'], { spaced: true }),
  ...label('字号 字体 点击 点击数 点击量 点击率 浏览 浏览次数 浏览量 阅读 阅读量 阅读数 阅读次数 访问量 分享到 分享', ['chrome']),
];

const byWord = new Map(LABELS.map((l) => [l.word, l]));
const words = [...byWord.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace('/', '\\s*[/／]\\s*'));

/** A label at a field boundary, then a colon, a slash or (for roles) spaces. */
const LABEL_AT = new RegExp(
  `(?<=^|[\\s\\u3000|｜丨【\\[（(】\\]）),，;；])(${words.join('|')})(\\s*[:：]\\s*|\\s*[/／]\\s*|[\\s\\u3000]+|(?=[】\\]]))`,
  'gu',
);

export interface HeaderField {
  field: HeaderFieldName;
  /** Every field the label fills (文/图 fills authors and photographers). */
  fields: HeaderFieldName[];
  /** The label as written. */
  label: string;
  /** The value as written. */
  value: string;
  date?: FoundDate;
  dateRank?: number;
  people?: PersonRef[];
}

/**
 * The fields of a header line, or `undefined` when the line is anything else.
 * `original` and `simplified` are the same line in written and simplified
 * characters (see simplified.ts); values are cut from `original`.
 */
export function parseHeaderLine(original: string, simplified: string = original, contextYear?: number): HeaderField[] | undefined {
  const s = simplified.trim();
  const o = original.trim();
  if (s.length === 0 || s.length > 200) return undefined;
  const matches = [...s.matchAll(LABEL_AT)];
  if (matches.length === 0) return undefined;
  if (!isSeparators(s.slice(0, matches[0].index))) return undefined;

  const fields: HeaderField[] = [];
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i];
    const word = match[1].replace(/\s/g, '').replace('／', '/');
    const info = byWord.get(word);
    if (!info) return undefined;
    const separator = match[2];
    const colon = /[:：]/.test(separator);
    const slash = /[/／]/.test(separator);
    const space = !colon && !slash;
    if (slash && !info.slashed) return undefined;
    if (space && !info.spaced && separator !== '' && !info.fields.includes('chrome')) return undefined;
    const start = match.index + match[0].length;
    const end = i + 1 < matches.length ? matches[i + 1].index : s.length;
    const rawValue = o.slice(start, end);
    const value = trimSeparators(rawValue);
    const field = parseValue(info, value, trimSeparators(s.slice(start, end)), space || slash, contextYear);
    if (!field) return undefined;
    fields.push({ ...field, label: o.slice(match.index, match.index + match[1].length) });
  }
  return fields;
}

function parseValue(info: Label, value: string, simplifiedValue: string, strict: boolean, contextYear?: number): Omit<HeaderField, 'label'> | undefined {
  const [field] = info.fields;
  const base = { field, fields: info.fields, value };
  if (field === 'chrome') return isChromeSegment(simplifiedValue) || value.length <= 20 ? base : undefined;
  if (value === '') return strict ? undefined : base;
  if (field === 'date') {
    const date = parseDateValue(value, contextYear);
    return date ? { ...base, date, dateRank: info.rank } : undefined;
  }
  if (field === 'source') {
    return value.length <= 60 && !/[。！？]/.test(value) ? base : undefined;
  }
  if (field === 'lecturers' || field === 'speaker') {
    const person = parsePerson(value, simplifiedValue);
    if (person) return { ...base, people: [person] };
    const names = splitNames(value, true);
    return names && names.length > 0 ? { ...base, people: names } : undefined;
  }
  const names = splitNames(value, strict);
  return names ? { ...base, people: names } : undefined;
}

const SEPARATORS = /^[\s\u3000|｜丨【】[\]（）(),，;；]*$/u;

function isSeparators(text: string): boolean {
  return SEPARATORS.test(text);
}

/** Value without the separators and brackets around it; a bracket pair inside is kept. */
function trimSeparators(text: string): string {
  let value = text.replace(/^[\s\u3000|｜丨【】[\],，;；]+/u, '').replace(/[\s\u3000|｜丨【】[\],，;；]+$/u, '');
  // A closing bracket without its opening one belongs to the line's frame: 【来源:X】, (图文供稿:X).
  while (/[)）]$/.test(value) && count(value, /[(（]/g) < count(value, /[)）]/g)) value = value.slice(0, -1).trimEnd();
  while (/^[(（]/.test(value) && count(value, /[(（]/g) > count(value, /[)）]/g)) value = value.slice(1).trimStart();
  return value;
}

function count(text: string, re: RegExp): number {
  return (text.match(re) ?? []).length;
}

/**
 * A credit in brackets, at the end of a paragraph or on its own line:
 * (图文供稿:X), （记者 王紫仪 通讯员 曹新俊）, (摄影 X). Returns the fields and where the
 * credit starts in the text.
 */
export function parseTrailingCredit(original: string, simplified: string = original, contextYear?: number): { fields: HeaderField[]; index: number } | undefined {
  const match = /[（(]([^（()）]{2,80})[)）]\s*$/u.exec(simplified);
  if (!match) return undefined;
  const inner = match[1];
  const start = match.index + 1;
  const fields = parseHeaderLine(original.slice(start, start + inner.length), inner, contextYear);
  if (!fields || fields.some((f) => f.field === 'chrome' || f.field === 'date')) return undefined;
  return { fields, index: match.index };
}

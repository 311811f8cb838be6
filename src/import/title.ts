/**
 * The lines at the top of a document: its title (and a subtitle after ——),
 * and what may stand under it: a subtitle line, the speaker or author, the date.
 */
import type { PersonRef } from '../schemas/person.ts';
import { findDate, type FoundDate } from './dates.ts';
import { isChineseName, looksLikePosition, parsePerson } from './names.ts';
import { hanCount } from './normalize.ts';
import { isSalutation } from './structure.ts';

const MAX_TITLE = 90;

/** Whether a line can be a title: short, mostly Chinese, not a sentence of the body. */
export function isTitleLike(simplified: string): boolean {
  const text = simplified.trim();
  if (text.length < 2 || text.length > MAX_TITLE) return false;
  if (hanCount(text) < 2) return false;
  if (/[。；]/u.test(text.replace(/[。！？]$/u, ''))) return false;
  if (/[：:，,；;、]$/u.test(text)) return false;
  if (isSalutation(text) || /^[（(【[]/u.test(text)) return false;
  // Long lines with several commas are sentences of the body, not titles.
  return text.length <= 40 || (text.match(/[，,]/gu) ?? []).length <= 1;
}

export interface SplitTitle {
  title: string;
  subtitle?: string;
}

const DASHES = /[\s\u3000]*(?:——|—|－－|--|──)[\s\u3000]*/u;

/** 信阳人大：为高水平履职“充电赋能”——全市…侧记 → title and subtitle. */
export function splitTitle(text: string): SplitTitle {
  const trimmed = text.trim();
  const dash = DASHES.exec(trimmed);
  if (!dash || dash.index === 0) return { title: trimmed };
  const title = trimmed.slice(0, dash.index).trim();
  const subtitle = trimmed.slice(dash.index + dash[0].length).trim();
  return subtitle === '' ? { title } : { title, subtitle };
}

/** A subtitle line under the title: ——在全市…培训班开班式上的讲话. */
export function subtitleLine(text: string): string | undefined {
  const match = /^[\s\u3000]*(?:——|—|－－|--|──)[\s\u3000]*(.+)$/u.exec(text);
  return match ? match[1].trim() : undefined;
}

/** Two titles are the same when their letters and digits are (a page repeats its title). */
export function sameTitle(a: string, b: string): boolean {
  const key = (t: string) => t.replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) !== '' && key(a) === key(b);
}

/** What a short line under the title can say. */
export interface UnderTitle {
  person?: PersonRef;
  date?: FoundDate;
}

/**
 * A line under the title naming a person and/or a date: `张三`, `（张三）`,
 * `区人大常委会主任 张三`, `（2024年4月10日）`, `张三（2024年4月10日）`.
 */
export function parseUnderTitle(original: string, simplified: string = original, contextYear?: number): UnderTitle | undefined {
  const o = original.trim();
  const s = simplified.trim();
  if (o.length > 80) return undefined;
  const unbracketed = /^[（(]([^（()）]+)[)）]$/u.exec(s);
  const inner = unbracketed ? o.slice(1, -1).trim() : o;
  const innerS = unbracketed ? s.slice(1, -1).trim() : s;

  const date = findDate(innerS, contextYear);
  if (date) {
    const before = inner.slice(0, date.index).trim();
    const after = innerS.slice(date.index + date.text.length).replace(/[\s（()）日号]/gu, '');
    if (after !== '') return undefined;
    if (before === '') return { date };
    const person = parsePerson(before.replace(/[（(]$/u, ''), innerS.slice(0, date.index).trim().replace(/[（(]$/u, ''));
    return person ? { person, date } : undefined;
  }
  const person = parsePerson(inner, innerS);
  return person ? { person } : undefined;
}

/** 张三同志在…上的讲话, 区委书记张三在…上的讲话: the speaker named at the start of a title. */
export function speakerFromTitle(original: string, simplified: string = original): PersonRef | undefined {
  const match = /^(.{2,30}?)(?:同志)?在.{2,}上的(?:讲话|致辞|发言|报告)/u.exec(simplified);
  if (!match) return undefined;
  const before = original.slice(0, match[1].length).trim();
  const beforeS = match[1].trim();
  if (isChineseName(beforeS)) return before;
  for (const length of [3, 2]) {
    const name = beforeS.slice(-length);
    const position = before.slice(0, -length).trim();
    if (isChineseName(name) && looksLikePosition(beforeS.slice(0, -length))) return { name: before.slice(-length), position };
  }
  return undefined;
}

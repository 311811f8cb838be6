import { chineseNumeralToNumber } from '../lib/outline.ts';
import { parsePartialDate, partsToPartialDate, type DateParts, type PartialDate } from '../lib/partial-date.ts';

/** A date found in a text, as precise as the text gives it. */
export interface FoundDate {
  date: PartialDate;
  /** The last day of a span such as 11月18日至20日. */
  end?: PartialDate;
  /** The year did not appear in the text and came from `contextYear`. */
  yearFromContext: boolean;
  /** Where the date is in the text searched. */
  index: number;
  /** The date as written. */
  text: string;
}

const YEAR = '((?:19|20)\\d{2}|[一二三四五六七八九〇零○]{4})';
const MONTH_DAY_NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** 2024年11月26日, 2024年11月, 2024年, with Arabic or Chinese numerals. */
const CHINESE_FULL = new RegExp(`${YEAR}\\s*年(?:\\s*${MONTH_DAY_NUM}\\s*月(?:\\s*${MONTH_DAY_NUM}\\s*[日号])?)?`, 'u');
/** 2024-11-26, 2024/11/26, 2024.11.26, 2024-04 (not followed by more digits). */
const NUMERIC = /(?<!\d)((?:19|20)\d{2})\s*[-/.．]\s*(\d{1,2})(?:\s*[-/.．]\s*(\d{1,2}))?(?![\d.])/u;
/** 11月26日 without a year. */
const MONTH_DAY = new RegExp(`(?<![\\d年])${MONTH_DAY_NUM}\\s*月\\s*${MONTH_DAY_NUM}\\s*[日号]`, 'u');
/** The end of a span after a date: 至20日, -20日, —12月2日, 到2024年1月3日. */
const SPAN_END = new RegExp(`^\\s*(?:至|到|—|–|-|~|～)\\s*(?:${YEAR}\\s*年\\s*)?(?:${MONTH_DAY_NUM}\\s*月\\s*)?${MONTH_DAY_NUM}\\s*[日号]`, 'u');

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function toNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 4 && [...text].every((c) => c in CHINESE_DIGITS)) {
    return Number([...text].map((c) => CHINESE_DIGITS[c]).join(''));
  }
  return chineseNumeralToNumber(text);
}

function valid(parts: DateParts): PartialDate | undefined {
  const text = partsToPartialDate(parts);
  return parsePartialDate(text) ? text : undefined;
}

/**
 * The first date in `text`: 2024年11月26日, 二〇二四年十一月二十六日, 2024-11-26,
 * 2024/11/26, 2024.11.26, 2024-04, 2024年, or 11月26日 with the year from
 * `contextYear`. A span (11月18日至20日, 2024年11月28日至12月2日) gives `end` too.
 */
export function findDate(text: string, contextYear?: number): FoundDate | undefined {
  const candidates: FoundDate[] = [];
  const full = CHINESE_FULL.exec(text);
  if (full) {
    const year = toNumber(full[1]);
    const month = full[2] === undefined ? undefined : toNumber(full[2]);
    const day = full[3] === undefined ? undefined : toNumber(full[3]);
    const date = year === undefined ? undefined : valid({ year, month, day });
    if (date) candidates.push(withSpan({ date, yearFromContext: false, index: full.index, text: full[0] }, text, year!, month));
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const date = valid({ year: Number(numeric[1]), month: Number(numeric[2]), day: numeric[3] === undefined ? undefined : Number(numeric[3]) });
    if (date) candidates.push({ date, yearFromContext: false, index: numeric.index, text: numeric[0] });
  }
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay && contextYear !== undefined) {
    const month = toNumber(monthDay[1]);
    const day = toNumber(monthDay[2]);
    const date = month === undefined ? undefined : valid({ year: contextYear, month, day });
    if (date) candidates.push(withSpan({ date, yearFromContext: true, index: monthDay.index, text: monthDay[0] }, text, contextYear, month));
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0];
}

/** Adds the end of a span written right after the date. */
function withSpan(found: FoundDate, text: string, year: number, month: number | undefined): FoundDate {
  if (month === undefined || found.date.length < 10) return found;
  const rest = text.slice(found.index + found.text.length);
  const span = SPAN_END.exec(rest);
  if (!span) return found;
  const endYear = span[1] === undefined ? year : toNumber(span[1]);
  const endMonth = span[2] === undefined ? month : toNumber(span[2]);
  const endDay = toNumber(span[3]);
  const end = endYear === undefined || endMonth === undefined ? undefined : valid({ year: endYear, month: endMonth, day: endDay });
  if (!end || end < found.date) return found;
  return { ...found, end, text: found.text + span[0] };
}

/**
 * The date a whole value stands for, as in `发布时间：2024-11-26 15:55` or
 * `【发布日期:2022-06-22】`: the value must be a date and nothing else but a time.
 */
export function parseDateValue(value: string, contextYear?: number): FoundDate | undefined {
  const found = findDate(value, contextYear);
  if (!found) return undefined;
  const rest = (value.slice(0, found.index) + value.slice(found.index + found.text.length))
    .replace(/\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?/g, '')
    .replace(/(星期|周)[一二三四五六日天]|[上下]午|\d{1,2}\s*时(\s*\d{1,2}\s*分)?/g, '')
    .replace(/[\s()（）【】[\]|｜]/g, '');
  return rest === '' ? found : undefined;
}

/** The first four-digit year (1990–2099) a text mentions, for dates that leave the year out. */
export function findYear(text: string): number | undefined {
  const match = /(?<!\d)((?:199|20\d)\d)(?=\s*年|\s*[-/.]\s*\d)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * Chinese outline numbering (一、 （一） 1. （1）), the skeleton of speeches and
 * lecture outlines. Accepts the half-width forms that NFKC-normalised text has.
 */

export interface OutlineNumber {
  /** 1 for 一、, 2 for （一）, 3 for 1. / 1、, 4 for （1）. */
  level: 1 | 2 | 3 | 4;
  number: number;
  /** The marker as written, e.g. `（二）`. */
  marker: string;
  /** The text after the marker. */
  rest: string;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUMERAL = '[一二三四五六七八九十〇零两]{1,4}';

/** 一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; `undefined` for anything else. */
export function chineseNumeralToNumber(text: string): number | undefined {
  if (!/^[一二三四五六七八九十〇零两]+$/.test(text)) return undefined;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? DIGITS[text] : undefined;
  if (text.indexOf('十', ten + 1) !== -1) return undefined;
  const tens = ten === 0 ? 1 : DIGITS[text.slice(0, ten)];
  const unitsText = text.slice(ten + 1);
  const units = unitsText === '' ? 0 : DIGITS[unitsText];
  if (tens === undefined || units === undefined || ten > 1 || unitsText.length > 1) return undefined;
  return tens * 10 + units;
}

const FORMS: { level: OutlineNumber['level']; pattern: RegExp; chinese: boolean }[] = [
  { level: 1, pattern: new RegExp(`^(${NUMERAL})[、，,.．]\\s*`), chinese: true },
  { level: 2, pattern: new RegExp(`^[（(](${NUMERAL})[）)]\\s*`), chinese: true },
  { level: 3, pattern: /^(\d{1,2})(?:[、．]|\.(?!\d))\s*/, chinese: false },
  { level: 4, pattern: /^[（(](\d{1,2})[）)]\s*/, chinese: false },
];

/** The outline number a line starts with, if any. */
export function parseOutlineNumber(line: string): OutlineNumber | undefined {
  const text = line.trim();
  for (const form of FORMS) {
    const match = form.pattern.exec(text);
    if (!match) continue;
    const number = form.chinese ? chineseNumeralToNumber(match[1]) : Number(match[1]);
    if (number === undefined || number === 0) continue;
    return { level: form.level, number, marker: match[0].trim(), rest: text.slice(match[0].length) };
  }
  return undefined;
}

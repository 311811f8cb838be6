/**
 * Partial dates: sources often give only a year or a month (更新时间:2024-04), so a
 * date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, kept as that string. The string form
 * sorts correctly as text: `2024` < `2024-04` < `2024-04-01` < `2024-05`.
 */

export type PartialDate = string & { readonly __partialDate: unique symbol };

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

const PATTERN = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** The parts of a partial date, or `undefined` when the text is not one (or names no real day). */
export function parsePartialDate(text: string): DateParts | undefined {
  const match = PATTERN.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month ?? 1))) return undefined;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The canonical text of a partial date: zero-padded, `2024-4` becomes `2024-04`. */
export function partsToPartialDate(parts: DateParts): PartialDate {
  let text = String(parts.year).padStart(4, '0');
  if (parts.month !== undefined) text += `-${pad(parts.month)}`;
  if (parts.month !== undefined && parts.day !== undefined) text += `-${pad(parts.day)}`;
  return text as PartialDate;
}

/**
 * Reads what a YAML parser hands over for a date field: the string `2024-04`,
 * the number `2024`, or a `Date` (js-yaml, which Astro uses, turns `2024-11-26` into one).
 */
export function toPartialDate(value: unknown): PartialDate | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return partsToPartialDate({
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
    });
  }
  if (typeof value === 'number' && Number.isInteger(value)) return toPartialDate(String(value));
  if (typeof value !== 'string') return undefined;
  const parts = parsePartialDate(value);
  return parts && partsToPartialDate(parts);
}

export function partialDateParts(date: PartialDate): DateParts {
  const parts = parsePartialDate(date);
  if (!parts) throw new TypeError(`not a partial date: ${date}`);
  return parts;
}

export function partialDateYear(date: PartialDate): number {
  return partialDateParts(date).year;
}

/** The first day the date can mean, for formats that need a full date (RSS, sitemap): `2024-04` → `2024-04-01`. */
export function partialDateToIso(date: PartialDate): string {
  const { year, month = 1, day = 1 } = partialDateParts(date);
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Newest first; at equal precision-independent prefixes the more precise date is newer. */
export function compareDatesDescending(a: PartialDate, b: PartialDate): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

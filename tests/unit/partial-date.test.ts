import { describe, expect, it } from 'vitest';
import {
  compareDatesDescending,
  parsePartialDate,
  partialDateToIso,
  toPartialDate,
  type PartialDate,
} from '../../src/lib/partial-date.ts';
import { dateRangeToChinese, dateToChinese } from '../../src/lib/chinese-date.ts';

const d = (text: string) => text as PartialDate;

describe('parsePartialDate', () => {
  it('reads a year, a month and a day', () => {
    expect(parsePartialDate('2024')).toEqual({ year: 2024, month: undefined, day: undefined });
    expect(parsePartialDate('2024-04')).toEqual({ year: 2024, month: 4, day: undefined });
    expect(parsePartialDate('2024-11-26')).toEqual({ year: 2024, month: 11, day: 26 });
  });

  it('refuses months and days that do not exist', () => {
    expect(parsePartialDate('2024-13')).toBeUndefined();
    expect(parsePartialDate('2024-13-45')).toBeUndefined();
    expect(parsePartialDate('2023-02-29')).toBeUndefined();
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('24-04')).toBeUndefined();
    expect(parsePartialDate('2024年4月')).toBeUndefined();
  });
});

describe('toPartialDate', () => {
  it('takes what YAML parsers hand over: strings, numbers and Dates', () => {
    expect(toPartialDate('2024-4')).toBe('2024-04');
    expect(toPartialDate(2024)).toBe('2024');
    expect(toPartialDate(new Date(Date.UTC(2024, 10, 26)))).toBe('2024-11-26');
  });

  it('gives undefined for anything else', () => {
    expect(toPartialDate('2024-13-45')).toBeUndefined();
    expect(toPartialDate(2024.5)).toBeUndefined();
    expect(toPartialDate(null)).toBeUndefined();
    expect(toPartialDate(new Date('nope'))).toBeUndefined();
  });
});

describe('dateToChinese', () => {
  it('writes each precision the Chinese way', () => {
    expect(dateToChinese(d('2024'))).toBe('2024年');
    expect(dateToChinese(d('2024-04'))).toBe('2024年4月');
    expect(dateToChinese(d('2024-11-26'))).toBe('2024年11月26日');
  });
});

describe('dateRangeToChinese', () => {
  it('leaves out what the end shares with the start', () => {
    expect(dateRangeToChinese(d('2024-11-18'), d('2024-11-20'))).toBe('2024年11月18日至20日');
    expect(dateRangeToChinese(d('2024-11-28'), d('2024-12-02'))).toBe('2024年11月28日至12月2日');
    expect(dateRangeToChinese(d('2024-12-30'), d('2025-01-02'))).toBe('2024年12月30日至2025年1月2日');
  });

  it('writes a one-day or one-month course once', () => {
    expect(dateRangeToChinese(d('2024-04'), d('2024-04'))).toBe('2024年4月');
    expect(dateRangeToChinese(d('2024-11-18'), d('2024-11-18'))).toBe('2024年11月18日');
  });
});

describe('partialDateToIso', () => {
  it('takes the first day of a partial date', () => {
    expect(partialDateToIso(d('2024'))).toBe('2024-01-01');
    expect(partialDateToIso(d('2024-04'))).toBe('2024-04-01');
    expect(partialDateToIso(d('2024-11-26'))).toBe('2024-11-26');
  });
});

describe('compareDatesDescending', () => {
  it('sorts newest first, a month before its own days', () => {
    const dates = ['2023', '2024-04-02', '2024-04', '2024', '2024-11-26', '2024-04-30'].map(d);
    expect([...dates].sort(compareDatesDescending)).toEqual(
      ['2024-11-26', '2024-04-30', '2024-04-02', '2024-04', '2024', '2023'],
    );
  });
});

import { t } from '../i18n/ui.ts';
import { partialDateParts, type PartialDate } from './partial-date.ts';

/** 2024 → 2024年, 2024-04 → 2024年4月, 2024-11-26 → 2024年11月26日. */
export function dateToChinese(date: PartialDate): string {
  const { year, month, day } = partialDateParts(date);
  if (month === undefined) return t('date.year', { year });
  if (day === undefined) return t('date.month', { year, month });
  return t('date.day', { year, month, day });
}

/**
 * A span of days written the way Chinese documents write it, leaving out what
 * the end shares with the start: 2024年11月18日至20日, 2024年11月28日至12月2日.
 */
export function dateRangeToChinese(start: PartialDate, end: PartialDate): string {
  const from = partialDateParts(start);
  const to = partialDateParts(end);
  const startText = dateToChinese(start);
  if (start === end) return startText;
  const separator = t('date.rangeSeparator');
  if (from.year !== to.year || from.month === undefined || to.month === undefined) {
    return startText + separator + dateToChinese(end);
  }
  if (from.month !== to.month || from.day === undefined || to.day === undefined) {
    return startText + separator + (to.day === undefined ? `${to.month}月` : `${to.month}月${to.day}日`);
  }
  return `${startText}${separator}${to.day}日`;
}

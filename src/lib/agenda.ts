/**
 * The agenda of a course as a day-by-day timeline: days in order, and in each
 * day the sessions grouped by part of the day (上午, 下午, 晚上).
 */
import { partialDateParts, type PartialDate } from './partial-date.ts';

export interface AgendaDay<S> {
  date: PartialDate;
  /** Consecutive sessions of the same part of the day; `period` is absent when the agenda gives none. */
  periods: { period?: string; sessions: S[] }[];
}

/**
 * Keeps the agenda's own order inside a day (editors write it in the order it
 * happened) and groups consecutive sessions of a day and period.
 */
export function agendaByDay<S extends { date: PartialDate | string; period?: string }>(sessions: readonly S[]): AgendaDay<S>[] {
  const days: AgendaDay<S>[] = [];
  for (const session of sessions) {
    const date = session.date as PartialDate;
    let day = days.find((d) => d.date === date);
    if (!day) {
      day = { date, periods: [] };
      days.push(day);
    }
    const last = day.periods.at(-1);
    if (last && last.period === session.period) last.sessions.push(session);
    else day.periods.push({ period: session.period, sessions: [session] });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** 0 for Sunday … 6 for Saturday, or `undefined` when the date names no single day. */
export function weekday(date: PartialDate): number | undefined {
  const { year, month, day } = partialDateParts(date);
  if (month === undefined || day === undefined) return undefined;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

import { TZDate } from '@date-fns/tz'
import { addDays, addMonths, addWeeks, differenceInCalendarDays, format, getDaysInMonth, getISOWeekYear, startOfISOWeek } from 'date-fns'

/**
 * The bureau's calendar: every period starts and ends at midnight 北京时间, whatever time zone
 * the server or the test runner is in. All arithmetic goes through date-fns on TZDate.
 */
export const ZONE = 'Asia/Shanghai'

/** The kinds of period a schedule runs on: the forms' month/term/year plus ISO weeks (2026-W19). */
export type CycleKind = 'week' | 'month' | 'term' | 'year'

const patterns: Record<CycleKind, RegExp> = {
  year: /^\d{4}$/,
  term: /^\d{4}-T[12]$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  week: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
}

export function cycleKindOf(period: string): CycleKind | null {
  for (const kind of ['year', 'term', 'month', 'week'] as const) if (patterns[kind].test(period)) return kind
  return null
}

/** A real period of that kind: a week must exist in its ISO year (2025-W53 does not, 2026-W53 does). */
export function isCyclePeriod(value: string, kind?: CycleKind): boolean {
  const found = cycleKindOf(value)
  if (found === null || (kind !== undefined && found !== kind)) return false
  if (found !== 'week') return true
  const start = weekStart(value)
  return getISOWeekYear(start) === Number(value.slice(0, 4))
}

function at(year: number, monthIndex: number, day = 1): TZDate {
  return new TZDate(year, monthIndex, day, ZONE)
}

const weekOneCache = new Map<number, TZDate>()

/** Monday of ISO week 1: the week holding 4 January. Zoned date-fns calls are slow, so once per year. */
function weekOne(year: number): TZDate {
  let monday = weekOneCache.get(year)
  if (monday === undefined) {
    monday = startOfISOWeek(at(year, 0, 4))
    weekOneCache.set(year, monday)
  }
  return monday
}

function weekStart(period: string): TZDate {
  return addWeeks(weekOne(Number(period.slice(0, 4))), Number(period.slice(6)) - 1)
}

export type PeriodBounds = { readonly opensAt: TZDate; readonly closesAt: TZDate }

// Zoned arithmetic costs most of a millisecond a call; a district's year asks for the same few hundred periods thousands of times.
const boundsCache = new Map<string, PeriodBounds>()

/** First instant of the period and first instant after it, both midnight in Shanghai. */
export function periodBounds(period: string): PeriodBounds {
  let bounds = boundsCache.get(period)
  if (bounds === undefined) {
    bounds = computeBounds(period)
    if (boundsCache.size > 5000) boundsCache.clear()
    boundsCache.set(period, bounds)
  }
  return bounds
}

function computeBounds(period: string): PeriodBounds {
  const kind = cycleKindOf(period)
  if (kind === null) throw new Error(`not a period: ${period}`)
  const year = Number(period.slice(0, 4))
  if (kind === 'year') return { opensAt: at(year, 0), closesAt: at(year + 1, 0) }
  // Terms follow periods.ts: T1 is February–August, T2 September–January.
  if (kind === 'term') return period.endsWith('T1') ? { opensAt: at(year, 1), closesAt: at(year, 8) } : { opensAt: at(year, 8), closesAt: at(year + 1, 1) }
  if (kind === 'month') {
    const opensAt = at(year, Number(period.slice(5, 7)) - 1)
    return { opensAt, closesAt: addMonths(opensAt, 1) }
  }
  const opensAt = weekStart(period)
  return { opensAt, closesAt: addWeeks(opensAt, 1) }
}

/** The period of a kind that holds an instant, as the bureau's calendar reads it. */
export function periodAt(instant: Date, kind: CycleKind): string {
  const local = new TZDate(instant.getTime(), ZONE)
  const year = local.getFullYear()
  const month = local.getMonth() + 1
  if (kind === 'year') return String(year)
  if (kind === 'month') return `${year}-${String(month).padStart(2, '0')}`
  if (kind === 'term') {
    if (month === 1) return `${year - 1}-T2`
    return month >= 9 ? `${year}-T2` : `${year}-T1`
  }
  // The ISO year is the one whose week 1 starts on or before the day (late December may be next year's week 1).
  const weekYear = [year + 1, year, year - 1].find((candidate) => weekOne(candidate).getTime() <= instant.getTime()) ?? year - 1
  const week = Math.floor(differenceInCalendarDays(local, weekOne(weekYear)) / 7) + 1
  return `${weekYear}-W${String(week).padStart(2, '0')}`
}

/** The period right after `period`, of the same kind. */
export function nextPeriod(period: string): string {
  const kind = cycleKindOf(period)
  if (kind === null) throw new Error(`not a period: ${period}`)
  return periodAt(periodBounds(period).closesAt, kind)
}

/** Every period of a kind that overlaps [from, to), oldest first. */
export function periodsOverlapping(kind: CycleKind, from: Date, to: Date): string[] {
  const periods: string[] = []
  if (to.getTime() <= from.getTime()) return periods
  for (let period = periodAt(from, kind); periodBounds(period).opensAt.getTime() < to.getTime(); period = nextPeriod(period)) periods.push(period)
  return periods
}

/** The month (1–12) of a week period that a month window judges it by: its Thursday's, as ISO does for years. */
export function monthOfPeriod(period: string): number {
  const { opensAt } = periodBounds(period)
  return (cycleKindOf(period) === 'week' ? addDays(opensAt, 3) : opensAt).getMonth() + 1
}

/** Midnight starting a calendar day (YYYY-MM-DD) in Shanghai. */
export function dayStart(day: string): TZDate {
  return at(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
}

/** The last millisecond of a calendar day in Shanghai: a report stamped within the day is on time. */
export function endOfDayInstant(day: TZDate): Date {
  return new Date(addDays(at(day.getFullYear(), day.getMonth(), day.getDate()), 1).getTime() - 1)
}

/** Day `day` of the month after `lastDay`'s month, clamped to that month's last day (the 31st of February is the 28th or 29th). */
export function dayOfFollowingMonth(lastDay: TZDate, day: number): TZDate {
  const first = addMonths(at(lastDay.getFullYear(), lastDay.getMonth()), 1)
  return at(first.getFullYear(), first.getMonth(), Math.min(day, getDaysInMonth(first)))
}

/** The calendar day (Shanghai) `days` after the period's last day; 0 is the last day itself. */
export function daysAfterLastDay(bounds: PeriodBounds, days: number): TZDate {
  return addDays(addDays(bounds.closesAt, -1), days)
}

/** An instant as UTC ISO text (a TZDate's own toISOString keeps its +08:00 offset): stored text sorts as time. */
export function utcIso(instant: Date): string {
  return new Date(instant.getTime()).toISOString()
}

/** An instant as Beijing wall time with its offset (2026-02-05T23:59:59+08:00), as the to-do shows due dates. */
export function shanghaiIso(instant: Date): string {
  return format(new TZDate(instant.getTime(), ZONE), "yyyy-MM-dd'T'HH:mm:ssXXX")
}

/** YYYY-MM-DD of an instant in Shanghai. */
export function shanghaiDay(instant: Date): string {
  const local = new TZDate(instant.getTime(), ZONE)
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`
}

import { daysUntil } from './warningLevel.js'

function shift(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + days)).toISOString().slice(0, 10)
}

/** The Monday of the week a day (YYYY-MM-DD) falls in: Chinese weeks start on Monday. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return shift(day, -((weekday + 6) % 7))
}

/** The Mondays of the `count` weeks up to and including today's, oldest first. */
export function recentWeeks(today: string, count: number): string[] {
  const last = mondayOf(today)
  return Array.from({ length: count }, (_, index) => shift(last, -7 * (count - 1 - index)))
}

/** Whole days from `from` to `to` (YYYY-MM-DD), never negative. */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, daysUntil(to, from))
}

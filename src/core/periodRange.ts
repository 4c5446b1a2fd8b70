import { isPeriod } from './periods.js'

/** A period as calendar days: `from` is the first day, `to` the first day after it (YYYY-MM-DD). */
export type DayRange = { readonly from: string; readonly to: string }

function day(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`
}

/**
 * The days a period covers, so reports without a period of their own (inspections, canteen
 * checks) can be exported "for 2026-T1" too. Terms follow periods.ts: T1 is February–August,
 * T2 September–January.
 */
export function periodRange(period: string): DayRange {
  if (!isPeriod(period)) throw new Error(`not a period: ${period}`)
  const year = Number(period.slice(0, 4))
  if (period.length === 4) return { from: day(year, 1), to: day(year + 1, 1) }
  if (period.endsWith('-T1')) return { from: day(year, 2), to: day(year, 9) }
  if (period.endsWith('-T2')) return { from: day(year, 9), to: day(year + 1, 2) }
  const month = Number(period.slice(5, 7))
  return month === 12 ? { from: day(year, 12), to: day(year + 1, 1) } : { from: day(year, month), to: day(year, month + 1) }
}

/** The same range as UTC instants for a day that starts at 00:00 北京时间 (UTC+8). */
export function chinaInstantRange(period: string): DayRange {
  const { from, to } = periodRange(period)
  const instant = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString()
  return { from: instant(from), to: instant(to) }
}

import type { PeriodKind } from './forms/types.js'
import { periodOf } from './periods.js'

/** The period just before `period` of the same kind: 2026-T1 → 2025-T2, 2026-01 → 2025-12, 2026 → 2025. */
export function previousPeriod(period: string, kind: PeriodKind): string {
  const year = Number(period.slice(0, 4))
  if (kind === 'year') return String(year - 1)
  if (kind === 'term') return period.endsWith('T2') ? `${year}-T1` : `${year - 1}-T2`
  const month = Number(period.slice(5, 7))
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}

/** The current period and the `count - 1` before it, newest first: what a reporter may still file. */
export function recentPeriods(now: Date, kind: PeriodKind, count: number): string[] {
  const periods = [periodOf(now, kind)]
  while (periods.length < count) periods.push(previousPeriod(periods.at(-1) ?? '', kind))
  return periods
}

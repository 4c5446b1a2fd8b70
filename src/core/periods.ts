import type { PeriodKind } from './forms/types.js'

const patterns: Record<PeriodKind, RegExp> = {
  year: /^\d{4}$/,
  term: /^\d{4}-T[12]$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
}

export function isPeriod(value: string, kind?: PeriodKind): boolean {
  if (kind) return patterns[kind].test(value)
  return Object.values(patterns).some((pattern) => pattern.test(value))
}

/**
 * The period a date falls in. Terms follow the Chinese school year: T1 is the spring term
 * (February–August), T2 the autumn term (September–January; January belongs to the
 * previous year's T2).
 */
export function periodOf(date: Date, kind: PeriodKind): string {
  const year = date.getFullYear()
  const month = date.getMonth() + 1
  if (kind === 'year') return String(year)
  if (kind === 'month') return `${year}-${String(month).padStart(2, '0')}`
  if (month === 1) return `${year - 1}-T2`
  return month >= 9 ? `${year}-T2` : `${year}-T1`
}

import type { Severity } from './forms/types.js'
import type { HazardStatus } from './protocol.js'

/** 安全四级预警: blue (mildest), yellow, orange, red (gravest). */
export type WarningLevel = 'blue' | 'yellow' | 'orange' | 'red'

export const WARNING_LEVELS: readonly WarningLevel[] = ['blue', 'yellow', 'orange', 'red']

/** Where a hazard stands against its deadline: days left (0 = due today) or days past it. */
export type HazardTiming = { readonly kind: 'due'; readonly daysLeft: number } | { readonly kind: 'overdue'; readonly daysOverdue: number }

/** Overdue this long raises the level a second step: a month ignored is a failure of its own. */
export const LONG_OVERDUE_DAYS = 30

const DAY_MS = 86_400_000

function utcDay(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number)
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)
}

/** Calendar days from `today` to `deadline` (both YYYY-MM-DD), negative once past it. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((utcDay(deadline) - utcDay(today)) / DAY_MS)
}

export function hazardTiming(deadline: string, today: string): HazardTiming {
  const days = daysUntil(deadline, today)
  return days >= 0 ? { kind: 'due', daysLeft: days } : { kind: 'overdue', daysOverdue: -days }
}

const base: Record<Severity, number> = { low: 0, medium: 1, high: 2 }

/**
 * Severity × overdue → warning level:
 *
 * | severity        | within deadline | overdue | overdue > 30 days |
 * |-----------------|-----------------|---------|-------------------|
 * | low (一般)      | blue            | yellow  | orange            |
 * | medium (较大)   | yellow          | orange  | red               |
 * | high (重大)     | orange          | red     | red               |
 *
 * An open hazard is judged against its deadline; a rectified one waits for verification and is
 * judged by severity alone (the school has acted); a closed one has no level (null).
 */
export function warningLevel(
  hazard: { readonly severity: Severity; readonly deadline: string; readonly status: HazardStatus },
  today: string,
): WarningLevel | null {
  if (hazard.status === 'closed') return null
  let step = base[hazard.severity]
  if (hazard.status === 'open') {
    const timing = hazardTiming(hazard.deadline, today)
    if (timing.kind === 'overdue') step += timing.daysOverdue > LONG_OVERDUE_DAYS ? 2 : 1
  }
  return WARNING_LEVELS[Math.min(step, WARNING_LEVELS.length - 1)] ?? 'red'
}

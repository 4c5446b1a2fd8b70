import type { Severity } from './forms/types.js'
import type { HazardStatus } from './protocol.js'
import { LONG_OVERDUE_DAYS, warningLevel, type WarningLevel } from './warningLevel.js'

/** Where an open hazard's deadline stands: not yet past, past, or past by more than LONG_OVERDUE_DAYS. */
export type DeadlineBucket = 'due' | 'overdue' | 'long_overdue'

/** One set of hazards a query can select by columns alone: status, severity and a deadline range. */
export type LevelCondition = {
  readonly status: HazardStatus
  readonly severity: Severity
  /** Only for open hazards: the deadline range that puts them in the bucket. */
  readonly deadline?: { readonly from?: string; readonly before?: string }
}

const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high']
const DAY_MS = 86_400_000

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The first deadline that is no longer long overdue today: anything before it is. */
export function longOverdueBefore(today: string): string {
  return shiftDay(today, -LONG_OVERDUE_DAYS)
}

/** A deadline that lands in the bucket today (to judge a whole bucket by one hazard). */
export function deadlineIn(bucket: DeadlineBucket, today: string): string {
  if (bucket === 'due') return today
  return shiftDay(today, bucket === 'overdue' ? -1 : -(LONG_OVERDUE_DAYS + 1))
}

const ranges: Record<DeadlineBucket, (today: string) => { from?: string; before?: string }> = {
  due: (today) => ({ from: today }),
  overdue: (today) => ({ from: longOverdueBefore(today), before: today }),
  long_overdue: (today) => ({ before: longOverdueBefore(today) }),
}

/**
 * The hazards at a warning level today, as column conditions (a level depends on today, so it
 * cannot be stored): the board filters by level in the database instead of judging every row.
 */
export function levelConditions(level: WarningLevel, today: string): LevelCondition[] {
  const conditions: LevelCondition[] = []
  for (const severity of SEVERITIES) {
    for (const bucket of ['due', 'overdue', 'long_overdue'] as const) {
      if (warningLevel({ severity, status: 'open', deadline: deadlineIn(bucket, today) }, today) === level) {
        conditions.push({ status: 'open', severity, deadline: ranges[bucket](today) })
      }
    }
    if (warningLevel({ severity, status: 'rectified', deadline: today }, today) === level) conditions.push({ status: 'rectified', severity })
  }
  return conditions
}

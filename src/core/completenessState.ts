import type { CompletenessState } from './protocol.js'

export type StateInput = {
  /** When the first report for the period arrived (ISO instant), or null. */
  readonly firstReceivedAt: string | null
  /** The last on-time instant, or null when no due date applies. */
  readonly dueAt: string | null
  readonly now: Date
  /** Whether the school owes this report at all (a schedule's audience, or a deadline). */
  readonly applicable: boolean
}

/**
 * One school's state for one expected report. Timeliness is judged by the first report (a later
 * correction does not make an on-time school late); a school with no due date cannot be late and
 * is only "not due" until it reports; a school that does not owe the report is not applicable,
 * even if it filed one anyway.
 */
export function completenessState({ firstReceivedAt, dueAt, now, applicable }: StateInput): CompletenessState {
  if (!applicable) return 'not_applicable'
  if (firstReceivedAt !== null) return dueAt !== null && Date.parse(firstReceivedAt) > Date.parse(dueAt) ? 'late' : 'on_time'
  return dueAt !== null && now.getTime() > Date.parse(dueAt) ? 'missing' : 'not_due'
}

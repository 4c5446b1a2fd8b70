import type { PeriodKind } from './forms/types.js'
import type { CompletenessState } from './protocol.js'
import { isCyclePeriod } from './shanghaiCalendar.js'
import type { Text } from './text.js'

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

/**
 * Whether completeness can be asked for this period of a form: a survey only in its own kind of
 * period (it names it when filed), any other form in any real period — a check counts for the
 * month, week, term or year its completedAt falls in.
 */
export function periodFitsForm(period: string, formPeriod: PeriodKind | null | undefined): boolean {
  return formPeriod === null || formPeriod === undefined ? isCyclePeriod(period) : isCyclePeriod(period, formPeriod)
}

/** The completeness query's period as a route schema pattern: year, term, month or ISO week. */
export const PERIOD_PATTERN = '^\\d{4}(-T[12]|-(0[1-9]|1[0-2])|-W(0[1-9]|[1-4]\\d|5[0-3]))?$'

const kindLabels: Readonly<Record<PeriodKind, Text>> = { year: { zh: '年', en: 'year' }, term: { zh: '学期', en: 'term' }, month: { zh: '月', en: 'month' } }

/** What a refused period says: the form's own kind of period, or that the text is no period at all. */
export function periodMismatch(formPeriod: PeriodKind | null | undefined): Text {
  if (formPeriod === null || formPeriod === undefined) return { zh: '周期格式应为 2026、2026-T1、2026-05 或 2026-W19', en: 'A period is written 2026, 2026-T1, 2026-05 or 2026-W19' }
  const label = kindLabels[formPeriod]
  return { zh: `该表单按${label.zh}填报`, en: `This form is reported per ${label.en}` }
}

import { inAudience, type AudienceFilter } from './audience.js'
import { addDays } from 'date-fns'
import { isIsoDate } from './dates.js'
import { PLEDGE_SIGNING_FORM_ID } from './pledges.js'
import { isSchoolKind } from './schoolKinds.js'
import {
  cycleKindOf,
  dayOfFollowingMonth,
  daysAfterLastDay,
  dayStart,
  endOfDayInstant,
  isCyclePeriod,
  monthOfPeriod,
  periodBounds,
  periodsOverlapping,
  utcIso,
  type CycleKind,
} from './shanghaiCalendar.js'
import type { Text } from './text.js'

/**
 * What a school owes, as data (DESIGN.md "Ownership and scope"): a schedule names a form, how
 * often it is due, by when, and from whom. Like DHIS2's data-set assignment (period type +
 * org-unit groups) rather than SafetyCulture's RRULE: our cycles are the school calendar's
 * (学期 terms, "by the 5th of next month"), which an RRULE cannot say.
 */
export type Recurrence =
  | { readonly kind: 'once'; readonly period: string }
  | { readonly kind: 'weekly' | 'monthly'; readonly months?: MonthWindow }
  | { readonly kind: 'termly' | 'yearly' }

/** Months 1–12, both included; from > to wraps the year (November–February). */
export type MonthWindow = { readonly from: number; readonly to: number }

export type DueRule =
  /** Day N of the month after the period ends: 消防自查 "by the 5th of next month". */
  | { readonly kind: 'day_of_next_month'; readonly day: number }
  /** N days after the period's last day; 0 is the last day itself. */
  | { readonly kind: 'days_after_end'; readonly days: number }
  /** N days after the period's first day (0 is the first day): a yearly letter signed "by 31 March" is day 89. */
  | { readonly kind: 'days_after_start'; readonly days: number }
  /** An explicit calendar date, for a once-schedule. */
  | { readonly kind: 'date'; readonly date: string }

/** Who owes it: the same audience a notice or campaign names (core/audience.ts), its kinds checked on save. */
export type Audience = AudienceFilter

export type ScheduleRule = {
  readonly formId: string
  /** Pin a form version (a campaign's checklist); null: the form's active version. */
  readonly formVersion: number | null
  /** For the pledge-signing form: the pledge whose signature is owed — its id, or the family of yearly ids `<id>-<year>`; none: any pledge of the year. */
  readonly pledgeId?: string
  readonly recurrence: Recurrence
  readonly due: DueRule
  readonly audience: Audience
  /** Calendar days (YYYY-MM-DD) bounding the periods owed; null: open-ended. */
  readonly validFrom: string | null
  readonly validTo: string | null
}

/**
 * One saved version of a schedule. Versions are never overwritten: a period is judged by the
 * version in force when it closed, so an edit today does not rewrite last month's completeness.
 */
export type ScheduleVersion = ScheduleRule & {
  readonly scheduleId: string
  readonly version: number
  /** ISO instant the version was saved: in force from then until the next version. */
  readonly effectiveAt: string
  /** A retired schedule's last version: nothing is owed from it for periods closing later. */
  readonly retired: boolean
}

/** A school as it stood from `from` (ISO instant) until its next state; the first state's `from` is when it was added. */
export type SchoolState = { readonly from: string; readonly kind: string; readonly township: string | null }
export type ObligedSchool = { readonly id: string; readonly states: readonly SchoolState[] }

export type Obligation = {
  readonly schoolId: string
  readonly formId: string
  readonly formVersion: number | null
  readonly period: string
  /** ISO instants (UTC): the period's first instant and the last instant that is still on time. */
  readonly opensAt: string
  readonly dueAt: string
  /** The schedule, or the campaign, that asks for it. */
  readonly scheduleId: string
  readonly campaignId?: string
  readonly pledgeId?: string
}

export const CYCLE_OF: Readonly<Record<Exclude<Recurrence['kind'], 'once'>, CycleKind>> = { weekly: 'week', monthly: 'month', termly: 'term', yearly: 'year' }

/** The kind of period a rule runs on. */
export function cycleOf(recurrence: Recurrence): CycleKind | null {
  return recurrence.kind === 'once' ? cycleKindOf(recurrence.period) : CYCLE_OF[recurrence.kind]
}

export type ScheduleIssue = { readonly path: string; readonly message: Text }

const issue = (path: string, zh: string, en: string): ScheduleIssue => ({ path, message: { zh, en } })

function isWholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

/** What is wrong with a rule, for the editor and the server alike; [] when it can be saved. */
export function checkScheduleRule(rule: ScheduleRule, periodKindOfForm: CycleKind | null): ScheduleIssue[] {
  const issues: ScheduleIssue[] = []
  const { recurrence, due, audience } = rule
  const cycle = cycleOf(recurrence)
  if (recurrence.kind === 'once') {
    if (!isCyclePeriod(recurrence.period)) issues.push(issue('recurrence.period', '不是有效的周期（如 2026、2026-T1、2026-05、2026-W19）', 'is not a period (e.g. 2026, 2026-T1, 2026-05, 2026-W19)'))
  } else if (recurrence.kind === 'weekly' || recurrence.kind === 'monthly') {
    const window = recurrence.months
    if (window !== undefined && (!isWholeIn(window.from, 1, 12) || !isWholeIn(window.to, 1, 12))) issues.push(issue('recurrence.months', '月份范围须为 1–12 月', 'months must be 1 to 12'))
  }
  // A survey filed per term is owed per term: a schedule cannot ask for it monthly.
  if (periodKindOfForm !== null && cycle !== null && cycle !== periodKindOfForm) issues.push(issue('recurrence', '该表单按固定周期填报，频率须与之一致', 'this form is reported per its own period: the schedule must match it'))
  if (due.kind === 'day_of_next_month' && !isWholeIn(due.day, 1, 31)) issues.push(issue('due.day', '截止日须为 1–31 日', 'the due day must be 1 to 31'))
  if ((due.kind === 'days_after_end' || due.kind === 'days_after_start') && !isWholeIn(due.days, 0, 366)) issues.push(issue('due.days', '天数须为 0–366', 'days must be 0 to 366'))
  if (due.kind === 'date') {
    if (recurrence.kind !== 'once') issues.push(issue('due', '只有单次任务可指定具体截止日期', 'only a once-schedule takes an explicit due date'))
    else if (!isIsoDate(due.date)) issues.push(issue('due.date', '不是有效日期', 'is not a date'))
    else if (isCyclePeriod(recurrence.period) && dayStart(due.date).getTime() < periodBounds(recurrence.period).opensAt.getTime()) issues.push(issue('due.date', '截止日期早于周期开始', 'the due date is before the period starts'))
  }
  if (rule.pledgeId !== undefined && rule.formId !== PLEDGE_SIGNING_FORM_ID) issues.push(issue('pledgeId', '只有责任书签署可指定责任书', 'only the pledge-signing form names a pledge'))
  audience.kinds.forEach((kind, index) => {
    if (!isSchoolKind(kind)) issues.push(issue(`audience.kinds.${index}`, '未知的学校类型', 'unknown school kind'))
  })
  for (const [name, value] of [['validFrom', rule.validFrom], ['validTo', rule.validTo]] as const) {
    if (value !== null && !isIsoDate(value)) issues.push(issue(name, '不是有效日期', 'is not a date'))
  }
  if (rule.validFrom !== null && rule.validTo !== null && rule.validFrom > rule.validTo) issues.push(issue('validTo', '结束日期早于开始日期', 'ends before it starts'))
  return issues
}

const dueCache = new Map<string, number>()

/** The last on-time instant for a period under a due rule. */
export function dueAtFor(period: string, due: DueRule): Date {
  const key = `${period} ${due.kind} ${due.kind === 'date' ? due.date : due.kind === 'day_of_next_month' ? due.day : due.days}`
  let instant = dueCache.get(key)
  if (instant === undefined) {
    instant = computeDueAt(period, due).getTime()
    if (dueCache.size > 5000) dueCache.clear()
    dueCache.set(key, instant)
  }
  return new Date(instant)
}

function computeDueAt(period: string, due: DueRule): Date {
  const bounds = periodBounds(period)
  if (due.kind === 'date') return endOfDayInstant(dayStart(due.date))
  if (due.kind === 'days_after_end') return endOfDayInstant(daysAfterLastDay(bounds, due.days))
  if (due.kind === 'days_after_start') return endOfDayInstant(addDays(bounds.opensAt, due.days))
  return endOfDayInstant(dayOfFollowingMonth(daysAfterLastDay(bounds, 0), due.day))
}

function inWindow(period: string, window: MonthWindow | undefined): boolean {
  if (window === undefined) return true
  const month = monthOfPeriod(period)
  return window.from <= window.to ? month >= window.from && month <= window.to : month >= window.from || month <= window.to
}

/** The periods a rule asks for that overlap [from, to), before audience and history. */
export function periodsOfRule(rule: ScheduleRule, from: Date, to: Date): string[] {
  const { recurrence } = rule
  const cycle = cycleOf(recurrence)
  if (cycle === null) return []
  const candidates = recurrence.kind === 'once' ? [recurrence.period] : periodsOverlapping(cycle, from, to)
  const validFrom = rule.validFrom === null ? null : dayStart(rule.validFrom).getTime()
  const validTo = rule.validTo === null ? null : endOfDayInstant(dayStart(rule.validTo)).getTime()
  return candidates.filter((period) => {
    const { opensAt, closesAt } = periodBounds(period)
    if (opensAt.getTime() >= to.getTime() || closesAt.getTime() <= from.getTime()) return false
    if (recurrence.kind !== 'once' && 'months' in recurrence && !inWindow(period, recurrence.months)) return false
    if (validFrom !== null && closesAt.getTime() <= validFrom) return false
    if (validTo !== null && opensAt.getTime() > validTo) return false
    return true
  })
}

/** The item of a history (sorted by `at`, epoch ms) in force just before `closesAt`. */
function inForceBefore<T extends { readonly at: number }>(items: readonly T[], closesAt: number): T | undefined {
  let found: T | undefined
  for (const item of items) {
    if (item.at >= closesAt) break
    found = item
  }
  return found
}


export type ObligationQuery = {
  /** Every version of every schedule to consider, any order. */
  readonly schedules: readonly ScheduleVersion[]
  readonly schools: readonly ObligedSchool[]
  /** Periods overlapping [from, to) are owed. */
  readonly from: Date
  readonly to: Date
  /** Only this form's obligations (completeness asks for one form). */
  readonly formId?: string
  /** Only this period (completeness asks for one period). */
  readonly period?: string
  /** Only the (form, period) pairs this accepts (the overview asks for each schedule's current period). */
  readonly only?: (formId: string, period: string) => boolean
}

/**
 * The expected reports: one per (school, schedule, period). Everything is judged as things stood
 * when the period closed — the schedule's version then, the school's kind and township then, and
 * only schools that existed by then — so history never changes what a past period owed, and a
 * school or schedule added mid-period owes the current period.
 */
export function expectedObligations(query: ObligationQuery): Obligation[] {
  const versionsById = new Map<string, { at: number; version: ScheduleVersion }[]>()
  for (const version of query.schedules) {
    if (query.formId !== undefined && version.formId !== query.formId) continue
    versionsById.set(version.scheduleId, [...(versionsById.get(version.scheduleId) ?? []), { at: Date.parse(version.effectiveAt), version }])
  }
  // Parsed once: a district's year asks each school's history about every period.
  const schools = query.schools.map((school) => ({ id: school.id, states: school.states.map((state) => ({ at: Date.parse(state.from), state })).sort((a, b) => a.at - b.at) }))
  const obligations: Obligation[] = []
  for (const [scheduleId, unsorted] of versionsById) {
    const versions = unsorted.sort((a, b) => a.at - b.at)
    const periodsOf = new Map(versions.map(({ version }) => [version, new Set(periodsOfRule(version, query.from, query.to))]))
    const periods = new Set<string>()
    for (const owned of periodsOf.values()) for (const period of owned) periods.add(period)
    for (const period of periods) {
      if (query.period !== undefined && period !== query.period) continue
      if (query.only !== undefined && !query.only(versions[0]?.version.formId ?? '', period)) continue
      const { opensAt, closesAt } = periodBounds(period)
      // The newest version saved before the period closed (for the current and future periods: the newest).
      const version = inForceBefore(versions, closesAt.getTime())?.version
      if (version === undefined || version.retired || !periodsOf.get(version)?.has(period)) continue
      const dueAt = utcIso(dueAtFor(period, version.due))
      const opens = utcIso(opensAt)
      const pledge = version.pledgeId === undefined ? {} : { pledgeId: version.pledgeId }
      for (const school of schools) {
        const state = inForceBefore(school.states, closesAt.getTime())?.state
        if (state === undefined || !inAudience(version.audience, { id: school.id, kind: state.kind, township: state.township })) continue
        obligations.push({ schoolId: school.id, formId: version.formId, formVersion: version.formVersion, period, opensAt: opens, dueAt, scheduleId, ...pledge })
      }
    }
  }
  return obligations
}

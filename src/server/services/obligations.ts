import type { Kysely } from 'kysely'
import { completenessState } from '../../core/completenessState.js'
import type { CompletenessState } from '../../core/protocol.js'
import { expectedObligations, type Obligation } from '../../core/schedules.js'
import { cycleKindOf, periodBounds, utcIso } from '../../core/shanghaiCalendar.js'
import type { Text } from '../../core/text.js'
import type { Database } from '../db/schema.js'
import { firstReports, obligationKey, type ReportWhere } from './schedules/first-reports.js'
import { formFacts } from './schedules/form-facts.js'
import { loadScheduleVersions } from './schedules/schedule-versions.js'
import { schoolsWithStates, type ScopedSchool } from './schedules/school-states.js'
import { nextTurn } from './next-turn.js'

/** The id a deadline without a schedule behind it answers to, so callers can tell it apart. */
export const DEADLINE_SCHEDULE_PREFIX = 'deadline:'

export type ObligationRange = {
  readonly from: Date
  readonly to: Date
  readonly formId?: string
  readonly period?: string
  /** Only the (form, period) pairs this accepts. */
  readonly only?: (formId: string, period: string) => boolean
  /**
   * Once-obligations from elsewhere, e.g. a campaign's checklist (专项检查): the notice helper
   * stores a campaign as a once-schedule-like row and passes its (school, form, period, due)
   * here, so completeness and the to-do count it like any schedule's.
   */
  readonly extra?: readonly Obligation[]
}

/**
 * What the given schools owe in a range: their districts' schedules (core expectedObligations),
 * then each district's per-period deadlines (report_deadlines) — a deadline moves the due date of
 * what a schedule expects, and alone expects the district's every school for that period, as it
 * did before schedules existed — then any extra once-obligations for these schools.
 */
const SCHOOLS_PER_TURN = 200

export async function obligationsForSchools(db: Kysely<Database>, schools: readonly ScopedSchool[], range: ObligationRange): Promise<Obligation[]> {
  const districtIds = [...new Set(schools.map((school) => school.districtId))]
  const versions = await loadScheduleVersions(db, { districtIds, ...(range.formId === undefined ? {} : { formId: range.formId }) })
  const obligations: Obligation[] = []
  for (const districtId of districtIds) {
    const members = schools.filter((school) => school.districtId === districtId)
    const own = versions.filter((version) => version.districtId === districtId)
    // A city's schools a slice at a time, with a turn of the event loop between slices: the
    // expansion is pure and synchronous, and a county-wide overview must not hold up other requests.
    for (let start = 0; start < members.length; start += SCHOOLS_PER_TURN) {
      if (start > 0) await nextTurn()
      const slice = members.slice(start, start + SCHOOLS_PER_TURN)
      obligations.push(...expectedObligations({ schedules: own, schools: slice, from: range.from, to: range.to, ...(range.formId === undefined ? {} : { formId: range.formId }), ...(range.period === undefined ? {} : { period: range.period }), ...(range.only === undefined ? {} : { only: range.only }) }))
    }
  }
  const withDeadlines = await applyDeadlines(db, schools, districtIds, obligations, range)
  const ids = new Set(schools.map((school) => school.id))
  for (const extra of range.extra ?? []) {
    if (!ids.has(extra.schoolId)) continue
    if ((range.formId !== undefined && extra.formId !== range.formId) || (range.period !== undefined && extra.period !== range.period)) continue
    withDeadlines.push(extra)
  }
  return withDeadlines
}

async function applyDeadlines(db: Kysely<Database>, schools: readonly ScopedSchool[], districtIds: readonly string[], obligations: Obligation[], range: ObligationRange): Promise<Obligation[]> {
  if (districtIds.length === 0) return obligations
  let query = db.selectFrom('report_deadlines').select(['district_id', 'form_id', 'period', 'due_at']).where('district_id', 'in', districtIds)
  if (range.formId !== undefined) query = query.where('form_id', '=', range.formId)
  if (range.period !== undefined) query = query.where('period', '=', range.period)
  const deadlines = await query.execute()
  if (deadlines.length === 0) return obligations
  const districtOf = new Map(schools.map((school) => [school.id, school.districtId]))
  const due = new Map(deadlines.map((row) => [`${row.district_id} ${row.form_id} ${row.period}`, row.due_at]))
  const moved = obligations.map((o) => {
    const dueAt = due.get(`${districtOf.get(o.schoolId) ?? ''} ${o.formId} ${o.period}`)
    return dueAt === undefined ? o : { ...o, dueAt: utcIso(new Date(dueAt)) }
  })
  const covered = new Set(moved.map((o) => `${districtOf.get(o.schoolId) ?? ''} ${o.formId} ${o.period}`))
  for (const row of deadlines) {
    const key = `${row.district_id} ${row.form_id} ${row.period}`
    if (covered.has(key) || cycleKindOf(row.period) === null) continue
    const { opensAt, closesAt } = periodBounds(row.period)
    if (opensAt.getTime() >= range.to.getTime() || closesAt.getTime() <= range.from.getTime()) continue
    for (const school of schools) {
      // Only schools that existed by the period's end, as for schedules.
      if (school.districtId !== row.district_id || !school.states.some((state) => Date.parse(state.from) < closesAt.getTime())) continue
      moved.push({ schoolId: school.id, formId: row.form_id, formVersion: null, period: row.period, opensAt: utcIso(opensAt), dueAt: utcIso(new Date(row.due_at)), scheduleId: `${DEADLINE_SCHEDULE_PREFIX}${row.form_id}/${row.period}` })
    }
  }
  return moved
}

/** An obligation with what the school has filed for it. */
export type ObligationStatus = Obligation & {
  readonly title: Text
  readonly state: CompletenessState
  readonly firstReceivedAt: string | null
  readonly currentSubmissionId: string | null
  readonly reports: number
  readonly correctedAt: string | null
}

/** Judges each obligation against the reports that answer it. */
export async function withStates(db: Kysely<Database>, obligations: readonly Obligation[], where: ReportWhere, now: Date): Promise<ObligationStatus[]> {
  const forms = await formFacts(db, obligations.map((o) => o.formId))
  const reported = await firstReports(db, obligations, forms, where)
  return obligations.map((o) => {
    const report = reported.get(obligationKey(o))
    const corrected = (report?.count ?? 0) > 1
    return {
      ...o,
      title: forms.get(o.formId)?.title ?? { zh: o.formId, en: o.formId },
      state: completenessState({ firstReceivedAt: report?.first ?? null, dueAt: o.dueAt, now, applicable: true }),
      firstReceivedAt: report?.first ?? null,
      currentSubmissionId: report?.current ?? null,
      reports: report?.count ?? 0,
      correctedAt: corrected && report ? report.currentAt : null,
    }
  })
}

/** How far back a school's obligations stay on its to-do: a term's overdue report survives the next term's first months. */
export const RECENT_DAYS = 120

/**
 * A school's current and recent obligations with their state, soonest due first: every period
 * that has opened by `now` and overlaps the last RECENT_DAYS days. The to-do's report source and
 * the reminders read this; `extra` adds campaign once-obligations.
 */
export async function obligationsOfSchool(db: Kysely<Database>, schoolId: string, now: Date, extra: readonly Obligation[] = []): Promise<ObligationStatus[]> {
  const schools = await schoolsWithStates(db, { kind: 'school', schoolId })
  if (schools.length === 0) return []
  const from = new Date(now.getTime() - RECENT_DAYS * 86_400_000)
  const to = new Date(now.getTime() + 1)
  const owed = (await obligationsForSchools(db, schools, { from, to, extra })).filter((o) => Date.parse(o.opensAt) <= now.getTime())
  // Two schedules asking for the same report: the earlier due date is the one the school must meet.
  const unique = new Map<string, Obligation>()
  for (const o of [...owed].sort((a, b) => a.dueAt.localeCompare(b.dueAt))) if (!unique.has(obligationKey(o))) unique.set(obligationKey(o), o)
  const judged = await withStates(db, [...unique.values()], { kind: 'school', schoolId }, now)
  return judged.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.formId.localeCompare(b.formId))
}

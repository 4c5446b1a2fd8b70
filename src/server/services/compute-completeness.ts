import type { Kysely } from 'kysely'
import { completenessState } from '../../core/completenessState.js'
import type { CompletenessResponse, CompletenessRow, CompletenessState } from '../../core/protocol.js'
import type { Obligation } from '../../core/schedules.js'
import { periodBounds, utcIso } from '../../core/shanghaiCalendar.js'
import type { ReadScope } from '../auth/scope.js'
import type { Database } from '../db/schema.js'
import { obligationsForSchools } from './obligations.js'
import { firstReports, obligationKey, type Reported, type ReportWhere } from './schedules/first-reports.js'
import { formFacts } from './schedules/form-facts.js'
import { schoolsWithStates, type ScopedSchool } from './schedules/school-states.js'

export type CompletenessQuery = {
  readonly scope: ReadScope
  readonly formId: string
  readonly period: string
  readonly now: Date
  /** Campaign once-obligations to count beside the schedules' (see obligationsForSchools). */
  readonly extra?: readonly Obligation[]
}

/** The schools a completeness report lists, with their kind history; the overview loads them once for all its forms. */
export const schoolsOfScope = schoolsWithStates

/** A school owing one report twice (two schedules, two pledges in a year) is as far behind as its worst. */
const severity: Record<CompletenessState, number> = { missing: 0, late: 1, not_due: 2, on_time: 3, not_applicable: 4 }

export function reportsWhere(scope: ReadScope, schools: readonly ScopedSchool[]): ReportWhere {
  return scope.kind === 'school' ? { kind: 'school', schoolId: scope.schoolId } : { kind: 'districts', districtIds: [...new Set(schools.map((school) => school.districtId))] }
}

/**
 * Every school in scope against what it owes for one form and period: on time, late, missing or
 * not yet due where a schedule (or a deadline) expects the report, not applicable where none
 * does — a kindergarten is not missing the physical-health report it never owed. The same
 * model for every kind of form (first-reports.ts says how each kind's reports meet a period).
 */
export async function computeCompleteness(db: Kysely<Database>, query: CompletenessQuery, loaded?: readonly ScopedSchool[]): Promise<CompletenessResponse> {
  const { formId, period, now } = query
  const schools = loaded ?? (await schoolsWithStates(db, query.scope))
  if (schools.length === 0) return summarise(formId, period, [])
  const { opensAt, closesAt } = periodBounds(period)
  const owed = await obligationsForSchools(db, schools, { from: opensAt, to: closesAt, formId, period, ...(query.extra === undefined ? {} : { extra: query.extra }) })
  const probes = probesFor(schools, owed, formId, period)
  const reported = await firstReports(db, [...owed, ...probes], await formFacts(db, [formId]), reportsWhere(query.scope, schools))
  return completenessFrom(schools, owed, reported, { formId, period, now })
}

/**
 * Schools that owe nothing for the form and period are still looked up, so a report filed anyway
 * shows beside "not applicable".
 */
export function probesFor(schools: readonly ScopedSchool[], owed: readonly Obligation[], formId: string, period: string): Obligation[] {
  const owing = new Set(owed.filter((o) => o.formId === formId && o.period === period).map((o) => o.schoolId))
  const { opensAt, closesAt } = periodBounds(period)
  return schools.filter((school) => !owing.has(school.id)).map((school) => ({ schoolId: school.id, formId, formVersion: null, period, opensAt: utcIso(opensAt), dueAt: utcIso(closesAt), scheduleId: '' }))
}

/** The rows and totals for one form and period, from what is owed and what was reported (loaded once by the overview for all its forms). */
export function completenessFrom(schools: readonly ScopedSchool[], owed: readonly Obligation[], reported: ReadonlyMap<string, Reported>, at: { formId: string; period: string; now: Date }): CompletenessResponse {
  const { formId, period, now } = at
  const owedBySchool = new Map<string, Obligation[]>()
  for (const o of owed) if (o.formId === formId && o.period === period) owedBySchool.set(o.schoolId, [...(owedBySchool.get(o.schoolId) ?? []), o])
  const rows = schools.map((school): CompletenessRow => {
    const judged = (owedBySchool.get(school.id) ?? []).map((o) => {
      const report = reported.get(obligationKey(o))
      return { o, report, state: completenessState({ firstReceivedAt: report?.first ?? null, dueAt: o.dueAt, now, applicable: true }) }
    })
    judged.sort((a, b) => severity[a.state] - severity[b.state] || a.o.dueAt.localeCompare(b.o.dueAt))
    const worst = judged[0]
    const report: Reported | undefined = worst ? worst.report : reported.get(obligationKey({ schoolId: school.id, formId, period }))
    const corrected = (report?.count ?? 0) > 1
    return {
      schoolId: school.id,
      schoolName: school.name,
      state: worst?.state ?? 'not_applicable',
      dueAt: worst?.o.dueAt ?? null,
      scheduleId: worst?.o.scheduleId ?? null,
      firstReceivedAt: report?.first ?? null,
      currentSubmissionId: report?.current ?? null,
      corrected,
      correctedAt: corrected && report ? report.currentAt : null,
      reports: report?.count ?? 0,
    }
  })
  return summarise(formId, period, rows)
}

function summarise(formId: string, period: string, schools: CompletenessRow[]): CompletenessResponse {
  const count = (state: CompletenessState): number => schools.filter((row) => row.state === state).length
  return {
    formId,
    period,
    schools,
    totals: {
      on_time: count('on_time'),
      late: count('late'),
      missing: count('missing'),
      not_due: count('not_due'),
      not_applicable: count('not_applicable'),
      corrected: schools.filter((row) => row.corrected).length,
    },
  }
}

import type { Kysely } from 'kysely'
import type { CompletenessResponse, CompletenessRow, CompletenessState } from '../../core/protocol.js'
import type { ReadScope } from '../auth/scope.js'
import type { Database } from '../db/schema.js'

export type CompletenessQuery = {
  readonly scope: ReadScope
  readonly formId: string
  readonly period: string
  readonly now: Date
}

type Reported = { first: string; current: string; currentAt: string; count: number }

/**
 * On time, late, missing or not yet due, per school in scope. Timeliness is judged by the first
 * report for the period (a later correction does not make an on-time school late); a school with
 * no deadline set cannot be late, and is only "not due" until it reports.
 */
export function stateOf(firstReceivedAt: string | null, dueAt: string | null, now: Date): CompletenessState {
  if (firstReceivedAt !== null) return dueAt !== null && firstReceivedAt > dueAt ? 'late' : 'on_time'
  return dueAt !== null && now.toISOString() > dueAt ? 'missing' : 'not_due'
}

export type ScopeSchool = { readonly id: string; readonly name: string; readonly district_id: string }

/** The schools a completeness report lists, by id; the overview loads them once for all its forms. */
export async function schoolsOfScope(db: Kysely<Database>, scope: ReadScope): Promise<ScopeSchool[]> {
  if (scope.kind === 'none') return []
  let query = db.selectFrom('schools').select(['id', 'name', 'district_id']).orderBy('id')
  if (scope.kind === 'district') query = query.where('district_id', '=', scope.districtId)
  if (scope.kind === 'school') query = query.where('id', '=', scope.schoolId)
  return query.execute()
}

/**
 * Each school's reports for the form and period, oldest first: the district by the column copied
 * onto every submission (never a list of its school ids as parameters), read from the index
 * (form_id, period, district_id, received_at, id, school_id) in its own order (migration 0011).
 */
async function reportsBySchool(db: Kysely<Database>, scope: ReadScope, formId: string, period: string): Promise<Map<string, Reported>> {
  let query = db
    .selectFrom('submissions')
    .select(['id', 'school_id', 'received_at'])
    .where('form_id', '=', formId)
    .where('period', '=', period)
  if (scope.kind === 'district') query = query.where('district_id', '=', scope.districtId)
  if (scope.kind === 'school') query = query.where('school_id', '=', scope.schoolId)
  const rows = await query.orderBy('received_at').orderBy('id').execute()
  const reported = new Map<string, Reported>()
  for (const row of rows) {
    const prior = reported.get(row.school_id)
    reported.set(row.school_id, {
      first: prior?.first ?? row.received_at,
      current: row.id,
      currentAt: row.received_at,
      count: (prior?.count ?? 0) + 1,
    })
  }
  return reported
}

export async function computeCompleteness(db: Kysely<Database>, query: CompletenessQuery, loaded?: readonly ScopeSchool[]): Promise<CompletenessResponse> {
  const { formId, period, now } = query
  const schools = loaded ?? (await schoolsOfScope(db, query.scope))
  if (schools.length === 0) return summarise(formId, period, [])
  const deadlines = await db
    .selectFrom('report_deadlines')
    .select(['district_id', 'due_at'])
    .where('form_id', '=', formId)
    .where('period', '=', period)
    .execute()
  const dueByDistrict = new Map(deadlines.map((row) => [row.district_id, row.due_at]))
  const reported = await reportsBySchool(db, query.scope, formId, period)
  const rows = schools.map((school): CompletenessRow => {
    const report = reported.get(school.id)
    const dueAt = dueByDistrict.get(school.district_id) ?? null
    const corrected = (report?.count ?? 0) > 1
    return {
      schoolId: school.id,
      schoolName: school.name,
      state: stateOf(report?.first ?? null, dueAt, now),
      dueAt,
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
      corrected: schools.filter((row) => row.corrected).length,
    },
  }
}

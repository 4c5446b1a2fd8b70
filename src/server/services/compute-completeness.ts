import type { Kysely } from 'kysely'
import type { CompletenessResponse, CompletenessRow, CompletenessState } from '../../core/protocol.js'
import type { Database } from '../db/schema.js'

export type CompletenessQuery = {
  readonly schoolIds: readonly string[] | 'all'
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

async function reportsBySchool(db: Kysely<Database>, formId: string, period: string, schoolIds: readonly string[]): Promise<Map<string, Reported>> {
  const rows = await db
    .selectFrom('submissions')
    .select(['id', 'school_id', 'received_at'])
    .where('form_id', '=', formId)
    .where('period', '=', period)
    .where('school_id', 'in', [...schoolIds])
    .orderBy('received_at')
    .orderBy('id')
    .execute()
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

export async function computeCompleteness(db: Kysely<Database>, query: CompletenessQuery): Promise<CompletenessResponse> {
  const { formId, period, now } = query
  let schoolsQuery = db.selectFrom('schools').select(['id', 'name', 'district_id']).orderBy('id')
  if (query.schoolIds !== 'all') {
    if (query.schoolIds.length === 0) return summarise(formId, period, [])
    schoolsQuery = schoolsQuery.where('id', 'in', [...query.schoolIds])
  }
  const schools = await schoolsQuery.execute()
  if (schools.length === 0) return summarise(formId, period, [])
  const deadlines = await db
    .selectFrom('report_deadlines')
    .select(['district_id', 'due_at'])
    .where('form_id', '=', formId)
    .where('period', '=', period)
    .execute()
  const dueByDistrict = new Map(deadlines.map((row) => [row.district_id, row.due_at]))
  const reported = await reportsBySchool(db, formId, period, schools.map((school) => school.id))
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

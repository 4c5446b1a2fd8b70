import type { Kysely } from 'kysely'
import type { Severity } from '../../core/forms/types.js'
import type { Hazard, HazardStatus } from '../../core/protocol.js'
import type { Database } from '../db/schema.js'

export type HazardFilter = {
  readonly schoolIds: readonly string[] | 'all'
  readonly status?: HazardStatus
}

const MAX_HAZARDS = 1000

/** Hazards in scope, soonest deadline first: what needs doing comes to the top. */
export async function listHazards(db: Kysely<Database>, filter: HazardFilter): Promise<Hazard[]> {
  if (filter.schoolIds !== 'all' && filter.schoolIds.length === 0) return []
  let query = db
    .selectFrom('hazards')
    .selectAll()
    .orderBy('deadline', 'asc')
    .orderBy('id', 'asc')
    .limit(MAX_HAZARDS)
  if (filter.schoolIds !== 'all') query = query.where('school_id', 'in', [...filter.schoolIds])
  if (filter.status !== undefined) query = query.where('status', '=', filter.status)
  const rows = await query.execute()
  return rows.map((row) => ({
    id: row.id,
    schoolId: row.school_id,
    submissionId: row.submission_id,
    formId: row.form_id,
    fieldId: row.field_id,
    description: row.description,
    severity: row.severity as Severity,
    deadline: row.deadline,
    status: row.status as HazardStatus,
    createdAt: row.created_at,
  }))
}

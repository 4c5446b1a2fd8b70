import type { Kysely, Selectable } from 'kysely'
import type { Severity } from '../../core/forms/types.js'
import type { Hazard, HazardEvent, HazardStatus } from '../../core/protocol.js'
import type { Database, HazardsTable } from '../db/schema.js'
import { eventsFor } from './hazard-events.js'

export type HazardFilter = {
  readonly schoolIds: readonly string[] | 'all'
  readonly status?: HazardStatus
}

const MAX_HAZARDS = 1000

function toHazard(row: Selectable<HazardsTable>, history: readonly HazardEvent[]): Hazard {
  return {
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
    responsible: row.responsible,
    photos: JSON.parse(row.photos) as string[],
    updatedAt: row.updated_at ?? row.created_at,
    history,
  }
}

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
  const history = await eventsFor(db, rows.map((row) => row.id))
  return rows.map((row) => toHazard(row, history.get(row.id) ?? []))
}

/** One hazard with its history, or undefined. Scope is the caller's to check. */
export async function findHazard(db: Kysely<Database>, id: string): Promise<Hazard | undefined> {
  const row = await db.selectFrom('hazards').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const history = await eventsFor(db, [row.id])
  return toHazard(row, history.get(row.id) ?? [])
}

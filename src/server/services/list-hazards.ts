import type { Kysely, Selectable } from 'kysely'
import type { Severity } from '../../core/forms/types.js'
import type { Hazard, HazardEvent, HazardStatus, HazardsPage } from '../../core/protocol.js'
import type { ReadScope } from '../auth/scope.js'
import type { Database, HazardsTable } from '../db/schema.js'
import { eventsFor } from './hazard-events.js'
import { decodeCursor, encodeCursor } from './paging-cursor.js'

export type HazardFilter = {
  readonly scope: ReadScope
  readonly status?: HazardStatus
  readonly cursor?: string
  readonly limit: number
}

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

/**
 * Hazards in scope, soonest deadline first (what needs doing comes to the top), a page at a time:
 * a page ends where the limit does and says so with a cursor, never by dropping rows.
 */
export async function listHazards(db: Kysely<Database>, filter: HazardFilter): Promise<HazardsPage> {
  const { scope, status, cursor, limit } = filter
  if (scope.kind === 'none') return { hazards: [], nextCursor: null }
  let query = db.selectFrom('hazards').selectAll().orderBy('deadline', 'asc').orderBy('id', 'asc').limit(limit + 1)
  if (scope.kind === 'school') query = query.where('school_id', '=', scope.schoolId)
  if (scope.kind === 'district') query = query.where('district_id', '=', scope.districtId)
  if (status !== undefined) query = query.where('status', '=', status)
  if (cursor !== undefined) {
    const after = decodeCursor(cursor)
    // A row-value comparison: one index range, not a walk over the earlier pages.
    query = query.where((eb) => eb(eb.refTuple('deadline', 'id'), '>', eb.tuple(after.key, after.id)))
  }
  const rows = await query.execute()
  const page = rows.slice(0, limit)
  const history = await eventsFor(db, page.map((row) => row.id))
  const last = page.at(-1)
  return {
    hazards: page.map((row) => toHazard(row, history.get(row.id) ?? [])),
    nextCursor: rows.length > limit && last ? encodeCursor(last.deadline, last.id) : null,
  }
}

/** One hazard with its history, or undefined. Scope is the caller's to check. */
export async function findHazard(db: Kysely<Database>, id: string): Promise<Hazard | undefined> {
  const row = await db.selectFrom('hazards').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const history = await eventsFor(db, [row.id])
  return toHazard(row, history.get(row.id) ?? [])
}

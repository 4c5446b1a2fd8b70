import type { Kysely } from 'kysely'
import type { HazardEvent, HazardEventKind } from '../../core/protocol.js'
import type { Database } from '../db/schema.js'

export type NewHazardEvent = {
  readonly id: string
  readonly hazardId: string
  readonly kind: HazardEventKind
  readonly at: string
  readonly userId: string
  readonly submissionId?: string
  readonly note?: string
  readonly photos?: readonly string[]
  readonly deadline?: string
}

/** Appends history rows; called inside the transaction that changes the hazard. */
export async function addHazardEvents(db: Kysely<Database>, events: readonly NewHazardEvent[]): Promise<void> {
  if (events.length === 0) return
  await db
    .insertInto('hazard_events')
    .values(
      events.map((event) => ({
        id: event.id,
        hazard_id: event.hazardId,
        kind: event.kind,
        at: event.at,
        user_id: event.userId,
        submission_id: event.submissionId ?? null,
        note: event.note ?? null,
        photos: JSON.stringify(event.photos ?? []),
        deadline: event.deadline ?? null,
      })),
    )
    .execute()
}

// Keeps each IN list well under SQLite's and PostgreSQL's parameter limits.
const CHUNK = 500

/** The history of each hazard, oldest first, with the name of whoever acted. */
export async function eventsFor(db: Kysely<Database>, hazardIds: readonly string[]): Promise<Map<string, HazardEvent[]>> {
  const byHazard = new Map<string, HazardEvent[]>()
  for (let start = 0; start < hazardIds.length; start += CHUNK) {
    const rows = await db
      .selectFrom('hazard_events')
      .innerJoin('users', 'users.id', 'hazard_events.user_id')
      .select([
        'hazard_events.id', 'hazard_events.hazard_id', 'hazard_events.kind', 'hazard_events.at', 'hazard_events.user_id',
        'hazard_events.submission_id', 'hazard_events.note', 'hazard_events.photos', 'hazard_events.deadline', 'users.display_name',
      ])
      .where('hazard_events.hazard_id', 'in', hazardIds.slice(start, start + CHUNK))
      .orderBy('hazard_events.at', 'asc')
      .orderBy('hazard_events.id', 'asc')
      .execute()
    for (const row of rows) {
      const list = byHazard.get(row.hazard_id) ?? []
      list.push({
        id: row.id,
        kind: row.kind as HazardEventKind,
        at: row.at,
        userId: row.user_id,
        userName: row.display_name,
        submissionId: row.submission_id,
        note: row.note,
        photos: JSON.parse(row.photos) as string[],
        deadline: row.deadline,
      })
      byHazard.set(row.hazard_id, list)
    }
  }
  return byHazard
}

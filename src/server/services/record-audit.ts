import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { AuditEntry, AuditPage, User } from '../../core/protocol.js'
import type { AuditLogTable, Database } from '../db/schema.js'

/** Actions written by the server itself; features add their own names (e.g. hazard_verified). */
export type AuditAction = 'sign_in' | 'sign_in_failed' | 'sign_out' | (string & {})

export type AuditInput = {
  readonly action: AuditAction
  readonly at: Date
  /** Who did it; null for an attempt by someone not signed in. */
  readonly actor?: User | null
  /** For sign-in attempts: the name typed, lower-cased. */
  readonly username?: string | null
  /** The school the action concerns; its district makes the entry visible to that bureau. */
  readonly schoolId?: string | null
  /** Overrides the district otherwise taken from schoolId or the actor. */
  readonly districtId?: string | null
  /** The thing acted on, e.g. a hazard id. */
  readonly subjectId?: string | null
  readonly ip?: string | null
  readonly details?: Readonly<Record<string, unknown>>
}

async function districtOf(db: Kysely<Database>, input: AuditInput): Promise<string | null> {
  if (input.districtId !== undefined) return input.districtId
  const schoolId = input.schoolId ?? input.actor?.schoolId ?? null
  if (schoolId !== null) {
    const school = await db.selectFrom('schools').select('district_id').where('id', '=', schoolId).executeTakeFirst()
    if (school) return school.district_id
  }
  return input.actor?.districtId ?? null
}

/**
 * Appends one line to the audit log. Pass the transaction (`trx`) of the action itself when
 * there is one, so the line exists exactly when the action does.
 */
export async function recordAudit(db: Kysely<Database>, input: AuditInput): Promise<string> {
  const id = uuidv7()
  await db
    .insertInto('audit_log')
    .values({
      id,
      at: input.at.toISOString(),
      action: input.action,
      actor_id: input.actor?.id ?? null,
      actor_role: input.actor?.role ?? null,
      username: input.username ?? input.actor?.username ?? null,
      district_id: await districtOf(db, input),
      school_id: input.schoolId ?? input.actor?.schoolId ?? null,
      subject_id: input.subjectId ?? null,
      ip: input.ip ?? null,
      details: JSON.stringify(input.details ?? {}),
    })
    .execute()
  return id
}

function toEntry(row: AuditLogTable): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    username: row.username,
    districtId: row.district_id,
    schoolId: row.school_id,
    subjectId: row.subject_id,
    ip: row.ip,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }
}

export type AuditFilter = {
  /** 'all' for an admin; a bureau sees its own district only. */
  readonly districtId: string | 'all'
  readonly action?: string
  readonly before?: string
  readonly limit: number
}

/** Newest first, paged by id (UUID v7 sorts by time). */
export async function listAudit(db: Kysely<Database>, filter: AuditFilter): Promise<AuditPage> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit + 1)
  if (filter.districtId !== 'all') query = query.where('district_id', '=', filter.districtId)
  if (filter.action !== undefined) query = query.where('action', '=', filter.action)
  if (filter.before !== undefined) query = query.where('id', '<', filter.before)
  const rows = await query.execute()
  const page = rows.slice(0, filter.limit)
  const last = page[page.length - 1]
  return { entries: page.map(toEntry), nextCursor: rows.length > filter.limit && last ? last.id : null }
}

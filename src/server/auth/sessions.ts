import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Role, User } from '../../core/protocol.js'
import type { Database } from '../db/schema.js'

const DAY_MS = 24 * 60 * 60 * 1000

export type Session = { readonly token: string; readonly expiresAt: string }

/** Only the hash is stored: whoever reads the database cannot sign in with what is there. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function createSession(db: Kysely<Database>, userId: string, days: number, now: Date): Promise<Session> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + days * DAY_MS).toISOString()
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null })
    .execute()
  return { token, expiresAt }
}

/** The signed-in user behind a token, or undefined when it is unknown, expired, revoked or the user is disabled. */
export async function userForToken(db: Kysely<Database>, token: string, now: Date): Promise<User | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.school_id', 'users.district_id'])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now.toISOString())
    .where('users.disabled', '=', 0)
    .executeTakeFirst()
  return row && toUser(row)
}

export async function revokeSession(db: Kysely<Database>, token: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .execute()
}

type UserRow = {
  id: string
  username: string
  display_name: string
  role: Role
  school_id: string | null
  district_id: string | null
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    schoolId: row.school_id,
    districtId: row.district_id,
  }
}

import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Database } from '../db/schema.js'
import { hashToken } from './sessions.js'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The device a sign-in attempt comes from, when the token it sent was issued to this very
 * account by an earlier successful sign-in and has not expired. Anything else (no token, a
 * made-up one, another account's) is an unknown device: it proves nothing.
 */
export async function findKnownDevice(
  db: Kysely<Database>,
  username: string,
  token: string | undefined,
  now: Date,
): Promise<string | null> {
  if (token === undefined) return null
  const row = await db
    .selectFrom('login_devices')
    .innerJoin('users', 'users.id', 'login_devices.user_id')
    .select('login_devices.id')
    .where('login_devices.token_hash', '=', hashToken(token))
    .where('users.username', '=', username)
    .where('login_devices.expires_at', '>', now.toISOString())
    .executeTakeFirst()
  return row?.id ?? null
}

export type RememberedDevice = { readonly id: string; readonly token: string }

/**
 * After a successful sign-in: a known device keeps its token (its life starts over), an
 * unknown one gets a new token to send next time. Only the token's hash is stored.
 */
export async function rememberDevice(
  db: Kysely<Database>,
  userId: string,
  known: { readonly id: string; readonly token: string } | null,
  days: number,
  now: Date,
): Promise<RememberedDevice> {
  const at = now.toISOString()
  const expiresAt = new Date(now.getTime() + days * DAY_MS).toISOString()
  if (known !== null) {
    await db.updateTable('login_devices').set({ last_used_at: at, expires_at: expiresAt }).where('id', '=', known.id).execute()
    return known
  }
  const device = { id: uuidv7(), token: randomBytes(32).toString('base64url') }
  await db
    .insertInto('login_devices')
    .values({ id: device.id, user_id: userId, token_hash: hashToken(device.token), created_at: at, last_used_at: at, expires_at: expiresAt })
    .execute()
  return device
}

/** A password reset starts over: no device known before it vouches for the account after it. */
export async function forgetDevices(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('login_devices').where('user_id', '=', userId).execute()
}

import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'

export type LoginLimits = {
  /** Failed sign-ins for one user name within the window before it is refused. */
  readonly perAccount: number
  /** Failed sign-ins from one address within the window: higher, a school shares one NAT address. */
  readonly perAddress: number
  readonly windowMinutes: number
}

export type LoginBlock = { readonly scope: 'account' | 'address'; readonly retryAfterSeconds: number }

/**
 * When the `limit`-th newest failure since `since` ages out of the window, fewer than `limit`
 * remain and sign-in opens again; no such failure means the key is not blocked.
 */
async function blockedUntil(
  db: Kysely<Database>,
  column: 'username' | 'ip',
  value: string,
  limit: number,
  since: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .select('at')
    .where(column, '=', value)
    .where('action', '=', 'sign_in_failed')
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(1)
    .offset(limit - 1)
    .executeTakeFirst()
  return row?.at
}

/**
 * Whether a sign-in must be refused before the password is even checked. The failures are the
 * audit log's `sign_in_failed` lines, so every server instance on the same database sees the
 * same counts. A successful sign-in clears the account's count (not the address's).
 */
export async function loginBlock(
  db: Kysely<Database>,
  attempt: { readonly username: string; readonly ip: string },
  limits: LoginLimits,
  now: Date,
): Promise<LoginBlock | null> {
  const windowMs = limits.windowMinutes * 60_000
  const cutoff = new Date(now.getTime() - windowMs).toISOString()
  const retryAfter = (oldest: string) => Math.max(1, Math.ceil((Date.parse(oldest) + windowMs - now.getTime()) / 1000))

  const lastSuccess = await db
    .selectFrom('audit_log')
    .select('at')
    .where('username', '=', attempt.username)
    .where('action', '=', 'sign_in')
    .where('at', '>', cutoff)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst()
  const accountSince = lastSuccess && lastSuccess.at > cutoff ? lastSuccess.at : cutoff
  const account = await blockedUntil(db, 'username', attempt.username, limits.perAccount, accountSince)
  if (account !== undefined) return { scope: 'account', retryAfterSeconds: retryAfter(account) }
  const address = await blockedUntil(db, 'ip', attempt.ip, limits.perAddress, cutoff)
  if (address !== undefined) return { scope: 'address', retryAfterSeconds: retryAfter(address) }
  return null
}

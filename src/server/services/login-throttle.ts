import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { loginDelaySeconds } from '../../core/loginDelay.js'
import type { Text } from '../../core/text.js'
import type { Database, LoginEventsTable } from '../db/schema.js'

export type LoginLimits = {
  /** Failed sign-ins for one user name within the window before new devices are refused. */
  readonly perAccount: number
  /** Failed sign-ins from one address within the window: a flood guard, higher, a school shares one NAT address. */
  readonly perAddress: number
  readonly windowMinutes: number
  /** Failures from one account-and-address (or known device) before each next one costs a doubling wait. */
  readonly freeFailures: number
  readonly firstDelaySeconds: number
}

export type LoginBlock = { readonly scope: 'delay' | 'account' | 'address'; readonly retryAfterSeconds: number }

export type LoginAttempt = {
  readonly username: string
  readonly ip: string
  /** A device that signed in to this account before (login-devices.ts), else null. */
  readonly deviceId: string | null
}

type Db = Kysely<Database>

const later = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a)
const secondsUntil = (until: number, now: Date) => Math.max(1, Math.ceil((until - now.getTime()) / 1000))

/** The newest event of these kinds for the user name since `since`: a sign-in or a reset starts the count over. */
async function newest(db: Db, username: string, kinds: readonly LoginEventsTable['kind'][], since: string, where: Partial<Pick<LoginAttempt, 'ip' | 'deviceId'>> = {}) {
  let query = db.selectFrom('login_events').select('at').where('username', '=', username).where('kind', 'in', kinds).where('at', '>', since)
  if (where.deviceId !== undefined) query = query.where('device_id', '=', where.deviceId)
  if (where.ip !== undefined) query = query.where('ip', '=', where.ip).where('device_id', 'is', null)
  const row = await query.orderBy('at', 'desc').limit(1).executeTakeFirst()
  return row?.at
}

/**
 * The growing delay of one place: the account from this known device, or from this address
 * when the device is unknown. Only this place's own failures count, so an attacker's do not
 * slow the user's phone, and the user's own sign-in there starts the count over.
 */
async function delayBlock(db: Db, attempt: LoginAttempt, limits: LoginLimits, since: string, now: Date): Promise<LoginBlock | null> {
  const place = attempt.deviceId === null ? { ip: attempt.ip } : { deviceId: attempt.deviceId }
  const from = later(since, await newest(db, attempt.username, ['signed_in'], since, place))
  let query = db
    .selectFrom('login_events')
    .select((eb) => [eb.fn.countAll<string | number>().as('failures'), eb.fn.max('at').as('last')])
    .where('username', '=', attempt.username)
    .where('kind', '=', 'failed')
    .where('at', '>', from)
  query = attempt.deviceId === null ? query.where('ip', '=', attempt.ip).where('device_id', 'is', null) : query.where('device_id', '=', attempt.deviceId)
  const row = await query.executeTakeFirst()
  if (!row?.last) return null
  const delay = loginDelaySeconds(Number(row.failures), { freeFailures: limits.freeFailures, firstDelaySeconds: limits.firstDelaySeconds, maxDelaySeconds: limits.windowMinutes * 60 })
  const until = Date.parse(row.last) + delay * 1000
  return until > now.getTime() ? { scope: 'delay', retryAfterSeconds: secondsUntil(until, now) } : null
}

/** When the `limit`-th newest failure ages out of the window, fewer than `limit` remain and sign-in opens again. */
async function lockBlock(db: Db, scope: 'account' | 'address', key: string, limit: number, since: string, windowMs: number, now: Date): Promise<LoginBlock | null> {
  let query = db.selectFrom('login_events').select('at').where('kind', '=', 'failed').where('at', '>', since)
  // The flood guard counts unknown devices only: a known phone's typos do not close its school's address.
  query = scope === 'account' ? query.where('username', '=', key) : query.where('ip', '=', key).where('device_id', 'is', null)
  const row = await query.orderBy('at', 'desc').limit(1).offset(limit - 1).executeTakeFirst()
  return row ? { scope, retryAfterSeconds: secondsUntil(Date.parse(row.at) + windowMs, now) } : null
}

/**
 * Whether a sign-in must be refused before the password is even checked, and for how long.
 * - Every place (account and address, or account and known device) gets a few free failures,
 *   then a doubling wait: guessing slows down, a user's typo costs nothing.
 * - An account with many failures within the window (from anywhere) refuses new devices, and
 *   so does an address with very many (a flood guard). A device that signed in to this account
 *   before passes both: an attacker cannot lock the user out of his own phone.
 * - The user's sign-in lifts the account lock, and so does a bureau's password reset.
 * The events live in the database, so every server instance sees the same counts.
 */
export async function loginBlock(db: Db, attempt: LoginAttempt, limits: LoginLimits, now: Date): Promise<LoginBlock | null> {
  const windowMs = limits.windowMinutes * 60_000
  const cutoff = new Date(now.getTime() - windowMs).toISOString()
  const sinceReset = later(cutoff, await newest(db, attempt.username, ['reset'], cutoff))
  const delay = await delayBlock(db, attempt, limits, sinceReset, now)
  if (attempt.deviceId !== null) return delay
  const sinceUnlock = later(sinceReset, await newest(db, attempt.username, ['signed_in'], sinceReset))
  const blocks = [
    delay,
    await lockBlock(db, 'account', attempt.username, limits.perAccount, sinceUnlock, windowMs, now),
    await lockBlock(db, 'address', attempt.ip, limits.perAddress, cutoff, windowMs, now),
  ].filter((block): block is LoginBlock => block !== null)
  // The longest hold is the one that really decides when the next try can succeed.
  return blocks.reduce<LoginBlock | null>((longest, block) => (longest === null || block.retryAfterSeconds > longest.retryAfterSeconds ? block : longest), null)
}

/** Appends a sign-in event; a reset is recorded by the bureau's action, in its transaction. */
export async function recordLoginEvent(
  db: Db,
  event: { readonly kind: LoginEventsTable['kind']; readonly username: string; readonly ip: string | null; readonly deviceId: string | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('login_events')
    .values({ id: uuidv7(), at: now.toISOString(), kind: event.kind, username: event.username, ip: event.ip, device_id: event.deviceId })
    .execute()
}

/** Nothing reads events older than the window, and an attacker's flood must not grow the table for good. */
export async function pruneLoginEvents(db: Db, windowMinutes: number, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - windowMinutes * 60_000).toISOString()
  await db.deleteFrom('login_events').where('at', '<', cutoff).execute()
}

function wait(seconds: number): Text {
  if (seconds < 60) return { zh: `${seconds} 秒`, en: `${seconds} s` }
  const minutes = Math.ceil(seconds / 60)
  return { zh: `${minutes} 分钟`, en: `${minutes} min` }
}

/** What the refused user reads: how long, and the ways round it that are open to the real owner. */
export function loginBlockMessage(block: LoginBlock): Text {
  const { zh, en } = wait(block.retryAfterSeconds)
  switch (block.scope) {
    case 'delay':
      return { zh: `登录失败次数较多，请 ${zh}后再试`, en: `Too many failed sign-ins; try again in ${en}` }
    case 'account':
      return {
        zh: `该账号登录失败次数过多，请 ${zh}后再试，或在以前登录过的手机上登录，或请教育局重置密码`,
        en: `Too many failed sign-ins for this account; try again in ${en}, sign in on a device you used before, or ask the bureau to reset the password`,
      }
    case 'address':
      return {
        zh: `此网络地址登录失败次数过多，请 ${zh}后再试，或在以前登录过的手机上登录`,
        en: `Too many failed sign-ins from this network address; try again in ${en} or sign in on a device you used before`,
      }
  }
}

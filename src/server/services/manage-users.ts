import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { AdminUser, AdminUsersResponse, Role, User, UserCreateRequest, UserUpdateRequest } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import { adminScope, inScope, targetDistrict, type AdminScope } from '../auth/admin-scope.js'
import { forgetDevices } from '../auth/login-devices.js'
import { hashPassword } from '../auth/passwords.js'
import type { Database } from '../db/schema.js'
import { recordLoginEvent } from './login-throttle.js'
import { recordAudit } from './record-audit.js'

type Db = Kysely<Database>

const schoolRoles: readonly Role[] = ['staff', 'principal']
/** What a bureau may hand out: never admin, so no bureau can widen its own reach. */
const bureauGrantable: readonly Role[] = ['staff', 'principal', 'inspector', 'bureau']

type UserRow = { id: string; username: string; display_name: string; role: Role; school_id: string | null; district_id: string | null; disabled: number; created_at: string }

function toAdminUser(row: UserRow): AdminUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    schoolId: row.school_id,
    districtId: row.district_id,
    disabled: row.disabled !== 0,
    createdAt: row.created_at,
  }
}

const columns = ['id', 'username', 'display_name', 'role', 'school_id', 'district_id', 'disabled', 'created_at'] as const

export async function listAdminUsers(db: Db, user: User): Promise<AdminUsersResponse> {
  const scope = adminScope(user)
  let query = db.selectFrom('users').select([...columns]).orderBy('district_id').orderBy('school_id').orderBy('username')
  if (scope.kind === 'district') query = query.where('district_id', '=', scope.districtId)
  return { users: (await query.execute()).map(toAdminUser) }
}

function checkGrant(scope: AdminScope, role: Role): void {
  if (scope.kind === 'district' && !bureauGrantable.includes(role)) throw new ApiHttpError('forbidden', 'A bureau may not create or grant this role')
}

/** Where an account belongs: school roles to a school (and its district), the others to a district. */
async function placement(db: Db, scope: AdminScope, role: Role, schoolId: string | null | undefined, districtId: string | null | undefined) {
  if (role === 'admin') return { school_id: null, district_id: null }
  if (schoolRoles.includes(role)) {
    if (schoolId === undefined || schoolId === null) throw new ApiHttpError('bad_request', 'A school account needs its school')
    const school = await db.selectFrom('schools').select(['id', 'district_id']).where('id', '=', schoolId).executeTakeFirst()
    if (!school || !inScope(scope, school.district_id)) throw new ApiHttpError('not_found', 'No such school')
    return { school_id: school.id, district_id: school.district_id }
  }
  const district = targetDistrict(scope, districtId)
  const known = await db.selectFrom('districts').select('id').where('id', '=', district).executeTakeFirst()
  if (!known) throw new ApiHttpError('not_found', 'No such district')
  return { school_id: null, district_id: district }
}

function cleanName(name: string): string {
  const trimmed = name.trim()
  if (trimmed === '') throw new ApiHttpError('bad_request', 'A user needs a display name')
  return trimmed
}

export async function createUser(db: Db, user: User, input: UserCreateRequest, now: Date, ip: string | null): Promise<AdminUser> {
  const scope = adminScope(user)
  checkGrant(scope, input.role)
  const username = input.username.trim().toLowerCase()
  const taken = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
  if (taken) throw new ApiHttpError('conflict', 'This username is taken')
  const place = await placement(db, scope, input.role, input.schoolId, input.districtId)
  const row: UserRow = {
    id: `user-${uuidv7()}`,
    username,
    display_name: cleanName(input.displayName),
    role: input.role,
    ...place,
    disabled: 0,
    created_at: now.toISOString(),
  }
  const passwordHash = await hashPassword(input.password)
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values({ ...row, password_hash: passwordHash }).execute()
    await recordAudit(trx, {
      action: 'user_created', at: now, actor: user, ip, subjectId: row.id, schoolId: row.school_id, districtId: row.district_id,
      details: { username, role: row.role },
    })
  })
  return toAdminUser(row)
}

async function findManaged(db: Db, scope: AdminScope, id: string): Promise<UserRow> {
  const row = await db.selectFrom('users').select([...columns]).where('id', '=', id).executeTakeFirst()
  // Admin accounts belong to no district: no bureau can touch them. Others' users look absent.
  if (!row || !inScope(scope, row.district_id) || (scope.kind === 'district' && row.role === 'admin')) {
    throw new ApiHttpError('not_found', 'No such user')
  }
  return row
}

export async function updateUser(db: Db, user: User, id: string, input: UserUpdateRequest, now: Date, ip: string | null): Promise<AdminUser> {
  const scope = adminScope(user)
  const current = await findManaged(db, scope, id)
  if (id === user.id && (input.disabled === true || (input.role !== undefined && input.role !== current.role))) {
    throw new ApiHttpError('bad_request', 'You may not disable your own account or change your own role')
  }
  const role = input.role ?? current.role
  if (input.role !== undefined) checkGrant(scope, input.role)
  const moves = input.role !== undefined || input.schoolId !== undefined
  const place = moves ? await placement(db, scope, role, input.schoolId ?? current.school_id, current.district_id) : {}
  const changes = {
    ...(input.displayName === undefined ? {} : { display_name: cleanName(input.displayName) }),
    ...(input.role === undefined ? {} : { role }),
    ...place,
    ...(input.disabled === undefined ? {} : { disabled: input.disabled ? 1 : 0 }),
  }
  if (Object.keys(changes).length === 0) throw new ApiHttpError('bad_request', 'Nothing to change')
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set(changes).where('id', '=', id).execute()
    // A disabled account or a changed role takes effect now, not when the old session expires.
    if (input.disabled === true || input.role !== undefined) await revokeSessions(trx, id, now)
    await recordAudit(trx, {
      action: input.disabled === true ? 'user_disabled' : input.disabled === false ? 'user_enabled' : 'user_updated',
      at: now, actor: user, ip, subjectId: id, districtId: current.district_id, details: { username: current.username, ...changes },
    })
  })
  return toAdminUser({ ...current, ...changes })
}

async function revokeSessions(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute()
}

/**
 * Sets a new password and signs the user out on every device. It also lifts a sign-in lockout
 * and forgets the devices known before: a reset is the bureau's word that whatever held the
 * old password no longer speaks for the account.
 */
export async function resetPassword(db: Db, user: User, id: string, password: string, now: Date, ip: string | null): Promise<void> {
  const scope = adminScope(user)
  const target = await findManaged(db, scope, id)
  const passwordHash = await hashPassword(password)
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute()
    await revokeSessions(trx, id, now)
    await forgetDevices(trx, id)
    await recordLoginEvent(trx, { kind: 'reset', username: target.username, ip, deviceId: null }, now)
    await recordAudit(trx, { action: 'password_reset', at: now, actor: user, ip, subjectId: id, districtId: target.district_id, details: { username: target.username } })
  })
}

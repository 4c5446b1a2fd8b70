import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { AdminSchool, AdminSchoolsResponse, SchoolCreateRequest, SchoolUpdateRequest, User } from '../../core/protocol.js'
import { isSchoolKind } from '../../core/schoolKinds.js'
import { ApiHttpError } from '../api-error.js'
import { adminScope, inScope, targetDistrict, type AdminScope } from '../auth/admin-scope.js'
import type { Database } from '../db/schema.js'
import { recordAudit } from './record-audit.js'
import { recordSchoolState } from './schedules/school-states.js'

type Db = Kysely<Database>

async function schoolRows(db: Db, scope: AdminScope, id?: string): Promise<AdminSchool[]> {
  let query = db
    .selectFrom('schools as s')
    .leftJoin('users as u', 'u.school_id', 's.id')
    .select((eb) => ['s.id', 's.name', 's.district_id', 's.kind', 's.township', eb.fn.count('u.id').as('users')])
    .groupBy(['s.id', 's.name', 's.district_id', 's.kind', 's.township'])
    .orderBy('s.district_id')
    .orderBy('s.name')
  if (scope.kind === 'district') query = query.where('s.district_id', '=', scope.districtId)
  if (id !== undefined) query = query.where('s.id', '=', id)
  const rows = await query.execute()
  return rows.map((row) => ({ id: row.id, name: row.name, districtId: row.district_id, kind: row.kind, township: row.township, users: Number(row.users) }))
}

export async function listAdminSchools(db: Db, user: User): Promise<AdminSchoolsResponse> {
  const scope = adminScope(user)
  let districts = db.selectFrom('districts').select(['id', 'name']).orderBy('id')
  if (scope.kind === 'district') districts = districts.where('id', '=', scope.districtId)
  return { schools: await schoolRows(db, scope), districts: await districts.execute() }
}

function cleanName(name: string): string {
  const trimmed = name.trim()
  if (trimmed === '') throw new ApiHttpError('bad_request', 'A school needs a name')
  return trimmed
}

function checkKind(kind: string): string {
  if (!isSchoolKind(kind)) throw new ApiHttpError('bad_request', 'Unknown school kind')
  return kind
}

function cleanTownship(township: string | null | undefined): string | null {
  const trimmed = township?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

export async function createSchool(db: Db, user: User, input: SchoolCreateRequest, now: Date, ip: string | null): Promise<AdminSchool> {
  const scope = adminScope(user)
  const districtId = targetDistrict(scope, input.districtId)
  const known = await db.selectFrom('districts').select('id').where('id', '=', districtId).executeTakeFirst()
  if (!known) throw new ApiHttpError('not_found', 'No such district')
  const id = `school-${uuidv7()}`
  const values = { id, district_id: districtId, name: cleanName(input.name), kind: checkKind(input.kind), township: cleanTownship(input.township) }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('schools').values(values).execute()
    // From now on: a school added mid-period owes the periods that close after it exists.
    await recordSchoolState(trx, id, now)
    await recordAudit(trx, { action: 'school_created', at: now, actor: user, ip, schoolId: id, subjectId: id, details: { name: values.name, kind: values.kind, township: values.township } })
  })
  return { id, name: values.name, districtId, kind: values.kind, township: values.township, users: 0 }
}

export async function updateSchool(db: Db, user: User, id: string, input: SchoolUpdateRequest, now: Date, ip: string | null): Promise<AdminSchool> {
  const scope = adminScope(user)
  const school = await db.selectFrom('schools').select(['id', 'district_id']).where('id', '=', id).executeTakeFirst()
  // Another district's school looks exactly like no school.
  if (!school || !inScope(scope, school.district_id)) throw new ApiHttpError('not_found', 'No such school')
  const changes = {
    ...(input.name === undefined ? {} : { name: cleanName(input.name) }),
    ...(input.kind === undefined ? {} : { kind: checkKind(input.kind) }),
    ...(input.township === undefined ? {} : { township: cleanTownship(input.township) }),
  }
  if (Object.keys(changes).length === 0) throw new ApiHttpError('bad_request', 'Nothing to change')
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('schools').set(changes).where('id', '=', id).execute()
    await recordSchoolState(trx, id, now)
    await recordAudit(trx, { action: 'school_updated', at: now, actor: user, ip, schoolId: id, subjectId: id, details: changes })
  })
  const [updated] = await schoolRows(db, scope, id)
  if (!updated) throw new Error(`school ${id} vanished`)
  return updated
}

import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { Role, User } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { Database } from '../db/schema.js'

export type SchoolRef = { readonly id: string; readonly districtId: string }

const schoolRoles: readonly Role[] = ['staff', 'principal']
const districtRoles: readonly Role[] = ['inspector', 'bureau']

/** Staff and principals see their own school, inspectors and the bureau their district, admins all. */
export function canSeeSchool(user: User, school: SchoolRef): boolean {
  if (user.role === 'admin') return true
  if (schoolRoles.includes(user.role)) return user.schoolId !== null && user.schoolId === school.id
  if (districtRoles.includes(user.role)) return user.districtId !== null && user.districtId === school.districtId
  return false
}

/** Filing follows seeing: whoever may see a school may report for it (inspectors inspect any school in the district). */
export const canFileFor = canSeeSchool

/** The ids of every school the user may see, or 'all' for an admin. */
export async function visibleSchoolIds(db: Kysely<Database>, user: User): Promise<readonly string[] | 'all'> {
  if (user.role === 'admin') return 'all'
  if (schoolRoles.includes(user.role)) return user.schoolId === null ? [] : [user.schoolId]
  if (districtRoles.includes(user.role) && user.districtId !== null) {
    const rows = await db.selectFrom('schools').select('id').where('district_id', '=', user.districtId).execute()
    return rows.map((row) => row.id)
  }
  return []
}

export async function findSchool(db: Kysely<Database>, schoolId: string): Promise<SchoolRef | undefined> {
  const row = await db.selectFrom('schools').select(['id', 'district_id']).where('id', '=', schoolId).executeTakeFirst()
  return row && { id: row.id, districtId: row.district_id }
}

/**
 * What a user reads, as one condition a query can use with an index: a school, a district (by the
 * district_id copied onto submissions and hazards), everything, or nothing. Never a list of ids: a
 * district's thousands of schools as parameters make every page re-sort all their rows.
 */
export type ReadScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'district'; readonly districtId: string }
  | { readonly kind: 'school'; readonly schoolId: string }
  | { readonly kind: 'none' }

export function readScope(user: User): ReadScope {
  if (user.role === 'admin') return { kind: 'all' }
  if (schoolRoles.includes(user.role)) return user.schoolId === null ? { kind: 'none' } : { kind: 'school', schoolId: user.schoolId }
  if (districtRoles.includes(user.role) && user.districtId !== null) return { kind: 'district', districtId: user.districtId }
  return { kind: 'none' }
}

/** Narrows a scope to one school the caller names; a school out of scope is refused. */
export async function narrowToSchool(db: Kysely<Database>, user: User, schoolId: string | undefined): Promise<ReadScope> {
  const scope = readScope(user)
  if (schoolId === undefined) return scope
  const school = await findSchool(db, schoolId)
  if (!school || !canSeeSchool(user, school)) throw new ApiHttpError('forbidden', 'You may not see this school')
  return { kind: 'school', schoolId }
}

/**
 * A table's school_id column limited to a scope, as one condition: a district's schools by a
 * subquery (or by `districtColumn`, when the table holds the school's district itself, as
 * schools does), so a statement's parameters do not grow with the district (one per school, and
 * past 32,766 SQLite refuses the statement).
 */
export function schoolIdInScope(column: string, scope: ReadScope, districtColumn?: string): RawBuilder<SqlBool> {
  switch (scope.kind) {
    case 'all': return sql<SqlBool>`1 = 1`
    case 'none': return sql<SqlBool>`1 = 0`
    case 'school': return sql<SqlBool>`${sql.ref(column)} = ${scope.schoolId}`
    case 'district':
      return districtColumn === undefined
        ? sql<SqlBool>`${sql.ref(column)} in (select scoped.id from schools scoped where scoped.district_id = ${scope.districtId})`
        : sql<SqlBool>`${sql.ref(districtColumn)} = ${scope.districtId}`
  }
}

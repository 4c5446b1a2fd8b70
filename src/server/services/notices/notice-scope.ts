import { sql, type Expression, type SqlBool } from 'kysely'
import type { User } from '../../../core/protocol.js'

/**
 * Who sees a notice or campaign: an admin every one, an inspector or the bureau their district's,
 * a school user only those targeted at their school (never another school's or an untargeted
 * one, not even by id). One rule for both tables, as a WHERE condition.
 */
export function visibleTo(user: User, table: 'notices' | 'campaigns'): Expression<SqlBool> {
  if (user.role === 'admin') return sql<SqlBool>`1 = 1`
  if (user.role === 'bureau' || user.role === 'inspector') {
    return user.districtId === null ? sql<SqlBool>`1 = 0` : sql<SqlBool>`${sql.ref(`${table}.district_id`)} = ${user.districtId}`
  }
  if (user.schoolId === null) return sql<SqlBool>`1 = 0`
  const targets = table === 'notices' ? sql`notice_targets t where t.notice_id = notices.id` : sql`campaign_targets t where t.campaign_id = campaigns.id`
  return sql<SqlBool>`exists (select 1 from ${targets} and t.school_id = ${user.schoolId})`
}

export function isSchoolUser(user: User): boolean {
  return user.role === 'staff' || user.role === 'principal'
}

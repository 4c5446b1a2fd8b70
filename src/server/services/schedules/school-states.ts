import type { Kysely } from 'kysely'
import type { ObligedSchool, SchoolState } from '../../../core/schedules.js'
import type { ReadScope } from '../../auth/scope.js'
import type { Database } from '../../db/schema.js'

/** A school as the obligations see it: its history plus what the reports show today. */
export type ScopedSchool = ObligedSchool & { readonly name: string; readonly districtId: string; readonly kind: string; readonly township: string | null }

/**
 * Records a school's kind and township from `now` on, when they differ from its latest state:
 * call it in the transaction that creates or edits the school, so history cannot miss a change.
 */
export async function recordSchoolState(db: Kysely<Database>, schoolId: string, now: Date): Promise<void> {
  const school = await db.selectFrom('schools').select(['kind', 'township']).where('id', '=', schoolId).executeTakeFirst()
  if (!school) return
  const latest = await db.selectFrom('school_states').select(['kind', 'township']).where('school_id', '=', schoolId).orderBy('from_at', 'desc').executeTakeFirst()
  if (latest && latest.kind === school.kind && latest.township === school.township) return
  const values = { school_id: schoolId, from_at: now.toISOString(), kind: school.kind, township: school.township }
  await db.insertInto('school_states').values(values).onConflict((oc) => oc.columns(['school_id', 'from_at']).doUpdateSet({ kind: school.kind, township: school.township })).execute()
}

/** The schools of a scope with their states, by id. A school with no recorded state has always been as it is now. */
export async function schoolsWithStates(db: Kysely<Database>, scope: ReadScope): Promise<ScopedSchool[]> {
  if (scope.kind === 'none') return []
  let schools = db.selectFrom('schools').select(['id', 'name', 'district_id', 'kind', 'township']).orderBy('id')
  let states = db.selectFrom('school_states as st').innerJoin('schools as s', 's.id', 'st.school_id').select(['st.school_id', 'st.from_at', 'st.kind', 'st.township'])
  if (scope.kind === 'district') {
    schools = schools.where('district_id', '=', scope.districtId)
    states = states.where('s.district_id', '=', scope.districtId)
  }
  if (scope.kind === 'school') {
    schools = schools.where('id', '=', scope.schoolId)
    states = states.where('st.school_id', '=', scope.schoolId)
  }
  const bySchool = new Map<string, SchoolState[]>()
  for (const row of await states.orderBy('st.school_id').orderBy('st.from_at').execute()) {
    bySchool.set(row.school_id, [...(bySchool.get(row.school_id) ?? []), { from: row.from_at, kind: row.kind, township: row.township }])
  }
  return (await schools.execute()).map((row) => ({
    id: row.id,
    name: row.name,
    districtId: row.district_id,
    kind: row.kind,
    township: row.township,
    states: bySchool.get(row.id) ?? [{ from: new Date(0).toISOString(), kind: row.kind, township: row.township }],
  }))
}

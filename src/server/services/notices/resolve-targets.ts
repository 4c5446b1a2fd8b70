import type { Kysely } from 'kysely'
import { resolveAudience, type Audience } from '../../../core/audience.js'
import { ApiHttpError, bilingual } from '../../api-error.js'
import type { Database } from '../../db/schema.js'

/**
 * The district's schools an audience reaches, now. A named school outside the district is
 * refused rather than dropped: the bureau meant someone, and silence would hide the mistake.
 */
export async function resolveTargets(db: Kysely<Database>, districtId: string, audience: Audience): Promise<string[]> {
  const schools = await db.selectFrom('schools').select(['id', 'kind', 'township']).where('district_id', '=', districtId).orderBy('id').execute()
  const known = new Set(schools.map((school) => school.id))
  const foreign = audience.schoolIds.filter((id) => !known.has(id))
  if (foreign.length > 0) {
    throw new ApiHttpError('bad_request', bilingual({ zh: '所选学校不在本区', en: 'A chosen school is not in this district' }))
  }
  const targets = resolveAudience(audience, schools)
  if (targets.length === 0) {
    throw new ApiHttpError('bad_request', bilingual({ zh: '没有符合条件的学校', en: 'No school matches the audience' }))
  }
  return targets
}

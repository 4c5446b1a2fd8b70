import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { publishPledgeVersion } from '../services/pledge-documents.js'
import { foodSafetyText } from './food-safety.js'
import { safeCampusText } from './safe-campus.js'
import { staffConductText } from './staff-conduct.js'

/** This year's demo pledges, global like the built-in forms: the safe-campus and food-safety letters for principals, the ethics pledge for staff. */
export async function publishDemoPledges(db: Kysely<Database>, now: Date): Promise<string[]> {
  const year = now.getFullYear()
  return [
    await publishPledgeVersion(db, { pledgeId: `safe-campus-${year}`, version: 1, year, audience: 'principal', dueDate: `${year}-03-31`, ...safeCampusText(year) }, now, null),
    await publishPledgeVersion(db, { pledgeId: `food-safety-${year}`, version: 1, year, audience: 'principal', dueDate: `${year}-12-31`, ...foodSafetyText(year) }, now, null),
    await publishPledgeVersion(db, { pledgeId: `staff-conduct-${year}`, version: 1, year, audience: 'staff', dueDate: `${year}-09-30`, ...staffConductText(year) }, now, null),
  ]
}

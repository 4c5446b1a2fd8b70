import type { Kysely } from 'kysely'
import { pledgeDaysOverdue } from '../../core/pledges.js'
import type { PledgeReportResponse, PledgeReportRow } from '../../core/protocol.js'
import { schoolIdInScope, type ReadScope } from '../auth/scope.js'
import { reaches, type TemplateReach } from '../auth/template-owner.js'
import type { Database } from '../db/schema.js'
import { findPledgeVersion, latestVersionOf, toPledgeVersion } from './pledge-documents.js'
import { toSignatureSummary } from './pledge-records.js'

type Db = Kysely<Database>

/**
 * Who has signed one pledge version: every school in scope, signed or not, with the latest
 * signing and whether it is overdue. `today` is YYYY-MM-DD; ISO dates compare as strings.
 */
export async function pledgeReport(
  db: Db,
  reach: TemplateReach,
  scope: ReadScope,
  versionId: string,
  today: string,
): Promise<PledgeReportResponse | undefined> {
  const version = await findPledgeVersion(db, versionId)
  // Another district's pledge looks the same as none: its text is not this caller's to read.
  if (!version || !reaches(reach, version.owner_district_id)) return undefined
  const current = (await latestVersionOf(db, version.pledge_id)) === version.version

  const schools = await db.selectFrom('schools').select(['id', 'name']).where(schoolIdInScope('id', scope, 'district_id')).orderBy('id').execute()
  const signatures = await db
    .selectFrom('pledge_signatures')
    .select(['id', 'school_id', 'user_id', 'signer_name', 'signed_at', 'received_at'])
    .where('version_id', '=', versionId)
    .where(schoolIdInScope('school_id', scope))
    .orderBy('received_at')
    .execute()

  // Grouped once: filtering every signature for every school grows with their product.
  const bySchool = new Map<string, typeof signatures>()
  for (const signature of signatures) {
    const mine = bySchool.get(signature.school_id)
    if (mine) mine.push(signature)
    else bySchool.set(signature.school_id, [signature])
  }
  const overdueDay = pledgeDaysOverdue(version.due_date, today) > 0
  const rows: PledgeReportRow[] = schools.map((school) => {
    const mine = bySchool.get(school.id) ?? []
    const latest = mine.at(-1)
    return {
      schoolId: school.id,
      schoolName: school.name,
      signed: mine.length > 0,
      signatures: mine.length,
      latest: latest ? toSignatureSummary(latest) : null,
      overdue: mine.length === 0 && overdueDay,
    }
  })
  return {
    pledge: toPledgeVersion(version, current),
    schools: rows,
    totals: {
      schools: rows.length,
      signed: rows.filter((row) => row.signed).length,
      overdue: rows.filter((row) => row.overdue).length,
    },
  }
}

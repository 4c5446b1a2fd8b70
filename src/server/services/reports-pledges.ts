import type { Kysely } from 'kysely'
import type { PledgeSummary } from '../../core/protocol.js'
import type { ReadScope } from '../auth/scope.js'
import type { TemplateReach } from '../auth/template-owner.js'
import type { Database } from '../db/schema.js'
import { listPledgeVersions } from './pledge-documents.js'
import { pledgeReport } from './pledge-report.js'

/** Signed share of every pledge version across the schools in scope (who is missing: pledgeReport). */
export async function pledgeSummary(db: Kysely<Database>, reach: TemplateReach, scope: ReadScope, today: string): Promise<PledgeSummary> {
  const versions = await listPledgeVersions(db, reach)
  const rows: PledgeSummary['versions'][number][] = []
  for (const version of versions) {
    const report = await pledgeReport(db, reach, scope, version.id, today)
    if (report) rows.push({ pledge: version, schools: report.totals.schools, signed: report.totals.signed, overdue: report.totals.overdue })
  }
  return { versions: rows }
}

import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as initial from './migrations/0001-initial.js'
import * as hazardLifecycle from './migrations/0002-hazard-lifecycle.js'
import * as canteenSurveys from './migrations/0003-canteen-surveys.js'
import * as pledges from './migrations/0004-pledges.js'
import * as auditLog from './migrations/0005-audit-log.js'
import * as admin from './migrations/0006-admin.js'
import * as blobOwnership from './migrations/0007-blob-ownership.js'
import * as templateOwners from './migrations/0008-template-owners.js'
import * as loginSecurity from './migrations/0009-login-security.js'
import * as districtScope from './migrations/0010-district-scope.js'
import * as countyReads from './migrations/0011-county-reads.js'
import * as schedules from './migrations/0012-schedules.js'
import * as noticesCampaigns from './migrations/0013-notices-campaigns.js'
import * as remindersOutbound from './migrations/0014-reminders-outbound.js'
import * as scale from './migrations/0018-scale.js'
import * as campaignFilings from './migrations/0019-campaign-filings.js'

/** Listed here, not globbed from disk: the migrations ship inside the module graph. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-hazard-lifecycle': hazardLifecycle,
  '0003-canteen-surveys': canteenSurveys,
  '0004-pledges': pledges,
  '0005-audit-log': auditLog,
  '0006-admin': admin,
  '0007-blob-ownership': blobOwnership,
  '0008-template-owners': templateOwners,
  '0009-login-security': loginSecurity,
  '0010-district-scope': districtScope,
  '0011-county-reads': countyReads,
  '0012-schedules': schedules,
  '0013-notices-campaigns': noticesCampaigns,
  '0014-reminders-outbound': remindersOutbound,
  '0018-scale': scale,
  '0019-campaign-filings': campaignFilings,
}

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
}

/**
 * PostgreSQL's schema for this connection (undefined on SQLite, which has no current_schema()).
 * Kysely looks for its migration tables in every schema it can see; without naming ours, a
 * second schema in the same database (tests, another app) makes it skip creating them here.
 */
async function currentSchema<T>(db: Kysely<T>): Promise<string | undefined> {
  try {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
    return rows[0]?.schema ?? undefined
  } catch {
    return undefined
  }
}

export async function migrateToLatest<T>(db: Kysely<T>): Promise<void> {
  const schema = await currentSchema(db)
  // Migrations are numbered per feature and may land in any order; each only adds its own tables.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(schema === undefined ? {} : { migrationTableSchema: schema }) })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error !== undefined || failed) {
    const cause = error instanceof Error ? error : new Error(String(error ?? 'unknown error'))
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${cause.message}`, { cause })
  }
}

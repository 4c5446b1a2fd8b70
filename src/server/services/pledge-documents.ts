import type { Kysely, Selectable } from 'kysely'
import { pledgeTextHash, pledgeVersionId, type PledgeAudience, type PledgeContent } from '../../core/pledges.js'
import type { AdminPledgeVersion, PledgeVersion } from '../../core/protocol.js'
import { ownerReached, type TemplateReach } from '../auth/template-owner.js'
import type { Database, PledgeVersionsTable } from '../db/schema.js'

type Db = Kysely<Database>
export type PledgeVersionRow = Selectable<PledgeVersionsTable>

export type PublishPledge = PledgeContent & { readonly dueDate: string }

/**
 * Publishes one version of a pledge, hashing its canonical text with core. Idempotent: an
 * existing version is left as it was (a published text never changes; edit → new version).
 * `owner` is the district that owns the pledge id (null: global, like the demo's); the caller
 * has checked that it may publish there (publish-pledge.ts).
 */
export async function publishPledgeVersion(db: Db, pledge: PublishPledge, now: Date, owner: string | null = null): Promise<string> {
  const id = pledgeVersionId(pledge.pledgeId, pledge.version)
  await db
    .insertInto('pledge_versions')
    .values({
      id,
      pledge_id: pledge.pledgeId,
      version: pledge.version,
      year: pledge.year,
      audience: pledge.audience,
      title_zh: pledge.title.zh,
      title_en: pledge.title.en,
      text_zh: pledge.text.zh,
      text_en: pledge.text.en,
      text_hash: await pledgeTextHash(pledge),
      due_date: pledge.dueDate,
      published_at: now.toISOString(),
      owner_district_id: owner,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  return id
}

export function contentOf(row: PledgeVersionRow): PledgeContent {
  return {
    pledgeId: row.pledge_id,
    version: row.version,
    year: row.year,
    audience: row.audience as PledgeAudience,
    title: { zh: row.title_zh, en: row.title_en },
    text: { zh: row.text_zh, en: row.text_en },
  }
}

export function toPledgeVersion(row: PledgeVersionRow, current: boolean): PledgeVersion {
  return {
    ...contentOf(row),
    id: row.id,
    dueDate: row.due_date,
    textHash: row.text_hash,
    publishedAt: row.published_at,
    current,
  }
}

export async function findPledgeVersion(db: Db, versionId: string): Promise<PledgeVersionRow | undefined> {
  return db.selectFrom('pledge_versions').selectAll().where('id', '=', versionId).executeTakeFirst()
}

/** The highest version number of a pledge: only that one may still be signed. */
export async function latestVersionOf(db: Db, pledgeId: string): Promise<number> {
  const row = await db
    .selectFrom('pledge_versions')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('pledge_id', '=', pledgeId)
    .executeTakeFirst()
  return Number(row?.latest ?? 0)
}

/**
 * Every version the caller reaches (global and their district's), newest year first, each marked
 * whether it is its pledge's current one. A pledge id has one owner, so "current" is decided
 * among that owner's versions alone.
 */
export async function listPledgeVersions(db: Db, reach: TemplateReach, audience?: PledgeAudience): Promise<PledgeVersion[]> {
  return (await reachedVersions(db, reach, audience)).map(({ row, current }) => toPledgeVersion(row, current))
}

/** The same list for the bureau's workspace, each with its owner (null: global, read-only for a bureau). */
export async function listAdminPledgeVersions(db: Db, reach: TemplateReach): Promise<AdminPledgeVersion[]> {
  return (await reachedVersions(db, reach)).map(({ row, current }) => ({ ...toPledgeVersion(row, current), ownerDistrictId: row.owner_district_id }))
}

async function reachedVersions(db: Db, reach: TemplateReach, audience?: PledgeAudience): Promise<{ row: PledgeVersionRow; current: boolean }[]> {
  let query = db.selectFrom('pledge_versions').selectAll().where(ownerReached(reach)).orderBy('year', 'desc').orderBy('pledge_id').orderBy('version', 'desc')
  if (audience !== undefined) query = query.where('audience', '=', audience)
  const rows = await query.execute()
  const latest = new Map<string, number>()
  for (const row of rows) latest.set(row.pledge_id, Math.max(latest.get(row.pledge_id) ?? 0, row.version))
  return rows.map((row) => ({ row, current: latest.get(row.pledge_id) === row.version }))
}

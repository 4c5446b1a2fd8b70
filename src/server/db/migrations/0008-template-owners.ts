import type { Kysely } from 'kysely'

// Migrations see the tables as they were then, not as schema.ts describes them today.
type Then = {
  forms: { id: string; version: number; published_by: string | null; owner_district_id: string | null }
  pledge_versions: { id: string; pledge_id: string; version: number; owner_district_id: string | null }
  users: { id: string; role: string; district_id: string | null }
  audit_log: { action: string; actor_role: string | null; district_id: string | null; subject_id: string | null }
}

/**
 * Who owns each form id and pledge id: a district, or null for global (the admin's). The owner is
 * a column on every version rather than a table of names, because every read filters on it; all
 * versions of an id carry the same owner, and a new id must start at version 1, so two districts
 * claiming one new name at once collide on the (id, version) primary key.
 *
 * Existing data: an id belongs to the district whose bureau published its first version
 * (forms.published_by, else the audit line of that publish); built-ins and the admin's are global.
 * Later versions follow their id's owner, so a version another district slipped in before this
 * migration stays visible to the owner's schools: the audit log names those for review.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const then = db as unknown as Kysely<Then>
  await db.schema.alterTable('forms').addColumn('owner_district_id', 'text').execute()
  await db.schema.alterTable('pledge_versions').addColumn('owner_district_id', 'text').execute()

  const bureaus = new Map<string, string>()
  for (const user of await then.selectFrom('users').select(['id', 'district_id']).where('role', '=', 'bureau').execute()) {
    if (user.district_id !== null) bureaus.set(user.id, user.district_id)
  }
  const publishedBy = new Map<string, string>()
  const lines = await then
    .selectFrom('audit_log')
    .select(['subject_id', 'district_id'])
    .where('action', 'in', ['form_published', 'pledge_published'])
    .where('actor_role', '=', 'bureau')
    .execute()
  for (const line of lines) if (line.subject_id !== null && line.district_id !== null) publishedBy.set(line.subject_id, line.district_id)

  const forms = await then.selectFrom('forms').select(['id', 'version', 'published_by']).orderBy('id').orderBy('version').execute()
  const formOwners = new Map<string, string | null>()
  for (const form of forms) {
    if (formOwners.has(form.id)) continue
    formOwners.set(form.id, (form.published_by === null ? undefined : bureaus.get(form.published_by)) ?? publishedBy.get(`${form.id}@${form.version}`) ?? null)
  }
  for (const [id, owner] of formOwners) if (owner !== null) await then.updateTable('forms').set({ owner_district_id: owner }).where('id', '=', id).execute()

  const pledges = await then.selectFrom('pledge_versions').select(['id', 'pledge_id']).orderBy('pledge_id').orderBy('version').execute()
  const pledgeOwners = new Map<string, string | null>()
  for (const pledge of pledges) if (!pledgeOwners.has(pledge.pledge_id)) pledgeOwners.set(pledge.pledge_id, publishedBy.get(pledge.id) ?? null)
  for (const [id, owner] of pledgeOwners) if (owner !== null) await then.updateTable('pledge_versions').set({ owner_district_id: owner }).where('pledge_id', '=', id).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('pledge_versions').dropColumn('owner_district_id').execute()
  await db.schema.alterTable('forms').dropColumn('owner_district_id').execute()
}

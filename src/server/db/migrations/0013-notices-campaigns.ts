import type { Kysely } from 'kysely'

/**
 * Notices (通知/通报) with read receipts, and campaigns (专项检查) with acknowledgements (issue 14).
 * Targets are resolved when the bureau publishes and kept as rows: a notice goes to the schools
 * that existed and matched then, so its read count has a fixed denominator and a school opened
 * or re-kinded later does not inherit old notices. The audience the bureau chose is kept beside
 * them as JSON, to show what was meant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('district_id', 'text', (col) => col.notNull().references('districts.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('instructions', 'text', (col) => col.notNull())
    .addColumn('instructions_format', 'text', (col) => col.notNull())
    .addColumn('form_id', 'text', (col) => col.notNull())
    // Null: whichever version of the checklist the school files.
    .addColumn('form_version', 'integer')
    .addColumn('audience', 'text', (col) => col.notNull())
    .addColumn('opens_on', 'text', (col) => col.notNull())
    .addColumn('closes_on', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('summary_notice_id', 'text')
    .execute()
  await db.schema.createIndex('campaigns_district_created').on('campaigns').columns(['district_id', 'created_at']).execute()

  await db.schema
    .createTable('campaign_targets')
    .addColumn('campaign_id', 'text', (col) => col.notNull().references('campaigns.id'))
    .addColumn('school_id', 'text', (col) => col.notNull().references('schools.id'))
    .addPrimaryKeyConstraint('campaign_targets_pk', ['campaign_id', 'school_id'])
    .execute()
  await db.schema.createIndex('campaign_targets_school').on('campaign_targets').columns(['school_id', 'campaign_id']).execute()

  await db.schema
    .createTable('campaign_acks')
    // The submission's id: derived from it in the same transaction.
    .addColumn('id', 'text', (col) => col.primaryKey().references('submissions.id'))
    .addColumn('campaign_id', 'text', (col) => col.notNull().references('campaigns.id'))
    .addColumn('school_id', 'text', (col) => col.notNull().references('schools.id'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('acked_at', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    // A school confirms receipt once: a second phone's 已阅 can never become a second row.
    .addUniqueConstraint('campaign_acks_once', ['campaign_id', 'school_id'])
    .execute()

  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('district_id', 'text', (col) => col.notNull().references('districts.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('body_format', 'text', (col) => col.notNull())
    .addColumn('audience', 'text', (col) => col.notNull())
    .addColumn('campaign_id', 'text', (col) => col.references('campaigns.id'))
    .addColumn('published_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('published_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('notices_district_published').on('notices').columns(['district_id', 'published_at']).execute()

  await db.schema
    .createTable('notice_targets')
    .addColumn('notice_id', 'text', (col) => col.notNull().references('notices.id'))
    .addColumn('school_id', 'text', (col) => col.notNull().references('schools.id'))
    .addPrimaryKeyConstraint('notice_targets_pk', ['notice_id', 'school_id'])
    .execute()
  await db.schema.createIndex('notice_targets_school').on('notice_targets').columns(['school_id', 'notice_id']).execute()

  await db.schema
    .createTable('notice_reads')
    .addColumn('id', 'text', (col) => col.primaryKey().references('submissions.id'))
    .addColumn('notice_id', 'text', (col) => col.notNull().references('notices.id'))
    .addColumn('school_id', 'text', (col) => col.notNull().references('schools.id'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('read_at', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    // One read per person: the same read resent, or sent from a second phone, stays one row.
    .addUniqueConstraint('notice_reads_once', ['notice_id', 'user_id'])
    .execute()
  await db.schema.createIndex('notice_reads_school').on('notice_reads').columns(['school_id', 'notice_id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['notice_reads', 'notice_targets', 'notices', 'campaign_acks', 'campaign_targets', 'campaigns']) {
    await db.schema.dropTable(table).execute()
  }
}

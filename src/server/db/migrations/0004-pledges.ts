import type { Kysely } from 'kysely'

/** Responsibility pledges: published versions and the signatures derived from submissions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pledge_versions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('pledge_id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('audience', 'text', (col) => col.notNull())
    .addColumn('title_zh', 'text', (col) => col.notNull())
    .addColumn('title_en', 'text', (col) => col.notNull())
    .addColumn('text_zh', 'text', (col) => col.notNull())
    .addColumn('text_en', 'text', (col) => col.notNull())
    .addColumn('text_hash', 'text', (col) => col.notNull())
    .addColumn('due_date', 'text', (col) => col.notNull())
    .addColumn('published_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('pledge_versions_pledge_version', ['pledge_id', 'version'])
    .execute()

  await db.schema
    .createTable('pledge_signatures')
    // The submission's id: the signing is derived from it in the same transaction.
    .addColumn('id', 'text', (col) => col.primaryKey().references('submissions.id'))
    .addColumn('version_id', 'text', (col) => col.notNull().references('pledge_versions.id'))
    .addColumn('school_id', 'text', (col) => col.notNull().references('schools.id'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    // 'school:<id>' or 'user:<id>' (core signingKey): unique per version, so a second signing
    // can never become a second row, even when two phones send at the same moment.
    .addColumn('signing_key', 'text', (col) => col.notNull())
    .addColumn('signer_name', 'text', (col) => col.notNull())
    .addColumn('text_hash', 'text', (col) => col.notNull())
    .addColumn('signature_sha256', 'text', (col) => col.notNull().references('blobs.sha256'))
    .addColumn('signed_at', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('pledge_signatures_once', ['version_id', 'signing_key'])
    .execute()
  await db.schema.createIndex('pledge_signatures_school').on('pledge_signatures').columns(['school_id', 'version_id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pledge_signatures').execute()
  await db.schema.dropTable('pledge_versions').execute()
}

import { sql, type Kysely } from 'kysely'

/**
 * Who holds each blob. Content addressing dedupes the bytes, never the access: a row here says
 * that this scope (`school:<id>`, `district:<id>` for bureau and inspector uploads, `global` for
 * an admin) uploaded these bytes itself, which is its proof of possession. One text key rather
 * than a school and a district column: the primary key stays non-null in both dialects, and the
 * org tree's next levels (township, city) become new prefixes, not new columns.
 *
 * Existing data: each blob is owned by its uploader's scope and by every school whose report
 * references it, so nothing anyone can see today disappears.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('blob_owners')
    .addColumn('sha256', 'text', (col) => col.notNull().references('blobs.sha256'))
    .addColumn('owner', 'text', (col) => col.notNull())
    // The latest upload by this scope: the sweep's grace period runs from it, and the quota counts it.
    .addColumn('uploaded_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('blob_owners_pk', ['sha256', 'owner'])
    .execute()
  await db.schema.createIndex('blob_owners_owner').on('blob_owners').columns(['owner', 'sha256']).execute()

  await sql`
    insert into blob_owners (sha256, owner, uploaded_at)
    select blobs.sha256,
      case
        when users.role in ('staff', 'principal') and users.school_id is not null then 'school:' || users.school_id
        when users.role in ('inspector', 'bureau') and users.district_id is not null then 'district:' || users.district_id
        else 'global'
      end,
      blobs.created_at
    from blobs inner join users on users.id = blobs.created_by
  `.execute(db)
  await sql`
    insert into blob_owners (sha256, owner, uploaded_at)
    select distinct submission_blobs.sha256, 'school:' || submissions.school_id, blobs.created_at
    from submission_blobs
    inner join submissions on submissions.id = submission_blobs.submission_id
    inner join blobs on blobs.sha256 = submission_blobs.sha256
    where not exists (
      select 1 from blob_owners
      where blob_owners.sha256 = submission_blobs.sha256 and blob_owners.owner = 'school:' || submissions.school_id
    )
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('blob_owners').execute()
}

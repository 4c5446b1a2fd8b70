import type { Kysely } from 'kysely'

/** The first schema. Column types are the portable subset of SQLite and PostgreSQL. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('districts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('schools')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('district_id', 'text', (col) => col.notNull().references('districts.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('township', 'text')
    .execute()
  await db.schema.createIndex('schools_district').on('schools').column('district_id').execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('school_id', 'text', (col) => col.references('schools.id'))
    .addColumn('district_id', 'text', (col) => col.references('districts.id'))
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('disabled', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('forms')
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title_zh', 'text', (col) => col.notNull())
    .addColumn('template', 'text', (col) => col.notNull())
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('published_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('forms_pk', ['id', 'version'])
    .execute()

  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (col) => col.primaryKey())
    .addColumn('mime', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
    .execute()

  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('form_id', 'text', (col) => col.notNull())
    .addColumn('form_version', 'integer', (col) => col.notNull())
    .addColumn('school_id', 'text', (col) => col.notNull().references('schools.id'))
    .addColumn('period', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('device_id', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('digest', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('completed_at', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addForeignKeyConstraint('submissions_form', ['form_id', 'form_version'], 'forms', ['id', 'version'])
    .execute()
  await db.schema.createIndex('submissions_school_received').on('submissions').columns(['school_id', 'received_at']).execute()
  await db.schema.createIndex('submissions_form_period').on('submissions').columns(['form_id', 'period']).execute()
  await db.schema.createIndex('submissions_received').on('submissions').columns(['received_at', 'id']).execute()

  await db.schema
    .createTable('submission_blobs')
    .addColumn('submission_id', 'text', (col) => col.notNull().references('submissions.id'))
    .addColumn('sha256', 'text', (col) => col.notNull().references('blobs.sha256'))
    .addPrimaryKeyConstraint('submission_blobs_pk', ['submission_id', 'sha256'])
    .execute()
  await db.schema.createIndex('submission_blobs_sha256').on('submission_blobs').column('sha256').execute()

  await db.schema
    .createTable('hazards')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('school_id', 'text', (col) => col.notNull().references('schools.id'))
    .addColumn('submission_id', 'text', (col) => col.notNull().references('submissions.id'))
    .addColumn('form_id', 'text', (col) => col.notNull())
    .addColumn('field_id', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('severity', 'text', (col) => col.notNull())
    .addColumn('deadline', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open'))
    .addColumn('photos', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('hazards_school_status').on('hazards').columns(['school_id', 'status']).execute()
  await db.schema.createIndex('hazards_submission').on('hazards').column('submission_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['hazards', 'submission_blobs', 'submissions', 'blobs', 'forms', 'sessions', 'users', 'schools', 'districts']) {
    await db.schema.dropTable(table).execute()
  }
}

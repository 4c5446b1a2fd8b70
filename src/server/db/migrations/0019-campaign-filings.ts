import type { Kysely } from 'kysely'

/**
 * A campaign's filings are the reports whose subject is the campaign: its progress reads them by
 * (subject_id, school_id) for the target schools, not every report of the checklist's form.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('submissions_subject_school').on('submissions').columns(['subject_id', 'school_id', 'received_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('submissions_subject_school').execute()
}

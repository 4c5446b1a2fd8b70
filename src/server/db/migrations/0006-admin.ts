import type { Kysely } from 'kysely'

/**
 * The bureau's workspace: who published a template version, and the indexes its exports and
 * dashboards page through (a form's reports in arrival order; hazards by when they were found).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('forms').addColumn('published_by', 'text').execute()
  // Exports walk a form's reports in (received_at, id) order, page by page, with or without a period.
  await db.schema.createIndex('submissions_form_received').on('submissions').columns(['form_id', 'received_at', 'id']).execute()
  await db.schema.createIndex('hazards_created').on('hazards').columns(['created_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('hazards_created').execute()
  await db.schema.dropIndex('submissions_form_received').execute()
  await db.schema.alterTable('forms').dropColumn('published_by').execute()
}

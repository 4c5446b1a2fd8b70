import type { Kysely } from 'kysely'

/**
 * The hazard loop (found → rectified → verified): who is responsible, when the row last moved,
 * and every step kept as history. Events are only ever inserted, never updated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('hazards').addColumn('responsible', 'text').execute()
  await db.schema.alterTable('hazards').addColumn('updated_at', 'text').execute()

  await db.schema
    .createTable('hazard_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('hazard_id', 'text', (col) => col.notNull().references('hazards.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('submission_id', 'text', (col) => col.references('submissions.id'))
    .addColumn('note', 'text')
    .addColumn('photos', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('deadline', 'text')
    .execute()
  await db.schema.createIndex('hazard_events_hazard').on('hazard_events').columns(['hazard_id', 'at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hazard_events').execute()
  await db.schema.alterTable('hazards').dropColumn('updated_at').execute()
  await db.schema.alterTable('hazards').dropColumn('responsible').execute()
}

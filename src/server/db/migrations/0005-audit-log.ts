import type { Kysely } from 'kysely'

/**
 * The audit log: sign-ins, failed sign-ins and bureau actions. It also holds the failure
 * counts the login limit reads, so the limit holds across every server instance on one database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    // UUID v7 made by the server: sorts by time, so it doubles as the paging cursor.
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text')
    // The user name as typed (lower-cased) for sign-in attempts, also when no such user exists.
    .addColumn('username', 'text')
    .addColumn('district_id', 'text')
    .addColumn('school_id', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('ip', 'text')
    /** JSON object. */
    .addColumn('details', 'text', (col) => col.notNull().defaultTo('{}'))
    .execute()
  await db.schema.createIndex('audit_log_district').on('audit_log').columns(['district_id', 'id']).execute()
  // The login limit counts recent failures per account and per address.
  await db.schema.createIndex('audit_log_username').on('audit_log').columns(['username', 'action', 'at']).execute()
  await db.schema.createIndex('audit_log_ip').on('audit_log').columns(['ip', 'action', 'at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute()
}

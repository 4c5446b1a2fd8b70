import type { Kysely } from 'kysely'

/**
 * The sign-in lockout (issue 12): devices that signed in before, and the recent sign-in events
 * the delays and locks are counted from. Its own tables rather than audit_log columns: these
 * rows are pruned after the failure window, the audit log is kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_devices')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    // SHA-256 of the token the phone keeps, as for sessions: the table alone opens nothing.
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('login_devices_user').on('login_devices').column('user_id').execute()

  await db.schema
    .createTable('login_events')
    // UUID v7: orders events of the same millisecond.
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    // failed | signed_in | reset
    .addColumn('kind', 'text', (col) => col.notNull())
    // Lower-cased as typed: unknown user names are counted too.
    .addColumn('username', 'text', (col) => col.notNull())
    .addColumn('ip', 'text')
    // A known device of this account, else null.
    .addColumn('device_id', 'text')
    .execute()
  await db.schema.createIndex('login_events_username').on('login_events').columns(['username', 'at']).execute()
  await db.schema.createIndex('login_events_ip').on('login_events').columns(['ip', 'at']).execute()
  await db.schema.createIndex('login_events_at').on('login_events').column('at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_events').execute()
  await db.schema.dropTable('login_devices').execute()
}

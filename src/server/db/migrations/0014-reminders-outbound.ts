import type { Kysely } from 'kysely'

/**
 * 催报 reminders and the outbound message queue (issue 14). The reminder and the group message
 * each carry a UNIQUE dedup key: a second tap, a second instance or a retried tick inserts nothing,
 * so one reminder can never become two rows, and one set of reminders never two messages. A
 * message row names its robot by id (the address and secret stay in `webhooks`, read at send time),
 * so replacing a robot redirects what is still queued and the queue holds no secrets.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhooks')
    // `district:<id>` for a district's group, the school id for a school's: one robot per group.
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('district_id', 'text', (col) => col.notNull().references('districts.id'))
    .addColumn('school_id', 'text', (col) => col.references('schools.id'))
    .addColumn('channel', 'text', (col) => col.notNull())
    // A secret: whoever holds the address may post to the group. Never returned nor logged.
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('secret', 'text')
    .addColumn('set_by', 'text')
    .addColumn('set_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('webhooks_district').on('webhooks').columns(['district_id', 'school_id']).execute()

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('dedup_key', 'text', (col) => col.notNull().unique())
    .addColumn('district_id', 'text', (col) => col.notNull())
    .addColumn('school_id', 'text', (col) => col.notNull().references('schools.id'))
    .addColumn('form_id', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull())
    // manual | before | after
    .addColumn('origin', 'text', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text')
    .execute()
  // The school's to-do reads its own reminders; the bureau's list reads a district's, newest first.
  await db.schema.createIndex('reminders_school').on('reminders').columns(['school_id', 'form_id', 'period']).execute()
  await db.schema.createIndex('reminders_district').on('reminders').columns(['district_id', 'created_at']).execute()

  await db.schema
    .createTable('outbound_messages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('dedup_key', 'text', (col) => col.notNull().unique())
    .addColumn('district_id', 'text', (col) => col.notNull())
    .addColumn('webhook_id', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    // JSON {title, text}: the markdown, rendered once when queued.
    .addColumn('payload', 'text', (col) => col.notNull())
    // pending | sending | retrying | sent | dead
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    // While sending: until when the claim holds, and whose it is (a late worker cannot mark another's claim).
    .addColumn('lease_until', 'text')
    .addColumn('claim_token', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema.createIndex('outbound_messages_due').on('outbound_messages').columns(['state', 'next_attempt_at']).execute()
  await db.schema.createIndex('outbound_messages_district').on('outbound_messages').columns(['district_id', 'created_at']).execute()

  await db.schema
    .createTable('outbound_message_reminders')
    .addColumn('message_id', 'text', (col) => col.notNull().references('outbound_messages.id'))
    .addColumn('reminder_id', 'text', (col) => col.notNull().references('reminders.id'))
    .addPrimaryKeyConstraint('outbound_message_reminders_pk', ['message_id', 'reminder_id'])
    .execute()
  await db.schema.createIndex('outbound_message_reminders_reminder').on('outbound_message_reminders').column('reminder_id').execute()

  await db.schema
    .createTable('reminder_settings')
    .addColumn('district_id', 'text', (col) => col.primaryKey().references('districts.id'))
    // JSON ReminderSettings, per-form overrides keyed by form id (not by a schedule's row).
    .addColumn('settings', 'text', (col) => col.notNull())
    .addColumn('set_by', 'text')
    .addColumn('set_at', 'text', (col) => col.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reminder_settings').execute()
  await db.schema.dropTable('outbound_message_reminders').execute()
  await db.schema.dropTable('outbound_messages').execute()
  await db.schema.dropTable('reminders').execute()
  await db.schema.dropTable('webhooks').execute()
}

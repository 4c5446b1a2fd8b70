import { sql, type Kysely } from 'kysely'

/**
 * What schools owe (issue 14). A schedule is a district's standing request for a form; its rule
 * (core ScheduleRule) is JSON text because the shape belongs to core and grows, while the columns
 * the server filters by (district, form) are real columns. Every save is a new row in
 * schedule_versions and nothing is updated in place: a past period is judged by the version in
 * force when it closed, and the audit log can point at exactly what changed.
 *
 * school_states keeps each school's kind and township over time for the same reason: a school
 * that became a primary school in March did not owe the physical-health report as a
 * kindergarten in January. Existing schools get one state "since always" (the epoch).
 *
 * report_deadlines stays: a deadline is a per-period override of a schedule's due date (a
 * holiday moves one month's date without a new schedule version), and a deadline with no
 * schedule behind it still expects the district's every school for that one period — exactly
 * what it meant before schedules existed — so no deadline is lost or reinterpreted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('district_id', 'text', (col) => col.notNull())
    .addColumn('form_id', 'text', (col) => col.notNull())
    // The newest version and whether it retired the schedule: the list reads these without the history.
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('retired', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema.createIndex('schedules_district_form').on('schedules').columns(['district_id', 'form_id', 'id']).execute()
  await db.schema
    .createTable('schedule_versions')
    .addColumn('schedule_id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('district_id', 'text', (col) => col.notNull())
    .addColumn('form_id', 'text', (col) => col.notNull())
    .addColumn('title_zh', 'text', (col) => col.notNull())
    .addColumn('title_en', 'text', (col) => col.notNull())
    /** JSON of core ScheduleRule. */
    .addColumn('rule', 'text', (col) => col.notNull())
    .addColumn('retired', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('effective_at', 'text', (col) => col.notNull())
    .addColumn('saved_by', 'text')
    .addPrimaryKeyConstraint('schedule_versions_pk', ['schedule_id', 'version'])
    .execute()
  // Completeness and the to-do read a district's versions, for one form or all.
  await db.schema.createIndex('schedule_versions_district_form').on('schedule_versions').columns(['district_id', 'form_id', 'schedule_id', 'version']).execute()
  await db.schema
    .createTable('school_states')
    .addColumn('school_id', 'text', (col) => col.notNull())
    .addColumn('from_at', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('township', 'text')
    .addPrimaryKeyConstraint('school_states_pk', ['school_id', 'from_at'])
    .execute()
  await sql`insert into school_states (school_id, from_at, kind, township) select id, '1970-01-01T00:00:00.000Z', kind, township from schools`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('school_states').execute()
  await db.schema.dropTable('schedule_versions').execute()
  await db.schema.dropTable('schedules').execute()
}

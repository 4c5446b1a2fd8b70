import { sql, type Kysely } from 'kysely'

/**
 * A district's reads scope by one column instead of a list of its school ids: a copy of the
 * school's district on every submission and hazard (a school never changes district, so the copy
 * cannot go stale), and indexes in the order each list is read, so a page is an index range
 * rather than a sort of every row in scope.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['submissions', 'hazards']) {
    await db.schema.alterTable(table).addColumn('district_id', 'text').execute()
    await sql`update ${sql.table(table)} set district_id = (select s.district_id from schools s where s.id = ${sql.ref(`${table}.school_id`)})`.execute(db)
  }
  // /submissions pages newest first by (received_at, id), for a district or one school.
  await db.schema.createIndex('submissions_district_received').on('submissions').columns(['district_id', 'received_at', 'id']).execute()
  await db.schema.createIndex('submissions_school_received_id').on('submissions').columns(['school_id', 'received_at', 'id']).execute()
  // /hazards pages soonest deadline first by (deadline, id), with or without a status.
  await db.schema.createIndex('hazards_district_deadline').on('hazards').columns(['district_id', 'deadline', 'id']).execute()
  await db.schema.createIndex('hazards_district_status_deadline').on('hazards').columns(['district_id', 'status', 'deadline', 'id']).execute()
  await db.schema.createIndex('hazards_school_deadline').on('hazards').columns(['school_id', 'deadline', 'id']).execute()
  await db.schema.createIndex('hazards_status_deadline').on('hazards').columns(['status', 'deadline', 'id']).execute()
  // The board's counts group a district's hazards by these columns: read from the index alone.
  await db.schema.createIndex('hazards_district_counts').on('hazards').columns(['district_id', 'school_id', 'form_id', 'status', 'severity', 'deadline']).execute()
  // The board's weekly trend: hazards closed since a date.
  await db.schema.createIndex('hazard_events_kind_at').on('hazard_events').columns(['kind', 'at', 'hazard_id']).execute()
  // A school's survey history per form and period: the phone's latest reports and their supersede counts.
  await db.schema.createIndex('survey_reports_school_form_period').on('survey_reports').columns(['school_id', 'form_id', 'period']).execute()
  // admin/schools counts each school's users.
  await db.schema.createIndex('users_school').on('users').column('school_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['users_school', 'survey_reports_school_form_period', 'hazard_events_kind_at', 'hazards_district_counts', 'hazards_status_deadline', 'hazards_school_deadline', 'hazards_district_status_deadline',
    'hazards_district_deadline', 'submissions_school_received_id', 'submissions_district_received']) {
    await db.schema.dropIndex(index).execute()
  }
  await db.schema.alterTable('hazards').dropColumn('district_id').execute()
  await db.schema.alterTable('submissions').dropColumn('district_id').execute()
}

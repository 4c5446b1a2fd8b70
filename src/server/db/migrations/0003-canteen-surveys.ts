import { sql, type Kysely } from 'kysely'

/** Canteen grades and survey reports derived on ingest, and the bureau's reporting deadlines. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The server's own grading of each canteen submission (never the client's), one row per submission.
  await db.schema
    .createTable('canteen_grades')
    .addColumn('submission_id', 'text', (col) => col.primaryKey().references('submissions.id'))
    .addColumn('school_id', 'text', (col) => col.notNull().references('schools.id'))
    .addColumn('form_id', 'text', (col) => col.notNull())
    .addColumn('check_date', 'text', (col) => col.notNull())
    .addColumn('term', 'text', (col) => col.notNull())
    .addColumn('check_type', 'text', (col) => col.notNull())
    .addColumn('score', 'integer', (col) => col.notNull())
    .addColumn('max_score', 'integer', (col) => col.notNull())
    .addColumn('grade', 'text', (col) => col.notNull())
    .addColumn('meal_fee_share', 'double precision')
    .addColumn('received_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('canteen_grades_school_date').on('canteen_grades').columns(['school_id', 'check_date']).execute()

  await db.schema
    .createTable('survey_reports')
    .addColumn('submission_id', 'text', (col) => col.primaryKey().references('submissions.id'))
    .addColumn('school_id', 'text', (col) => col.notNull().references('schools.id'))
    .addColumn('form_id', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addColumn('superseded_by', 'text')
    .addColumn('superseded_at', 'text')
    /** JSON array of the soft-rule warnings the server found with its own previous report. */
    .addColumn('warnings', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute()
  // One current report per school, form and period: two racing submissions cannot both stay current.
  await db.schema
    .createIndex('survey_reports_current')
    .on('survey_reports')
    .columns(['school_id', 'form_id', 'period'])
    .unique()
    .where(sql.ref('superseded_by'), 'is', null)
    .execute()
  await db.schema.createIndex('survey_reports_form_period').on('survey_reports').columns(['form_id', 'period']).execute()

  await db.schema
    .createTable('report_deadlines')
    .addColumn('district_id', 'text', (col) => col.notNull().references('districts.id'))
    .addColumn('form_id', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('due_at', 'text', (col) => col.notNull())
    .addColumn('set_by', 'text')
    .addColumn('set_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('report_deadlines_pk', ['district_id', 'form_id', 'period'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['report_deadlines', 'survey_reports', 'canteen_grades']) await db.schema.dropTable(table).execute()
}

import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * Reads that stay fast as a county grows (issue 16). The hazard board's counts, kept by the database itself: one row per (school, subject, status,
 * severity, deadline) with how many hazards share it, maintained by triggers on `hazards`. A
 * trigger runs inside the statement that changed the hazard, so the count commits with it, rolls
 * back with a refused item's savepoint, and cannot be forgotten by a new write path. Only an open
 * hazard's deadline decides its warning level, so the others share the deadline '' and collapse
 * into a handful of rows per school: the board groups these rows instead of every hazard ever found.
 */
const KEY = ['school_id', 'form_id', 'status', 'severity', 'deadline'] as const

function keyMatch(row: 'old' | 'new'): string {
  return `school_id = ${row}.school_id and form_id = ${row}.form_id and status = ${row}.status and severity = ${row}.severity
    and deadline = case when ${row}.status = 'open' then ${row}.deadline else '' end`
}

function addOne(row: 'new', table: string): string {
  return `insert into hazard_counts (district_id, school_id, form_id, status, severity, deadline, n)
    values (${row}.district_id, ${row}.school_id, ${row}.form_id, ${row}.status, ${row}.severity, case when ${row}.status = 'open' then ${row}.deadline else '' end, 1)
    on conflict (${KEY.join(', ')}) do update set n = ${table}.n + 1, district_id = excluded.district_id`
}

const takeOne = (row: 'old') => `update hazard_counts set n = n - 1 where ${keyMatch(row)}`
const dropEmpty = (row: 'old') => `delete from hazard_counts where ${keyMatch(row)} and n <= 0`
// Only a change of a counted column moves a hazard between rows (a rectification note does not).
const MOVED = `old.school_id is distinct from new.school_id or old.form_id is distinct from new.form_id or old.status is distinct from new.status
  or old.severity is distinct from new.severity or old.deadline is distinct from new.deadline or old.district_id is distinct from new.district_id`

async function createSqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const sqliteMoved = MOVED.replaceAll('is distinct from', 'is not')
  await sql.raw(`create trigger hazard_counts_insert after insert on hazards begin ${addOne('new', 'hazard_counts')}; end`).execute(db)
  await sql.raw(`create trigger hazard_counts_delete after delete on hazards begin ${takeOne('old')}; ${dropEmpty('old')}; end`).execute(db)
  await sql.raw(`create trigger hazard_counts_update after update on hazards when ${sqliteMoved}
    begin ${takeOne('old')}; ${dropEmpty('old')}; ${addOne('new', 'hazard_counts')}; end`).execute(db)
}

async function createPostgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`create function hazard_counts_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' or (tg_op = 'UPDATE' and (${MOVED})) then
        ${takeOne('old')};
        ${dropEmpty('old')};
      end if;
      if tg_op = 'INSERT' or (tg_op = 'UPDATE' and (${MOVED})) then
        ${addOne('new', 'hazard_counts')};
      end if;
      return null;
    end $$`).execute(db)
  await sql.raw(`create trigger hazard_counts_apply after insert or update or delete on hazards for each row execute function hazard_counts_apply()`).execute(db)
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hazard_counts')
    .addColumn('district_id', 'text')
    .addColumn('school_id', 'text', (col) => col.notNull())
    .addColumn('form_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('severity', 'text', (col) => col.notNull())
    .addColumn('deadline', 'text', (col) => col.notNull())
    .addColumn('n', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('hazard_counts_pk', [...KEY])
    .execute()
  // The board reads one district's rows, grouped by school: an index range in that order.
  await db.schema.createIndex('hazard_counts_district').on('hazard_counts').columns(['district_id', ...KEY, 'n']).execute()
  // The board's weekly trend (hazards found since a date) and the hazard register's pages (oldest
  // first, by a (created_at, id) cursor) read a district's range of this index.
  await db.schema.createIndex('hazards_district_created').on('hazards').columns(['district_id', 'created_at', 'id']).execute()
  // Completeness and a periodic form's export read one form and period of a district in the
  // order its reports arrived: one range of this index, no sort (completeness: no table rows).
  await db.schema.createIndex('submissions_form_period_district').on('submissions').columns(['form_id', 'period', 'district_id', 'received_at', 'id', 'school_id']).execute()
  // Backfill before the triggers exist: every hazard already stored, counted once.
  await sql`insert into hazard_counts (district_id, school_id, form_id, status, severity, deadline, n)
    select district_id, school_id, form_id, status, severity, case when status = 'open' then deadline else '' end, count(*)
    from hazards group by district_id, school_id, form_id, status, severity, case when status = 'open' then deadline else '' end`.execute(db)
  if (db.getExecutor().adapter instanceof PostgresAdapter) await createPostgresTriggers(db)
  else await createSqliteTriggers(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger hazard_counts_apply on hazards`.execute(db)
    await sql`drop function hazard_counts_apply()`.execute(db)
  } else {
    for (const trigger of ['hazard_counts_insert', 'hazard_counts_delete', 'hazard_counts_update']) await sql.raw(`drop trigger ${trigger}`).execute(db)
  }
  await db.schema.dropIndex('submissions_form_period_district').execute()
  await db.schema.dropIndex('hazards_district_created').execute()
  await db.schema.dropTable('hazard_counts').execute()
}

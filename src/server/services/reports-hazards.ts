import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import { chinaTime } from '../../core/exportLayout.js'
import type { HazardBoardPage, HazardBoardQuery, HazardBoardRow } from '../../core/protocol.js'
import { daysUntil, warningLevel } from '../../core/warningLevel.js'
import { levelConditions } from '../../core/warningLevelFilter.js'
import { daysBetween } from '../../core/weeks.js'
import type { ReadScope } from '../auth/scope.js'
import type { Database } from '../db/schema.js'
import { loadFormLabels, type FormLabels } from './form-labels.js'

type Cursor = { readonly createdAt: string; readonly id: string }

/** The day (YYYY-MM-DD, 北京时间) an ISO instant falls on. */
function chinaDay(iso: string): string {
  return (chinaTime(iso) ?? iso).slice(0, 10)
}

type HazardRowIn = {
  id: string; school_id: string; school_name: string; form_id: string; field_id: string; description: string
  severity: string; status: string; deadline: string; responsible: string | null; created_at: string; updated_at: string | null
}

function toBoardRow(row: HazardRowIn, labels: FormLabels, today: string): HazardBoardRow {
  const severity = row.severity as HazardBoardRow['severity']
  const status = row.status as HazardBoardRow['status']
  const late = daysUntil(row.deadline, today)
  return {
    id: row.id,
    schoolId: row.school_id,
    schoolName: row.school_name,
    formId: row.form_id,
    subject: labels.title(row.form_id),
    item: labels.field(row.form_id, row.field_id),
    description: row.description,
    severity,
    status,
    deadline: row.deadline,
    responsible: row.responsible,
    createdAt: row.created_at,
    updatedAt: row.updated_at ?? row.created_at,
    level: warningLevel({ severity, deadline: row.deadline, status }, today),
    ageDays: daysBetween(chinaDay(row.created_at), today),
    daysOverdue: status === 'open' && late < 0 ? -late : 0,
  }
}

/** Hazards in scope, oldest found first, a page at a time (exports walk all of them this way). */
export async function* iterateHazards(db: Kysely<Database>, scope: ReadScope, today: string, pageSize = 500): AsyncGenerator<HazardBoardRow[]> {
  const labels = await loadFormLabels(db)
  let after: Cursor | null = null
  for (;;) {
    let query = db
      .selectFrom('hazards as h')
      .innerJoin('schools as s', 's.id', 'h.school_id')
      .select(['h.id', 'h.school_id', 's.name as school_name', 'h.form_id', 'h.field_id', 'h.description', 'h.severity', 'h.status',
        'h.deadline', 'h.responsible', 'h.created_at', 'h.updated_at'])
      .orderBy('h.created_at')
      .orderBy('h.id')
      .limit(pageSize)
      // The district by its column, in the index (district_id, created_at, id) order (migration 0011).
      .where((eb) => inScope(eb, scope))
    if (after !== null) {
      const { createdAt, id } = after
      // A row value: each page starts where the last ended in the index, instead of walking past every earlier page.
      query = query.where((eb) => eb(eb.refTuple('h.created_at', 'h.id'), '>', eb.tuple(createdAt, id)))
    }
    const rows = await query.execute()
    if (rows.length === 0) return
    yield rows.map((row) => toBoardRow(row, labels, today))
    const last = rows[rows.length - 1]
    if (rows.length < pageSize || !last) return
    after = { createdAt: last.created_at, id: last.id }
  }
}

type HazardsEb = ExpressionBuilder<Database & { h: Database['hazards'] }, 'h'>

/** Rows of the scope, by the district_id copied onto each hazard (migration 0010). */
function inScope(eb: HazardsEb, scope: ReadScope) {
  if (scope.kind === 'district') return eb('h.district_id', '=', scope.districtId)
  if (scope.kind === 'school') return eb('h.school_id', '=', scope.schoolId)
  return scope.kind === 'all' ? eb.lit(true) : eb.lit(false)
}

export const BOARD_PAGE_SIZE = 50

/** One page of the board's table, filtered and sorted in the database: a page costs the same on page 1 and page 600. */
export async function hazardBoardPage(db: Kysely<Database>, scope: ReadScope, query: HazardBoardQuery, today: string): Promise<HazardBoardPage> {
  const pageSize = query.pageSize ?? BOARD_PAGE_SIZE
  const page = query.page ?? 1
  const { status } = query
  const base = db
    .selectFrom('hazards as h')
    .innerJoin('schools as s', 's.id', 'h.school_id')
    .where((eb) => inScope(eb, scope))
    .where(boardFilter('h', query, today))
  const total = await countMatching(db, scope, query, today)
  let rows = base.select(['h.id', 'h.school_id', 's.name as school_name', 'h.form_id', 'h.field_id', 'h.description', 'h.severity', 'h.status',
    'h.deadline', 'h.responsible', 'h.created_at', 'h.updated_at'])
  const labels = await loadFormLabels(db)
  const offset = (page - 1) * pageSize
  let found: Awaited<ReturnType<typeof rows.execute>>
  const sort = query.sort ?? 'overdue'
  if (sort === 'overdue' && status === undefined) {
    // Open hazards first, soonest deadline (so the longest overdue) on top: what needs chasing.
    // Read as two index ranges in (deadline, id) order, the open ones and then the others, instead
    // of sorting every hazard of the district by a computed open-first key for each page.
    const open = await countMatching(db, scope, { ...query, status: 'open' }, today)
    const openRows = offset < open ? await rows.where('h.status', '=', 'open').orderBy('h.deadline').orderBy('h.id').limit(pageSize).offset(offset).execute() : []
    const rest = pageSize - openRows.length
    const otherRows = rest > 0 && total > open
      ? await rows.where('h.status', '<>', 'open').orderBy('h.deadline').orderBy('h.id').limit(rest).offset(Math.max(0, offset - open)).execute()
      : []
    found = [...openRows, ...otherRows]
  } else {
    switch (sort) {
      // With one status asked for, "overdue" is the deadline order, which the index already holds.
      case 'overdue': case 'deadline': rows = rows.orderBy('h.deadline').orderBy('h.id'); break
      case 'age': rows = rows.orderBy('h.created_at').orderBy('h.id'); break
      case 'school': break
    }
    found = sort === 'school'
      ? await bySchool(db, scope, query, today).limit(pageSize).offset(offset).execute()
      : await rows.limit(pageSize).offset(offset).execute()
  }
  return { rows: found.map((row) => toBoardRow(row, labels, today)), total, page, pageSize }
}

/**
 * The rows by school: the district's schools in name order (index schools_district_name, migration
 * 0018) as the outer loop, each school's hazards by deadline (hazards_school_deadline) inside, so a
 * page is read in the order asked for instead of sorting every hazard of the district by a name.
 * SQLite keeps a CROSS JOIN's tables in the order written; PostgreSQL plans it as an inner join.
 * The school's id breaks ties between schools of one name, so each school's hazards stay together.
 * The district is the school's (a hazard's district_id is copied from it): a condition on the
 * hazard's own column would lead SQLite to an index not in deadline order.
 */
function bySchool(db: Kysely<Database>, scope: ReadScope, query: HazardBoardQuery, today: string) {
  const inScope = scope.kind === 'district' ? sql<SqlBool>`s.district_id = ${scope.districtId}`
    : scope.kind === 'school' ? sql<SqlBool>`s.id = ${scope.schoolId}`
      : scope.kind === 'all' ? sql<SqlBool>`1 = 1` : sql<SqlBool>`1 = 0`
  return db
    .selectFrom('schools as s')
    .crossJoin('hazards as h')
    .whereRef('h.school_id', '=', 's.id')
    .where(inScope)
    .where(boardFilter('h', query, today))
    .select(['h.id', 'h.school_id', 's.name as school_name', 'h.form_id', 'h.field_id', 'h.description', 'h.severity', 'h.status',
      'h.deadline', 'h.responsible', 'h.created_at', 'h.updated_at'])
    .orderBy('s.name')
    .orderBy('s.id')
    .orderBy('h.deadline')
    .orderBy('h.id')
}

/**
 * The board's filters as one condition on `hazards as h` or `hazard_counts as c`: the two share
 * the filtered columns' names, so the rows and their count can never disagree on what matches.
 */
function boardFilter(alias: 'h' | 'c', query: HazardBoardQuery, today: string): RawBuilder<SqlBool> {
  const column = (name: 'status' | 'severity' | 'deadline' | 'school_id' | 'form_id') => sql.ref(`${alias}.${name}`)
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`]
  const { status, level, schoolId, formId } = query
  if (status === 'overdue') parts.push(sql`${column('status')} = 'open'`, sql`${column('deadline')} < ${today}`)
  else if (status !== undefined) parts.push(sql`${column('status')} = ${status}`)
  if (schoolId !== undefined) parts.push(sql`${column('school_id')} = ${schoolId}`)
  if (formId !== undefined) parts.push(sql`${column('form_id')} = ${formId}`)
  if (level !== undefined) {
    const alternatives = levelConditions(level, today).map((condition) => {
      const all = [sql`${column('status')} = ${condition.status}`, sql`${column('severity')} = ${condition.severity}`]
      if (condition.deadline?.from !== undefined) all.push(sql`${column('deadline')} >= ${condition.deadline.from}`)
      if (condition.deadline?.before !== undefined) all.push(sql`${column('deadline')} < ${condition.deadline.before}`)
      return sql`(${sql.join(all, sql` and `)})`
    })
    parts.push(alternatives.length === 0 ? sql`1 = 0` : sql`(${sql.join(alternatives, sql` or `)})`)
  }
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`
}

type CountsEb = ExpressionBuilder<Database & { c: Database['hazard_counts'] }, 'c'>

/**
 * How many hazards match the board's filters, summed from hazard_counts (migration 0011): every
 * filter is on a column of its key (only open hazards keep their deadline there, and only open
 * hazards are filtered by deadline), so the count reads a few rows per school, not every hazard.
 */
async function countMatching(db: Kysely<Database>, scope: ReadScope, query: HazardBoardQuery, today: string): Promise<number> {
  const counts = db
    .selectFrom('hazard_counts as c')
    .where((eb: CountsEb) => {
      if (scope.kind === 'district') return eb('c.district_id', '=', scope.districtId)
      if (scope.kind === 'school') return eb('c.school_id', '=', scope.schoolId)
      return scope.kind === 'all' ? eb.lit(true) : eb.lit(false)
    })
    .where(boardFilter('c', query, today))
  const row = await counts.select(sql<string | number | null>`sum(c.n)`.as('n')).executeTakeFirst()
  return Number(row?.n ?? 0)
}

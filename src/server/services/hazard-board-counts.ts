import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { HazardBoard, HazardBoardRow, HazardCounts } from '../../core/protocol.js'
import { WARNING_LEVELS, warningLevel } from '../../core/warningLevel.js'
import { deadlineIn, longOverdueBefore, type DeadlineBucket } from '../../core/warningLevelFilter.js'
import { recentWeeks } from '../../core/weeks.js'
import type { ReadScope } from '../auth/scope.js'
import type { Database } from '../db/schema.js'
import { loadFormLabels } from './form-labels.js'

type Counts = { open: number; overdue: number; rectified: number; closed: number }
type Statuses = Exclude<keyof Counts, 'overdue'>

const TREND_WEEKS = 12
/**
 * Schools per grouping query. Each query is one synchronous call on SQLite: a range of a few
 * hundred schools keeps it to milliseconds however large the district, and the event loop serves
 * other requests between chunks.
 */
const SCHOOLS_PER_CHUNK = 250

function emptyCounts(): Counts {
  return { open: 0, overdue: 0, rectified: 0, closed: 0 }
}

type CountsEb = ExpressionBuilder<Database & { c: Database['hazard_counts'] }, 'c'>

function countsInScope(eb: CountsEb, scope: ReadScope) {
  if (scope.kind === 'district') return eb('c.district_id', '=', scope.districtId)
  if (scope.kind === 'school') return eb('c.school_id', '=', scope.schoolId)
  return scope.kind === 'all' ? eb.lit(true) : eb.lit(false)
}

/** The schools of the scope, by id: the board's chunks are ranges of them. */
async function schoolsInScope(db: Kysely<Database>, scope: ReadScope): Promise<{ id: string; name: string }[]> {
  if (scope.kind === 'none') return []
  let query = db.selectFrom('schools').select(['id', 'name']).orderBy('id')
  if (scope.kind === 'district') query = query.where('district_id', '=', scope.districtId)
  if (scope.kind === 'school') query = query.where('id', '=', scope.schoolId)
  return query.execute()
}

type SchoolSums = { school_id: string; open: string | number; overdue: string | number; rectified: string | number; closed: string | number }
type SubjectGroup = { form_id: string; status: string; severity: string; bucket: DeadlineBucket; n: string | number }

/**
 * The board's counts: by status, level, school and subject, and found and closed per week for 12
 * weeks. Summed in the database from `hazard_counts` (kept by triggers on hazards, migration 0011),
 * a range of schools at a time: per school its four counts, per subject its counts by status,
 * severity and where the deadline stands today (which decides the level).
 */
export async function hazardBoard(db: Kysely<Database>, scope: ReadScope, today: string): Promise<HazardBoard> {
  const longBefore = longOverdueBefore(today)
  const labels = await loadFormLabels(db)
  const schools = await schoolsInScope(db, scope)
  const names = new Map(schools.map((school) => [school.id, school.name]))
  const totals = emptyCounts()
  const byLevel = Object.fromEntries(WARNING_LEVELS.map((level) => [level, 0])) as Record<(typeof WARNING_LEVELS)[number], number>
  const bySchool: ({ schoolId: string; schoolName: string } & Counts)[] = []
  const bySubject = new Map<string, { formId: string; subject: HazardBoardRow['subject'] } & Counts>()
  const sumOf = (status: string) => sql<string | number>`coalesce(sum(case when c.status = ${status} then c.n else 0 end), 0)`
  for (let start = 0; start < schools.length; start += SCHOOLS_PER_CHUNK) {
    const from = schools[start]?.id ?? ''
    const to = schools[Math.min(start + SCHOOLS_PER_CHUNK, schools.length) - 1]?.id ?? ''
    const chunk = db.selectFrom('hazard_counts as c').where((eb) => countsInScope(eb, scope)).where('c.school_id', '>=', from).where('c.school_id', '<=', to)
    const perSchool = (await chunk
      .select('c.school_id')
      .select([sumOf('open').as('open'), sumOf('rectified').as('rectified'), sumOf('closed').as('closed')])
      .select(sql<string | number>`coalesce(sum(case when c.status = 'open' and c.deadline < ${today} then c.n else 0 end), 0)`.as('overdue'))
      .groupBy('c.school_id')
      .orderBy('c.school_id')
      .execute()) as SchoolSums[]
    for (const row of perSchool) {
      const counts = { open: Number(row.open), overdue: Number(row.overdue), rectified: Number(row.rectified), closed: Number(row.closed) }
      bySchool.push({ schoolId: row.school_id, schoolName: names.get(row.school_id) ?? row.school_id, ...counts })
    }
    const perSubject = (await chunk
      .select(['c.form_id', 'c.status', 'c.severity'])
      .select(sql<DeadlineBucket>`case when c.status <> 'open' or c.deadline >= ${today} then 'due' when c.deadline >= ${longBefore} then 'overdue' else 'long_overdue' end`.as('bucket'))
      .select(sql<string | number>`sum(c.n)`.as('n'))
      .groupBy(['c.form_id', 'c.status', 'c.severity', sql`4`])
      .execute()) as SubjectGroup[]
    for (const group of perSubject) {
      const n = Number(group.n)
      const status = group.status as Statuses
      const overdue = status === 'open' && group.bucket !== 'due' ? n : 0
      totals[status] += n
      totals.overdue += overdue
      const level = warningLevel({ severity: group.severity as HazardBoardRow['severity'], status, deadline: deadlineIn(group.bucket, today) }, today)
      if (level !== null) byLevel[level] += n
      const subject = bySubject.get(group.form_id) ?? { formId: group.form_id, subject: labels.title(group.form_id), ...emptyCounts() }
      subject[status] += n
      subject.overdue += overdue
      bySubject.set(group.form_id, subject)
    }
  }
  const byOpenFirst = (a: HazardCounts, b: HazardCounts) => b.overdue - a.overdue || b.open - a.open
  return {
    today,
    totals,
    byLevel,
    bySchool: bySchool.sort(byOpenFirst),
    bySubject: [...bySubject.values()].sort((a, b) => byOpenFirst(a, b) || a.formId.localeCompare(b.formId)),
    trend: await trend(db, scope, today),
  }
}

type HazardsEb = ExpressionBuilder<Database & { h: Database['hazards'] }, 'h'>

function hazardsInScope(eb: HazardsEb, scope: ReadScope) {
  if (scope.kind === 'district') return eb('h.district_id', '=', scope.districtId)
  if (scope.kind === 'school') return eb('h.school_id', '=', scope.schoolId)
  return scope.kind === 'all' ? eb.lit(true) : eb.lit(false)
}

/** Midnight (北京时间) of a day, as the ISO instant the database stores times in. */
function chinaMidnight(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString()
}

/** Which of the weeks (starting at these instants, oldest first) a stored instant falls in. */
function weekIndex(column: 'h.created_at' | 'e.at', starts: readonly string[]) {
  const whens = starts.map((start, index) => ({ start, index })).reverse().map(({ start, index }) => sql`when ${sql.ref(column)} >= ${start} then ${index}`)
  return sql<number>`case ${sql.join(whens, sql` `)} end`
}

/**
 * Found and closed per week, the last 12 weeks (Monday to Sunday, 北京时间): counted in the
 * database over a date range of an index each, twelve rows back instead of every hazard.
 */
async function trend(db: Kysely<Database>, scope: ReadScope, today: string): Promise<HazardBoard['trend']> {
  const weeks = recentWeeks(today, TREND_WEEKS)
  const starts = weeks.map(chinaMidnight)
  const since = starts[0] ?? chinaMidnight(today)
  // 北京时间 keeps no summer time: a week is always 7 × 24 hours.
  const until = new Date(Date.parse(starts.at(-1) ?? since) + 7 * 86_400_000).toISOString()
  const found = await db.selectFrom('hazards as h').where((eb) => hazardsInScope(eb, scope)).where('h.created_at', '>=', since).where('h.created_at', '<', until)
    .select(weekIndex('h.created_at', starts).as('week')).select((eb) => eb.fn.countAll<string | number>().as('n')).groupBy(sql`1`).execute()
  const closed = await db.selectFrom('hazard_events as e').innerJoin('hazards as h', 'h.id', 'e.hazard_id')
    .where('e.kind', '=', 'closed').where('e.at', '>=', since).where('e.at', '<', until).where((eb) => hazardsInScope(eb, scope))
    .select(weekIndex('e.at', starts).as('week')).select((eb) => eb.fn.countAll<string | number>().as('n')).groupBy(sql`1`).execute()
  const count = (rows: readonly { week: number; n: string | number }[], index: number) => Number(rows.find((row) => Number(row.week) === index)?.n ?? 0)
  return weeks.map((week, index) => ({ week, found: count(found, index), closed: count(closed, index) }))
}

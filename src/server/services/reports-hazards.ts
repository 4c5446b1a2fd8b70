import type { Kysely } from 'kysely'
import { chinaTime } from '../../core/exportLayout.js'
import type { HazardBoard, HazardBoardRow, HazardCounts } from '../../core/protocol.js'
import { WARNING_LEVELS, daysUntil, warningLevel } from '../../core/warningLevel.js'
import { daysBetween, mondayOf, recentWeeks } from '../../core/weeks.js'
import type { Database } from '../db/schema.js'
import { loadFormLabels, type FormLabels } from './form-labels.js'

type Scope = readonly string[] | 'all'
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
export async function* iterateHazards(db: Kysely<Database>, scope: Scope, today: string, pageSize = 500): AsyncGenerator<HazardBoardRow[]> {
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
    if (scope !== 'all') query = query.where('h.school_id', 'in', scope.length > 0 ? [...scope] : [''])
    if (after !== null) {
      const { createdAt, id } = after
      query = query.where((eb) => eb.or([eb('h.created_at', '>', createdAt), eb.and([eb('h.created_at', '=', createdAt), eb('h.id', '>', id)])]))
    }
    const rows = await query.execute()
    if (rows.length === 0) return
    yield rows.map((row) => toBoardRow(row, labels, today))
    const last = rows[rows.length - 1]
    if (rows.length < pageSize || !last) return
    after = { createdAt: last.created_at, id: last.id }
  }
}

function emptyCounts(): { open: number; overdue: number; rectified: number; closed: number } {
  return { open: 0, overdue: 0, rectified: 0, closed: 0 }
}

function count(into: { open: number; overdue: number; rectified: number; closed: number }, row: HazardBoardRow): void {
  into[row.status] += 1
  if (row.daysOverdue > 0) into.overdue += 1
}

const TREND_WEEKS = 12

/**
 * The hazards board: every hazard in scope with its warning level, age and days overdue;
 * counts by status, level, school and subject; found and closed per week for 12 weeks.
 */
export async function hazardBoard(db: Kysely<Database>, scope: Scope, today: string): Promise<HazardBoard> {
  const hazards: HazardBoardRow[] = []
  for await (const page of iterateHazards(db, scope, today)) hazards.push(...page)
  const totals = emptyCounts()
  const byLevel = Object.fromEntries(WARNING_LEVELS.map((level) => [level, 0])) as Record<(typeof WARNING_LEVELS)[number], number>
  const bySchool = new Map<string, { schoolId: string; schoolName: string } & ReturnType<typeof emptyCounts>>()
  const bySubject = new Map<string, { formId: string; subject: HazardBoardRow['subject'] } & ReturnType<typeof emptyCounts>>()
  for (const row of hazards) {
    count(totals, row)
    if (row.level !== null) byLevel[row.level] += 1
    const school = bySchool.get(row.schoolId) ?? { schoolId: row.schoolId, schoolName: row.schoolName, ...emptyCounts() }
    count(school, row)
    bySchool.set(row.schoolId, school)
    const subject = bySubject.get(row.formId) ?? { formId: row.formId, subject: row.subject, ...emptyCounts() }
    count(subject, row)
    bySubject.set(row.formId, subject)
  }
  const weeks = recentWeeks(today, TREND_WEEKS)
  const found = new Map(weeks.map((week) => [week, 0]))
  for (const row of hazards) {
    const week = mondayOf(chinaDay(row.createdAt))
    if (found.has(week)) found.set(week, (found.get(week) ?? 0) + 1)
  }
  const closed = new Map(weeks.map((week) => [week, 0]))
  const ids = new Set(hazards.map((row) => row.id))
  const oldest = weeks[0] ?? today
  const events = await db.selectFrom('hazard_events').select(['hazard_id', 'at']).where('kind', '=', 'closed')
    .where('at', '>=', new Date(`${oldest}T00:00:00+08:00`).toISOString()).execute()
  for (const event of events) {
    const week = mondayOf(chinaDay(event.at))
    if (ids.has(event.hazard_id) && closed.has(week)) closed.set(week, (closed.get(week) ?? 0) + 1)
  }
  const byOpenFirst = (a: HazardCounts, b: HazardCounts) => b.overdue - a.overdue || b.open - a.open
  return {
    today,
    hazards: hazards.sort((a, b) => b.daysOverdue - a.daysOverdue || a.deadline.localeCompare(b.deadline)),
    totals,
    byLevel,
    bySchool: [...bySchool.values()].sort(byOpenFirst),
    bySubject: [...bySubject.values()].sort(byOpenFirst),
    trend: weeks.map((week) => ({ week, found: found.get(week) ?? 0, closed: closed.get(week) ?? 0 })),
  }
}

import type { Kysely } from 'kysely'
import type { CompletenessOverview, CompletenessOverviewRow } from '../../core/protocol.js'
import { cycleOf, dueAtFor } from '../../core/schedules.js'
import { cycleKindOf, periodAt, periodBounds, type CycleKind } from '../../core/shanghaiCalendar.js'
import type { ReadScope } from '../auth/scope.js'
import { ownerReached, type TemplateReach } from '../auth/template-owner.js'
import type { Database } from '../db/schema.js'
import { completenessFrom, probesFor, reportsWhere, schoolsOfScope } from './compute-completeness.js'
import { nextTurn } from './next-turn.js'
import { obligationsForSchools } from './obligations.js'
import { firstReports } from './schedules/first-reports.js'
import { formFacts } from './schedules/form-facts.js'
import { loadScheduleVersions } from './schedules/schedule-versions.js'

const MAX_ROWS = 40

type Pair = { formId: string; period: string; kind: CycleKind }

/** The period before `period` of the same kind. */
function previous(period: string, kind: CycleKind): string {
  return periodAt(new Date(periodBounds(period).opensAt.getTime() - 1), kind)
}

/**
 * The current period of every schedule in scope — and the one before it while its due date has
 * not passed, since "by the 5th of next month" is what the bureau chases in the first days of a
 * month — plus each (form, period) a district in scope has a deadline for, each with its
 * completeness counts. Newest period first, soonest deadline first.
 */
export async function completenessOverview(
  db: Kysely<Database>,
  scope: { readonly schools: ReadScope; readonly districtId: string | null; readonly reach: TemplateReach },
  now: Date,
): Promise<CompletenessOverview> {
  const schools = await schoolsOfScope(db, scope.schools)
  const districtIds = scope.districtId !== null ? [scope.districtId] : [...new Set(schools.map((school) => school.districtId))]
  const versions = await loadScheduleVersions(db, { districtIds })
  const latest = new Map<string, (typeof versions)[number]>()
  for (const version of versions) latest.set(version.scheduleId, version)
  const pairs = new Map<string, Pair>()
  const add = (pair: Pair) => pairs.set(`${pair.formId} ${pair.period}`, pair)
  for (const version of latest.values()) {
    const kind = cycleOf(version.recurrence)
    if (version.retired || kind === null) continue
    if (version.recurrence.kind === 'once') {
      add({ formId: version.formId, period: version.recurrence.period, kind })
      continue
    }
    const current = periodAt(now, kind)
    add({ formId: version.formId, period: current, kind })
    const before = previous(current, kind)
    if (dueAtFor(before, version.due).getTime() >= now.getTime()) add({ formId: version.formId, period: before, kind })
  }
  let deadlines = db.selectFrom('report_deadlines').select(['form_id', 'period'])
  if (scope.districtId !== null) deadlines = deadlines.where('district_id', '=', scope.districtId)
  for (const row of await deadlines.execute()) {
    const kind = cycleKindOf(row.period)
    if (kind !== null) add({ formId: row.form_id, period: row.period, kind })
  }

  const forms = await db.selectFrom('forms').select(['id', 'title_zh', 'template']).where('active', '=', 1).where(ownerReached(scope.reach)).orderBy('id').orderBy('version', 'desc').execute()
  const titles = new Map<string, CompletenessOverviewRow['title']>()
  for (const row of forms) if (!titles.has(row.id)) titles.set(row.id, (JSON.parse(row.template) as { title: CompletenessOverviewRow['title'] }).title)

  const shown = [...pairs.values()].filter((pair) => titles.has(pair.formId))
  if (shown.length === 0 || schools.length === 0) return { forms: [] }
  // Every schedule's obligations and every report once, not once per row: a district's overview
  // would otherwise repeat the same reads for each of its twenty-odd forms.
  const from = new Date(Math.min(...shown.map((pair) => periodBounds(pair.period).opensAt.getTime())))
  const to = new Date(Math.max(...shown.map((pair) => periodBounds(pair.period).closesAt.getTime())))
  const wanted = new Set(shown.map((pair) => `${pair.formId} ${pair.period}`))
  const only = (formId: string, period: string) => wanted.has(`${formId} ${period}`)
  const owed = (await obligationsForSchools(db, schools, { from, to, only })).filter((o) => only(o.formId, o.period))
  const probes = shown.flatMap((pair) => probesFor(schools, owed, pair.formId, pair.period))
  const reported = await firstReports(db, [...owed, ...probes], await formFacts(db, shown.map((pair) => pair.formId)), reportsWhere(scope.schools, schools))

  const rows: CompletenessOverviewRow[] = []
  for (const [index, { formId, period, kind }] of shown.entries()) {
    const title = titles.get(formId)
    if (!title) continue
    // Each row walks every school: a turn between rows keeps a city's overview from holding up the server.
    if (index > 0) await nextTurn()
    const report = completenessFrom(schools, owed, reported, { formId, period, now })
    const dueAt = report.schools.reduce<string | null>((last, row) => (row.dueAt !== null && (last === null || row.dueAt > last) ? row.dueAt : last), null)
    rows.push({ formId, title, periodKind: kind, period, dueAt, schools: report.schools.length - report.totals.not_applicable, totals: report.totals })
  }
  const opens = (period: string) => periodBounds(period).opensAt.getTime()
  rows.sort((a, b) => opens(b.period) - opens(a.period) || (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9') || a.formId.localeCompare(b.formId))
  return { forms: rows.slice(0, MAX_ROWS) }
}

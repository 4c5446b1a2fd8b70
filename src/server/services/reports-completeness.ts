import type { Kysely } from 'kysely'
import type { FormTemplate, PeriodKind } from '../../core/forms/types.js'
import { periodOf } from '../../core/periods.js'
import type { CompletenessOverview, CompletenessOverviewRow } from '../../core/protocol.js'
import type { ReadScope } from '../auth/scope.js'
import { ownerReached, type TemplateReach } from '../auth/template-owner.js'
import type { Database } from '../db/schema.js'
import { computeCompleteness, schoolsOfScope } from './compute-completeness.js'

const MAX_ROWS = 40

/**
 * Every periodic form with its current period, plus each (form, period) a district in scope has
 * a deadline for — each with its completeness counts. Newest period first, soonest deadline first.
 */
export async function completenessOverview(
  db: Kysely<Database>,
  scope: { readonly schools: ReadScope; readonly districtId: string | null; readonly reach: TemplateReach },
  now: Date,
): Promise<CompletenessOverview> {
  const forms = await db.selectFrom('forms').select('template').where('active', '=', 1).where(ownerReached(scope.reach)).orderBy('id').execute()
  const periodic = new Map<string, FormTemplate & { period: PeriodKind }>()
  for (const row of forms) {
    const template = JSON.parse(row.template) as FormTemplate
    if (template.period !== undefined) periodic.set(template.id, { ...template, period: template.period })
  }
  let deadlines = db.selectFrom('report_deadlines').select(['form_id', 'period', 'due_at'])
  if (scope.districtId !== null) deadlines = deadlines.where('district_id', '=', scope.districtId)
  const pairs = new Map<string, { formId: string; period: string }>()
  for (const template of periodic.values()) pairs.set(`${template.id} ${periodOf(now, template.period)}`, { formId: template.id, period: periodOf(now, template.period) })
  for (const row of await deadlines.execute()) if (periodic.has(row.form_id)) pairs.set(`${row.form_id} ${row.period}`, { formId: row.form_id, period: row.period })

  const rows: CompletenessOverviewRow[] = []
  // The scope's schools once for every form, not once per form.
  const schools = await schoolsOfScope(db, scope.schools)
  for (const { formId, period } of pairs.values()) {
    const template = periodic.get(formId)
    if (!template) continue
    const report = await computeCompleteness(db, { scope: scope.schools, formId, period, now }, schools)
    const dueAt = report.schools.reduce<string | null>((latest, row) => (row.dueAt !== null && (latest === null || row.dueAt > latest) ? row.dueAt : latest), null)
    rows.push({ formId, title: template.title, periodKind: template.period, period, dueAt, schools: report.schools.length, totals: report.totals })
  }
  rows.sort((a, b) => b.period.localeCompare(a.period) || (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9') || a.formId.localeCompare(b.formId))
  return { forms: rows.slice(0, MAX_ROWS) }
}

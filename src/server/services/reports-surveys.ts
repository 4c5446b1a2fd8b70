import type { Kysely } from 'kysely'
import type { Answers, FormTemplate, PeriodKind } from '../../core/forms/types.js'
import type { SurveyRateTotal, SurveyTotals } from '../../core/protocol.js'
import { computeRate } from '../../core/rates.js'
import { previousPeriod } from '../../core/recentPeriods.js'
import { schoolIdInScope, type ReadScope } from '../auth/scope.js'
import type { Database } from '../db/schema.js'

type Db = Kysely<Database>

/** The current report (latest correction) of each school for one period. */
async function currentAnswers(db: Db, formId: string, period: string, scope: ReadScope): Promise<Map<string, { id: string; answers: Answers }>> {
  const rows = await db
    .selectFrom('survey_reports as r')
    .innerJoin('submissions as s', 's.id', 'r.submission_id')
    .select(['r.school_id', 'r.submission_id', 's.body'])
    .where('r.form_id', '=', formId)
    .where('r.period', '=', period)
    .where('r.superseded_by', 'is', null)
    .where(schoolIdInScope('r.school_id', scope))
    .execute()
  return new Map(rows.map((row) => [row.school_id, { id: row.submission_id, answers: (JSON.parse(row.body) as { answers: Answers }).answers }]))
}

function sum(reports: Iterable<{ answers: Answers }>, fieldIds: readonly string[]): Record<string, number> {
  const totals: Record<string, number> = Object.fromEntries(fieldIds.map((id) => [id, 0]))
  for (const { answers } of reports) {
    for (const id of fieldIds) {
      const value = answers[id]
      if (typeof value === 'number') totals[id] = (totals[id] ?? 0) + value
    }
  }
  return totals
}

function rateTotals(template: FormTemplate, now: Answers | undefined, before: Answers | undefined): SurveyRateTotal[] {
  return (template.computed ?? []).map((rate) => {
    const percent = now === undefined ? null : computeRate(rate, now)
    const previous = before === undefined ? null : computeRate(rate, before)
    const change = percent === null || previous === null ? null : Math.round((percent - previous) * 10) / 10
    return { id: rate.id, label: rate.label, percent, previous, change }
  })
}

/**
 * District totals of a survey for one period from each school's current report, the declared
 * rates computed on the totals (so a big school weighs more than a small one, as the bureau
 * reports them upwards), the same for the period before, and every school's own figures.
 */
export async function surveyTotals(db: Db, template: FormTemplate & { period: PeriodKind }, period: string, scope: ReadScope): Promise<SurveyTotals> {
  const before = previousPeriod(period, template.period)
  const fields = template.sections.flatMap((section) => section.fields).filter((field) => field.type === 'integer' || field.type === 'number')
  const ids = fields.map((field) => field.id)
  const now = await currentAnswers(db, template.id, period, scope)
  const then = await currentAnswers(db, template.id, before, scope)
  const totals = sum(now.values(), ids)
  const previousTotals = then.size === 0 ? null : sum(then.values(), ids)

  const schools = await db.selectFrom('schools').select(['id', 'name']).where(schoolIdInScope('id', scope, 'district_id')).orderBy('id').execute()

  return {
    formId: template.id,
    title: template.title,
    period,
    previousPeriod: before,
    schools: schools.length,
    reported: now.size,
    fields: fields.map((field) => ({ id: field.id, label: field.label, total: totals[field.id] ?? 0, previous: previousTotals?.[field.id] ?? null })),
    rates: rateTotals(template, now.size === 0 ? undefined : totals, previousTotals ?? undefined),
    bySchool: schools.map((school) => {
      const report = now.get(school.id)
      return {
        schoolId: school.id,
        schoolName: school.name,
        submissionId: report?.id ?? null,
        rates: rateTotals(template, report?.answers, then.get(school.id)?.answers),
        values: Object.fromEntries(ids.map((id) => [id, typeof report?.answers[id] === 'number' ? (report.answers[id] as number) : null])),
      }
    }),
  }
}

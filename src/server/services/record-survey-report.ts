import type { Kysely } from 'kysely'
import type { Answers, FormTemplate } from '../../core/forms/types.js'
import type { SubmissionEnvelope } from '../../core/protocol.js'
import { validateAnswers } from '../../core/validate.js'
import type { Database } from '../db/schema.js'

type Db = Kysely<Database>

/** The school's current report for the latest period before `period`: what soft rules compare against. */
export async function previousPeriodAnswers(
  db: Db,
  key: { schoolId: string; formId: string; period: string },
): Promise<Answers | undefined> {
  const row = await db
    .selectFrom('survey_reports')
    .innerJoin('submissions', 'submissions.id', 'survey_reports.submission_id')
    .select('submissions.body')
    .where('survey_reports.school_id', '=', key.schoolId)
    .where('survey_reports.form_id', '=', key.formId)
    .where('survey_reports.period', '<', key.period)
    .where('survey_reports.superseded_by', 'is', null)
    .orderBy('survey_reports.period', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row && (JSON.parse(row.body) as { answers: Answers }).answers
}

/**
 * Files a survey submission as the current report of its school, form and period; the report it
 * replaces stays, marked superseded by this one and when. The soft-rule warnings are the server's
 * own, against its own previous report, and are kept for the bureau.
 */
export async function recordSurveyReport(
  trx: Db,
  template: FormTemplate,
  envelope: SubmissionEnvelope,
  receivedAt: string,
): Promise<void> {
  const period = envelope.period
  if (period === undefined) throw new Error(`survey ${envelope.id} has no period`)
  const key = { schoolId: envelope.schoolId, formId: envelope.formId, period }
  const previous = await previousPeriodAnswers(trx, key)
  const warnings = validateAnswers(template, envelope.answers, previous ? { previous } : {}).filter(
    (issue) => issue.severity === 'warning',
  )
  // Supersede first: the partial unique index allows one current row per school, form and period.
  await trx
    .updateTable('survey_reports')
    .set({ superseded_by: envelope.id, superseded_at: receivedAt })
    .where('school_id', '=', key.schoolId)
    .where('form_id', '=', key.formId)
    .where('period', '=', period)
    .where('superseded_by', 'is', null)
    .execute()
  await trx
    .insertInto('survey_reports')
    .values({
      submission_id: envelope.id,
      school_id: key.schoolId,
      form_id: key.formId,
      period,
      received_at: receivedAt,
      superseded_by: null,
      superseded_at: null,
      warnings: JSON.stringify(warnings),
    })
    .execute()
}

import type { Kysely } from 'kysely'
import type { LatestReport, LatestReportsResponse, SubmissionEnvelope } from '../../core/protocol.js'
import type { Database } from '../db/schema.js'

/** Two periods: the latest to prefill a correction or the next period, the one before to compare rates. */
const PERIODS_KEPT = 2

/**
 * The current survey reports of the schools in scope, the two latest periods per school and form,
 * so a phone can prefill a survey and check a rate against last period with no connection.
 */
export async function latestSurveyReports(db: Kysely<Database>, schoolIds: readonly string[] | 'all'): Promise<LatestReportsResponse> {
  if (schoolIds !== 'all' && schoolIds.length === 0) return { reports: [] }
  let query = db
    .selectFrom('survey_reports')
    .innerJoin('submissions', 'submissions.id', 'survey_reports.submission_id')
    .select(['survey_reports.submission_id', 'survey_reports.school_id', 'survey_reports.form_id', 'survey_reports.period', 'survey_reports.received_at', 'submissions.body'])
    .where('survey_reports.superseded_by', 'is', null)
    .orderBy('survey_reports.school_id')
    .orderBy('survey_reports.form_id')
    .orderBy('survey_reports.period', 'desc')
  if (schoolIds !== 'all') query = query.where('survey_reports.school_id', 'in', [...schoolIds])
  const rows = await query.execute()
  const counts = await supersededCounts(db, rows.map((row) => row.submission_id))
  const kept = new Map<string, number>()
  const reports: LatestReport[] = []
  for (const row of rows) {
    const key = `${row.school_id}\u0000${row.form_id}`
    const seen = kept.get(key) ?? 0
    if (seen >= PERIODS_KEPT) continue
    kept.set(key, seen + 1)
    const envelope = JSON.parse(row.body) as SubmissionEnvelope
    reports.push({
      submissionId: row.submission_id,
      schoolId: row.school_id,
      formId: row.form_id,
      formVersion: envelope.formVersion,
      period: row.period,
      answers: envelope.answers,
      receivedAt: row.received_at,
      supersedes: counts.get(row.submission_id) ?? 0,
    })
  }
  return { reports }
}

/** How many earlier reports each current one replaced (directly or down the chain). */
async function supersededCounts(db: Kysely<Database>, currentIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (currentIds.length === 0) return counts
  const rows = await db
    .selectFrom('survey_reports as current')
    .innerJoin('survey_reports as old', (join) =>
      join
        .onRef('old.school_id', '=', 'current.school_id')
        .onRef('old.form_id', '=', 'current.form_id')
        .onRef('old.period', '=', 'current.period'),
    )
    .select(['current.submission_id as id'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('current.submission_id', 'in', [...currentIds])
    .where('old.superseded_by', 'is not', null)
    .groupBy('current.submission_id')
    .execute()
  for (const row of rows) counts.set(row.id, Number(row.n))
  return counts
}

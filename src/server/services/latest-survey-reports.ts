import { sql, type Kysely } from 'kysely'
import type { LatestReport, LatestReportsResponse, SubmissionEnvelope } from '../../core/protocol.js'
import type { Database } from '../db/schema.js'

/** Two periods: the latest to prefill a correction or the next period, the one before to compare rates. */
const PERIODS_KEPT = 2

/**
 * One school's current survey reports, the two latest periods per form, so its phone can prefill
 * a survey and check a rate against last period with no connection. Ranked and counted in the
 * query, on the school's index: no row the phone will not get leaves the database, and no list
 * of ids goes back in as parameters (SQLite refuses more than 32,766).
 */
export async function latestSurveyReports(db: Kysely<Database>, schoolId: string): Promise<LatestReportsResponse> {
  const ranked = db
    .selectFrom('survey_reports')
    .select(['submission_id', 'school_id', 'form_id', 'period', 'received_at'])
    .select(sql<number>`row_number() over (partition by form_id order by period desc)`.as('rank'))
    .where('school_id', '=', schoolId)
    .where('superseded_by', 'is', null)
  const rows = await db
    .selectFrom(ranked.as('r'))
    .innerJoin('submissions', 'submissions.id', 'r.submission_id')
    .select(['r.submission_id', 'r.school_id', 'r.form_id', 'r.period', 'r.received_at', 'submissions.body'])
    // How many earlier reports this one replaced (directly or down the chain).
    .select((eb) =>
      eb
        .selectFrom('survey_reports as old')
        .select((inner) => inner.fn.countAll<string | number>().as('n'))
        .whereRef('old.school_id', '=', 'r.school_id')
        .whereRef('old.form_id', '=', 'r.form_id')
        .whereRef('old.period', '=', 'r.period')
        .where('old.superseded_by', 'is not', null)
        .as('supersedes'),
    )
    .where('r.rank', '<=', PERIODS_KEPT)
    .orderBy('r.form_id')
    .orderBy('r.period', 'desc')
    .execute()
  const reports: LatestReport[] = rows.map((row) => {
    const envelope = JSON.parse(row.body) as SubmissionEnvelope
    return {
      submissionId: row.submission_id,
      schoolId: row.school_id,
      formId: row.form_id,
      formVersion: envelope.formVersion,
      period: row.period,
      answers: envelope.answers,
      receivedAt: row.received_at,
      supersedes: Number(row.supersedes ?? 0),
    }
  })
  return { reports }
}

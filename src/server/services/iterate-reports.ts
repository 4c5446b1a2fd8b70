import type { Kysely } from 'kysely'
import { chinaInstantRange } from '../../core/periodRange.js'
import type { ReadScope } from '../auth/scope.js'
import type { Database } from '../db/schema.js'

export type ReportFilter = {
  readonly formId: string
  /** Periodic forms: the reports filed for it; others: the reports received in it (北京时间). */
  readonly period?: string
  readonly periodic: boolean
  /** A district by the column copied onto each submission, never a list of its school ids. */
  readonly scope: ReadScope
  /** Leave out survey reports a later correction replaced. */
  readonly currentOnly?: boolean
}

export type ReportRow = {
  readonly id: string
  readonly schoolId: string
  readonly schoolName: string
  readonly township: string | null
  readonly period: string | null
  readonly formVersion: number
  readonly userName: string
  readonly completedAt: string
  readonly receivedAt: string
  /** Survey reports: whether a later report for the same period replaced it; null for other forms. */
  readonly superseded: boolean | null
  /** Canonical JSON of the envelope. */
  readonly body: string
}

type Cursor = { readonly receivedAt: string; readonly id: string }

/** The joins and filters a page and the count share; no columns chosen yet. */
function matching(db: Kysely<Database>, filter: ReportFilter) {
  let query = db
    .selectFrom('submissions as s')
    .innerJoin('schools as sc', 'sc.id', 's.school_id')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('survey_reports as sr', 'sr.submission_id', 's.id')
    .where('s.form_id', '=', filter.formId)
  const { scope } = filter
  if (scope.kind === 'district') query = query.where('s.district_id', '=', scope.districtId)
  else if (scope.kind === 'school') query = query.where('s.school_id', '=', scope.schoolId)
  else if (scope.kind === 'none') query = query.where((eb) => eb.lit(false))
  if (filter.period !== undefined) {
    if (filter.periodic) query = query.where('s.period', '=', filter.period)
    else {
      const range = chinaInstantRange(filter.period)
      query = query.where('s.received_at', '>=', range.from).where('s.received_at', '<', range.to)
    }
  }
  if (filter.currentOnly) query = query.where('sr.superseded_by', 'is', null)
  return query
}

function pageQuery(db: Kysely<Database>, filter: ReportFilter, after: Cursor | null, size: number) {
  let query = matching(db, filter)
    .select([
      's.id', 's.school_id', 'sc.name as school_name', 'sc.township', 's.period', 's.form_version', 'u.display_name',
      's.completed_at', 's.received_at', 's.body', 'sr.submission_id as survey_id', 'sr.superseded_by',
    ])
    .orderBy('s.received_at')
    .orderBy('s.id')
    .limit(size)
  if (after !== null) {
    const { receivedAt, id } = after
    // A row value: the page starts where the last ended in the index (form_id, period, district_id, received_at, id).
    query = query.where((eb) => eb(eb.refTuple('s.received_at', 's.id'), '>', eb.tuple(receivedAt, id)))
  }
  return query
}

type PageRow = Awaited<ReturnType<ReturnType<typeof pageQuery>['execute']>>[number]

/**
 * A form's reports in arrival order, one page at a time (keyset paging on received_at, id):
 * an export of any size holds one page in memory, never the whole form.
 */
export async function* iterateReports(db: Kysely<Database>, filter: ReportFilter, pageSize = 200): AsyncGenerator<ReportRow[]> {
  let after: Cursor | null = null
  for (;;) {
    const rows: PageRow[] = await pageQuery(db, filter, after, pageSize).execute()
    if (rows.length === 0) return
    yield rows.map((row) => ({
      id: row.id,
      schoolId: row.school_id,
      schoolName: row.school_name,
      township: row.township,
      period: row.period,
      formVersion: row.form_version,
      userName: row.display_name ?? '',
      completedAt: row.completed_at,
      receivedAt: row.received_at,
      superseded: row.survey_id === null ? null : row.superseded_by !== null,
      body: row.body,
    }))
    const last = rows[rows.length - 1]
    if (rows.length < pageSize || !last) return
    after = { receivedAt: last.received_at, id: last.id }
  }
}

/** How many rows an export will hold: sent ahead as a header so the download can show progress. */
export async function countReports(db: Kysely<Database>, filter: ReportFilter): Promise<number> {
  const row = await matching(db, filter)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

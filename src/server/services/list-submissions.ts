import type { Kysely } from 'kysely'
import type { StoredSubmission, SubmissionEnvelope, SubmissionsPage } from '../../core/protocol.js'
import type { ReadScope } from '../auth/scope.js'
import type { Database } from '../db/schema.js'
import { decodeCursor, encodeCursor } from './paging-cursor.js'

export type SubmissionFilter = {
  readonly scope: ReadScope
  readonly formId?: string
  readonly period?: string
  readonly cursor?: string
  readonly limit: number
}

/** The query behind one page: an index range in (received_at, id) order for any scope (tests read its plan). */
export function submissionsPageQuery(db: Kysely<Database>, filter: SubmissionFilter) {
  const { scope, formId, period, cursor, limit } = filter
  let query = db
    .selectFrom('submissions')
    .select(['id', 'body', 'digest', 'received_at', 'user_id'])
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
  if (scope.kind === 'school') query = query.where('school_id', '=', scope.schoolId)
  if (scope.kind === 'district') query = query.where('district_id', '=', scope.districtId)
  if (formId !== undefined) query = query.where('form_id', '=', formId)
  if (period !== undefined) query = query.where('period', '=', period)
  if (cursor !== undefined) {
    const after = decodeCursor(cursor)
    // A row-value comparison is one index range in both dialects; the equivalent OR is not, and
    // would walk every row of the earlier pages again.
    query = query.where((eb) => eb(eb.refTuple('received_at', 'id'), '<', eb.tuple(after.key, after.id)))
  }
  return query
}

/** Submissions in scope, newest first; (received_at, id) orders rows received in the same instant. */
export async function listSubmissions(db: Kysely<Database>, filter: SubmissionFilter): Promise<SubmissionsPage> {
  if (filter.scope.kind === 'none') return { submissions: [], nextCursor: null }
  const { limit } = filter
  const rows = await submissionsPageQuery(db, filter).execute()
  const page = rows.slice(0, limit)
  const submissions: StoredSubmission[] = page.map((row) => ({
    ...(JSON.parse(row.body) as SubmissionEnvelope),
    receivedAt: row.received_at,
    digest: row.digest,
    userId: row.user_id,
  }))
  const last = page.at(-1)
  const nextCursor = rows.length > limit && last ? encodeCursor(last.received_at, last.id) : null
  return { submissions, nextCursor }
}

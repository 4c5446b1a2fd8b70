import type { Kysely } from 'kysely'
import type { StoredSubmission, SubmissionEnvelope, SubmissionsPage } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { Database } from '../db/schema.js'

export type SubmissionFilter = {
  readonly schoolIds: readonly string[] | 'all'
  readonly formId?: string
  readonly period?: string
  readonly cursor?: string
  readonly limit: number
}

type Position = { readonly receivedAt: string; readonly id: string }

/** An opaque cursor: the (receivedAt, id) of the last row on the previous page. */
function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.receivedAt, position.id])).toString('base64url')
}

function decodeCursor(cursor: string): Position {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string')) {
      return { receivedAt: parsed[0] as string, id: parsed[1] as string }
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiHttpError('bad_request', 'The cursor is not valid')
}

/** Submissions in scope, newest first; (received_at, id) orders rows received in the same instant. */
export async function listSubmissions(db: Kysely<Database>, filter: SubmissionFilter): Promise<SubmissionsPage> {
  const { schoolIds, formId, period, cursor, limit } = filter
  if (schoolIds !== 'all' && schoolIds.length === 0) return { submissions: [], nextCursor: null }
  let query = db
    .selectFrom('submissions')
    .select(['id', 'body', 'digest', 'received_at', 'user_id'])
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
  if (schoolIds !== 'all') query = query.where('school_id', 'in', [...schoolIds])
  if (formId !== undefined) query = query.where('form_id', '=', formId)
  if (period !== undefined) query = query.where('period', '=', period)
  if (cursor !== undefined) {
    const after = decodeCursor(cursor)
    query = query.where((eb) =>
      eb.or([
        eb('received_at', '<', after.receivedAt),
        eb.and([eb('received_at', '=', after.receivedAt), eb('id', '<', after.id)]),
      ]),
    )
  }
  const rows = await query.execute()
  const page = rows.slice(0, limit)
  const submissions: StoredSubmission[] = page.map((row) => ({
    ...(JSON.parse(row.body) as SubmissionEnvelope),
    receivedAt: row.received_at,
    digest: row.digest,
    userId: row.user_id,
  }))
  const last = page.at(-1)
  const nextCursor = rows.length > limit && last ? encodeCursor({ receivedAt: last.received_at, id: last.id }) : null
  return { submissions, nextCursor }
}

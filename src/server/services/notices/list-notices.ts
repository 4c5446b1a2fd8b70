import type { Kysely } from 'kysely'
import type { NoticeListItem, NoticesResponse } from '../../../core/noticeProtocol.js'
import type { User } from '../../../core/protocol.js'
import type { Database } from '../../db/schema.js'
import { cutPage, decodeCursor, type PageRequest } from '../paging-cursor.js'
import { selectNotices, toNotice, type NoticeRow } from './notice-rows.js'
import { isSchoolUser, visibleTo } from './notice-scope.js'

type Db = Kysely<Database>

async function withCounts(db: Db, user: User, rows: readonly NoticeRow[]): Promise<NoticeListItem[]> {
  const ids = rows.map((row) => row.id)
  if (ids.length === 0) return []
  if (isSchoolUser(user)) {
    const reads = await db.selectFrom('notice_reads').select(['notice_id', 'read_at']).where('notice_id', 'in', ids).where('user_id', '=', user.id).execute()
    const readAt = new Map(reads.map((read) => [read.notice_id, read.read_at]))
    return rows.map((row) => ({ ...toNotice(row), readAt: readAt.get(row.id) ?? null, targetCount: null, readCount: null }))
  }
  const targets = await db.selectFrom('notice_targets').select(['notice_id', (eb) => eb.fn.countAll<string | number>().as('n')]).where('notice_id', 'in', ids).groupBy('notice_id').execute()
  const reads = await db
    .selectFrom('notice_reads')
    .select(['notice_id', (eb) => eb.fn.count<string | number>('school_id').distinct().as('n')])
    .where('notice_id', 'in', ids)
    .groupBy('notice_id')
    .execute()
  const targetCount = new Map(targets.map((row) => [row.notice_id, Number(row.n)]))
  const readCount = new Map(reads.map((row) => [row.notice_id, Number(row.n)]))
  return rows.map((row) => ({ ...toNotice(row), readAt: null, targetCount: targetCount.get(row.id) ?? 0, readCount: readCount.get(row.id) ?? 0 }))
}

/**
 * The newest notices first, a page at a time (the counts are read for that page only): a page ends
 * where the limit does and says so with a cursor, never by dropping rows.
 */
export async function listNotices(db: Db, user: User, { cursor, limit }: PageRequest): Promise<NoticesResponse> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor)
  let query = selectNotices(db).where(visibleTo(user, 'notices')).orderBy('notices.published_at', 'desc').orderBy('notices.id', 'desc').limit(limit + 1)
  // A row-value comparison: ties on the time are broken by id, so no row is on two pages or none.
  if (after) query = query.where((eb) => eb(eb.refTuple('notices.published_at', 'notices.id'), '<', eb.tuple(after.key, after.id)))
  const { page, nextCursor } = cutPage(await query.execute(), limit, (row) => [row.published_at, row.id])
  return { notices: await withCounts(db, user, page), nextCursor }
}

/** One notice the user may see, or undefined (another school's looks absent). */
export async function findVisibleNotice(db: Db, user: User, id: string): Promise<NoticeListItem | undefined> {
  const rows = await selectNotices(db).where('notices.id', '=', id).where(visibleTo(user, 'notices')).execute()
  return (await withCounts(db, user, rows))[0]
}

import type { Kysely } from 'kysely'
import { EVERY_SCHOOL, parseAudience } from '../../../core/audience.js'
import type { BodyFormat, Notice, NoticeKind } from '../../../core/noticeProtocol.js'
import type { Database, NoticesTable } from '../../db/schema.js'

export type NoticeRow = NoticesTable & { publisher: string }

export function toNotice(row: NoticeRow): Notice {
  return {
    id: row.id,
    districtId: row.district_id,
    kind: row.kind as NoticeKind,
    title: row.title,
    body: row.body,
    bodyFormat: row.body_format as BodyFormat,
    audience: parseAudience(JSON.parse(row.audience)) ?? EVERY_SCHOOL,
    campaignId: row.campaign_id,
    publishedAt: row.published_at,
    publishedBy: row.publisher,
  }
}

/** Notices with the publisher's display name; callers add the scope and order. */
export function selectNotices(db: Kysely<Database>) {
  return db.selectFrom('notices').innerJoin('users', 'users.id', 'notices.published_by').selectAll('notices').select('users.display_name as publisher')
}

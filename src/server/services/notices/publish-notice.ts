import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Notice, NoticeInput } from '../../../core/noticeProtocol.js'
import type { User } from '../../../core/protocol.js'
import { adminScope, targetDistrict } from '../../auth/admin-scope.js'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../record-audit.js'
import { selectNotices, toNotice } from './notice-rows.js'
import { resolveTargets } from './resolve-targets.js'

type Db = Kysely<Database>

/** Writes a notice and its targets inside the caller's transaction (a campaign's 通报 shares it). */
export async function insertNotice(trx: Db, user: User, districtId: string, input: NoticeInput, now: Date, campaignId: string | null = null): Promise<Notice> {
  const targets = await resolveTargets(trx, districtId, input.audience)
  const id = uuidv7()
  await trx
    .insertInto('notices')
    .values({
      id,
      district_id: districtId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      body_format: input.bodyFormat,
      audience: JSON.stringify(input.audience),
      campaign_id: campaignId,
      published_by: user.id,
      published_at: now.toISOString(),
    })
    .execute()
  await trx.insertInto('notice_targets').values(targets.map((school_id) => ({ notice_id: id, school_id }))).execute()
  await recordAudit(trx, {
    action: 'notice_published',
    at: now,
    actor: user,
    districtId,
    subjectId: id,
    details: { kind: input.kind, title: input.title, targets: targets.length, campaignId },
  })
  const row = await selectNotices(trx).where('notices.id', '=', id).executeTakeFirstOrThrow()
  return toNotice(row)
}

/** POST /notices: a bureau's notice to its own district's schools, or an admin's to the district named. */
export async function publishNotice(db: Db, user: User, input: NoticeInput, now: Date): Promise<Notice> {
  const districtId = targetDistrict(adminScope(user), input.districtId)
  return db.transaction().execute((trx) => insertNotice(trx, user, districtId, input, now))
}

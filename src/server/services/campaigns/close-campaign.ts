import type { Kysely } from 'kysely'
import type { CloseCampaignInput, CloseCampaignResponse } from '../../../core/noticeProtocol.js'
import type { User } from '../../../core/protocol.js'
import { ApiHttpError, bilingual } from '../../api-error.js'
import { adminScope, inScope } from '../../auth/admin-scope.js'
import type { Database } from '../../db/schema.js'
import { insertNotice } from '../notices/publish-notice.js'
import { recordAudit } from '../record-audit.js'
import { selectCampaigns, toCampaign } from './campaign-rows.js'

/**
 * Closes a campaign and publishes its 通报 to the same target schools, in one transaction: a
 * campaign is never closed without its summary, nor summarised twice (the status is checked
 * and changed by one conditional update).
 */
export async function closeCampaign(db: Kysely<Database>, user: User, id: string, input: CloseCampaignInput, now: Date): Promise<CloseCampaignResponse> {
  const scope = adminScope(user)
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('campaigns').select(['district_id', 'status', 'title']).where('id', '=', id).executeTakeFirst()
    if (!row || !inScope(scope, row.district_id)) throw new ApiHttpError('not_found', bilingual({ zh: '没有这项专项检查', en: 'No such campaign' }))
    const closed = await trx
      .updateTable('campaigns')
      .set({ status: 'closed', closed_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returning('id')
      .executeTakeFirst()
    if (!closed) throw new ApiHttpError('conflict', bilingual({ zh: '这项专项检查已经结束', en: 'This campaign is already closed' }))
    const targets = await trx.selectFrom('campaign_targets').select('school_id').where('campaign_id', '=', id).execute()
    const notice = await insertNotice(
      trx,
      user,
      row.district_id,
      { kind: 'bulletin', title: input.title, body: input.body, bodyFormat: input.bodyFormat, audience: { kinds: [], townships: [], schoolIds: targets.map((target) => target.school_id) } },
      now,
      id,
    )
    await trx.updateTable('campaigns').set({ summary_notice_id: notice.id }).where('id', '=', id).execute()
    await recordAudit(trx, { action: 'campaign_closed', at: now, actor: user, districtId: row.district_id, subjectId: id, details: { title: row.title, summaryNoticeId: notice.id } })
    const campaign = toCampaign(await selectCampaigns(trx).where('campaigns.id', '=', id).executeTakeFirstOrThrow())
    return { campaign, notice }
  })
}

import type { Kysely } from 'kysely'
import { campaignFiling, campaignWindow } from '../../../core/campaignWindow.js'
import type { CampaignFiling, CampaignProgressResponse, CampaignProgressRow } from '../../../core/noticeProtocol.js'
import type { User } from '../../../core/protocol.js'
import type { Database } from '../../db/schema.js'
import { visibleTo } from '../notices/notice-scope.js'
import { firstFilings } from './campaign-filings.js'
import { selectCampaigns, toCampaign } from './campaign-rows.js'

/**
 * School by school: who acknowledged (who, when) and the first report filed for the campaign
 * (on time, late, missing, not yet due). Undefined when the caller may not see it.
 */
export async function campaignProgress(db: Kysely<Database>, user: User, id: string, now: Date): Promise<CampaignProgressResponse | undefined> {
  const row = await selectCampaigns(db).where('campaigns.id', '=', id).where(visibleTo(user, 'campaigns')).executeTakeFirst()
  if (!row) return undefined
  const schools = await db
    .selectFrom('campaign_targets')
    .innerJoin('schools', 'schools.id', 'campaign_targets.school_id')
    .select(['schools.id', 'schools.name'])
    .where('campaign_targets.campaign_id', '=', id)
    .orderBy('schools.id')
    .execute()
  const acks = await db
    .selectFrom('campaign_acks')
    .innerJoin('users', 'users.id', 'campaign_acks.user_id')
    .select(['campaign_acks.school_id', 'campaign_acks.acked_at', 'users.display_name'])
    .where('campaign_acks.campaign_id', '=', id)
    .execute()
  const ackOf = new Map(acks.map((ack) => [ack.school_id, ack]))
  const filings = await firstFilings(db, row, schools.map((school) => school.id))
  const { closesAt } = campaignWindow(row.opens_on, row.closes_on)
  const rows = schools.map((school): CampaignProgressRow => {
    const ack = ackOf.get(school.id)
    const filed = filings.get(school.id)
    return {
      schoolId: school.id,
      schoolName: school.name,
      acknowledgedAt: ack?.acked_at ?? null,
      acknowledgedBy: ack?.display_name ?? null,
      filing: campaignFiling(filed?.receivedAt ?? null, closesAt, now),
      firstReceivedAt: filed?.receivedAt ?? null,
      submissionId: filed?.submissionId ?? null,
    }
  })
  const count = (filing: CampaignFiling) => rows.filter((item) => item.filing === filing).length
  return {
    campaign: toCampaign(row),
    schools: rows,
    totals: {
      targets: rows.length,
      acknowledged: rows.filter((item) => item.acknowledgedAt !== null).length,
      on_time: count('on_time'),
      late: count('late'),
      missing: count('missing'),
      not_due: count('not_due'),
    },
  }
}

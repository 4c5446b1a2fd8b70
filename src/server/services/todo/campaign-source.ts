import { bureauToday, campaignDueAt } from '../../../core/campaignWindow.js'
import type { CampaignTodo, ReportTodo } from '../../../core/todo.js'
import { firstFilings } from '../campaigns/campaign-filings.js'
import { selectCampaigns, toCampaign } from '../campaigns/campaign-rows.js'
import type { TodoSource } from './source.js'

/**
 * Open campaigns sent to the school: first the 部署 to acknowledge (已阅); once acknowledged and
 * open, the checklist to file, until a report filed for the campaign arrives. A closed campaign
 * leaves the list: the bureau has published its 通报.
 */
export const campaignSource: TodoSource = async ({ db, schoolId, now }) => {
  const rows = await selectCampaigns(db)
    .innerJoin('campaign_targets', 'campaign_targets.campaign_id', 'campaigns.id')
    .where('campaign_targets.school_id', '=', schoolId)
    .where('campaigns.status', '=', 'open')
    .orderBy('campaigns.closes_on')
    .orderBy('campaigns.id')
    .execute()
  if (rows.length === 0) return []
  const acks = await db.selectFrom('campaign_acks').select('campaign_id').where('school_id', '=', schoolId).where('campaign_id', 'in', rows.map((row) => row.id)).execute()
  const acknowledged = new Set(acks.map((ack) => ack.campaign_id))
  const today = bureauToday(now)
  const items: (CampaignTodo | ReportTodo)[] = []
  for (const row of rows) {
    const campaign = toCampaign(row)
    const dueAt = campaignDueAt(campaign.closesOn)
    if (!acknowledged.has(campaign.id)) {
      items.push({ key: `campaign:${campaign.id}`, kind: 'campaign', title: { zh: campaign.title, en: campaign.title }, dueAt, link: `/campaigns/${campaign.id}`, campaignId: campaign.id })
      continue
    }
    if (today < campaign.opensOn || (await firstFilings(db, row, [schoolId])).has(schoolId)) continue
    items.push({
      key: `campaign-report:${campaign.id}`,
      kind: 'report',
      title: { zh: `${campaign.title}：${campaign.formTitle.zh}`, en: `${campaign.title}: ${campaign.formTitle.en}` },
      dueAt,
      link: `/new/${encodeURIComponent(campaign.formId)}?period=${campaign.period}&campaign=${campaign.id}`,
      formId: campaign.formId,
      period: campaign.period,
      campaignId: campaign.id,
    })
  }
  return items
}

import type { CampaignProgressResponse } from '../../../../core/noticeProtocol.js'

/**
 * A first draft of a campaign's closing 通报 from its progress: the figures and the schools still
 * missing, in the bureau's language (Chinese) — the bureau edits it before publishing.
 */
export function summaryDraft(progress: CampaignProgressResponse): { title: string; body: string } {
  const { campaign, totals, schools } = progress
  const missing = schools.filter((row) => row.filing === 'missing' || row.filing === 'not_due').map((row) => row.schoolName)
  const late = schools.filter((row) => row.filing === 'late').map((row) => row.schoolName)
  const lines = [
    `${campaign.title}（${campaign.opensOn} 至 ${campaign.closesOn}）已结束。`,
    `应检查学校 ${totals.targets} 所，已阅 ${totals.acknowledged} 所，按时上报 ${totals.on_time} 所，逾期上报 ${totals.late} 所，未上报 ${totals.missing + totals.not_due} 所。`,
  ]
  if (late.length > 0) lines.push(`逾期上报：${late.join('、')}。`)
  if (missing.length > 0) lines.push(`未上报：${missing.join('、')}，请于三日内补报并说明情况。`)
  return { title: `关于${campaign.title}情况的通报`, body: lines.join('\n') }
}

import type { Audience } from './audience.js'
import type { Text } from './text.js'

/** 通知 (a notice: instructions, news) or 通报 (a bulletin: a finding reported back, e.g. a campaign's summary). */
export type NoticeKind = 'notice' | 'bulletin'
/** Plain text, or the same safe markdown pledges render (no HTML, no links, no images). */
export type BodyFormat = 'text' | 'markdown'

/** POST /api/v1/notices (bureau, admin). An admin names the district. */
export type NoticeInput = {
  readonly kind: NoticeKind
  readonly title: string
  readonly body: string
  readonly bodyFormat: BodyFormat
  readonly audience: Audience
  readonly districtId?: string
}

export type Notice = {
  readonly id: string
  readonly districtId: string
  readonly kind: NoticeKind
  readonly title: string
  readonly body: string
  readonly bodyFormat: BodyFormat
  readonly audience: Audience
  /** Set on the 通报 that closed a campaign. */
  readonly campaignId: string | null
  readonly publishedAt: string
  readonly publishedBy: string
}

/**
 * One notice in a list. A school user sees when they read it (null: not yet); the bureau and
 * inspectors see how many target schools there are and how many have read it (one reader is enough).
 */
export type NoticeListItem = Notice & {
  readonly readAt: string | null
  readonly targetCount: number | null
  readonly readCount: number | null
}

/** GET /api/v1/notices and /campaigns: how many one page holds unless `limit` (at most NOTICE_PAGE_MAX) says fewer. */
export const NOTICE_PAGE_SIZE = 50
export const NOTICE_PAGE_MAX = 100

/** A page of notices, newest first; pass nextCursor back as `cursor` for the next one (null: no more). */
export type NoticesResponse = { readonly notices: readonly NoticeListItem[]; readonly nextCursor: string | null }
export type NoticeResponse = { readonly notice: NoticeListItem }

export type NoticeReader = { readonly userId: string; readonly displayName: string; readonly readAt: string; readonly receivedAt: string }

/** GET /api/v1/notices/:id/reads: every target school, with who read it and when (empty: nobody yet). */
export type NoticeReadsResponse = {
  readonly noticeId: string
  readonly schools: readonly { readonly schoolId: string; readonly schoolName: string; readonly readers: readonly NoticeReader[] }[]
}

export type CampaignStatus = 'open' | 'closed'

/** POST /api/v1/campaigns (bureau, admin): 专项检查. Dates are the bureau's days in Asia/Shanghai. */
export type CampaignInput = {
  readonly title: string
  readonly instructions: string
  readonly instructionsFormat: BodyFormat
  readonly formId: string
  /** A fixed checklist version; null or absent: whichever version the school files. */
  readonly formVersion?: number | null
  readonly audience: Audience
  readonly opensOn: string
  readonly closesOn: string
  readonly districtId?: string
}

export type Campaign = {
  readonly id: string
  readonly districtId: string
  readonly title: string
  readonly instructions: string
  readonly instructionsFormat: BodyFormat
  readonly formId: string
  readonly formVersion: number | null
  readonly formTitle: Text
  readonly audience: Audience
  readonly opensOn: string
  readonly closesOn: string
  /** The period a campaign's checklist is filed under (the month it opens). */
  readonly period: string
  readonly status: CampaignStatus
  readonly createdAt: string
  readonly closedAt: string | null
  readonly summaryNoticeId: string | null
}

/** How a target school stands on a campaign's checklist: the first report filed for the campaign decides. */
export type CampaignFiling = 'on_time' | 'late' | 'missing' | 'not_due'

export type CampaignListItem = Campaign & {
  /** School users: their school's acknowledgement and first report filed for the campaign. */
  readonly acknowledgedAt: string | null
  readonly filedAt: string | null
  /** Bureau and inspectors: counts over the target schools. */
  readonly targetCount: number | null
  readonly acknowledgedCount: number | null
  readonly filedCount: number | null
}

/** A page of campaigns, newest first, paged like notices. */
export type CampaignsResponse = { readonly campaigns: readonly CampaignListItem[]; readonly nextCursor: string | null }
export type CampaignResponse = { readonly campaign: CampaignListItem }

export type CampaignProgressRow = {
  readonly schoolId: string
  readonly schoolName: string
  readonly acknowledgedAt: string | null
  readonly acknowledgedBy: string | null
  readonly filing: CampaignFiling
  readonly firstReceivedAt: string | null
  readonly submissionId: string | null
}

export type CampaignProgressResponse = {
  readonly campaign: Campaign
  readonly schools: readonly CampaignProgressRow[]
  readonly totals: { readonly targets: number; readonly acknowledged: number } & Readonly<Record<CampaignFiling, number>>
}

/** POST /api/v1/campaigns/:id/close: the 通报 published back to the target schools. */
export type CloseCampaignInput = { readonly title: string; readonly body: string; readonly bodyFormat: BodyFormat }
export type CloseCampaignResponse = { readonly campaign: Campaign; readonly notice: Notice }

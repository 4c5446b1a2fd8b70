import type { CampaignListItem, CampaignsResponse, NoticeListItem, NoticesResponse } from '../../../core/noticeProtocol.js'
import type { Stores } from '../../offline/storage.js'
import { getJson } from '../pledges/pledgesApi.js'

/** Meta keys of the pulled notices and campaigns: the signed-in user's, removed at sign-out. */
export const NOTICE_KEYS = ['notices', 'campaigns'] as const

export type NoticesOnPhone = { readonly notices: readonly NoticeListItem[]; readonly campaigns: readonly CampaignListItem[] }

export async function readCachedNotices(stores: Stores): Promise<NoticesOnPhone> {
  const [notices, campaigns] = await Promise.all([stores.meta.getItem<NoticeListItem[]>('notices'), stores.meta.getItem<CampaignListItem[]>('campaigns')])
  return { notices: notices ?? [], campaigns: campaigns ?? [] }
}

/**
 * Pulls the school's notices and campaigns into meta, so a notice or a campaign's 部署 opens with
 * no signal later (from the 待办 or the list). Each list is kept as last pulled when a request fails.
 */
export async function pullNotices(stores: Stores, token: string): Promise<'updated' | 'offline' | 'unauthorized'> {
  const [notices, campaigns] = await Promise.all([getJson<NoticesResponse>('/notices', token), getJson<CampaignsResponse>('/campaigns', token)])
  if (notices.kind === 'unauthorized' || campaigns.kind === 'unauthorized') return 'unauthorized'
  if (notices.kind === 'ok') await stores.meta.setItem('notices', notices.value.notices)
  if (campaigns.kind === 'ok') await stores.meta.setItem('campaigns', campaigns.value.campaigns)
  return notices.kind === 'ok' && campaigns.kind === 'ok' ? 'updated' : 'offline'
}

export async function clearCachedNotices(stores: Stores): Promise<void> {
  await Promise.all(NOTICE_KEYS.map((key) => stores.meta.removeItem(key)))
}

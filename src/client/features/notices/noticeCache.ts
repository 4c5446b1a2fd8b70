import type { CampaignListItem, NoticeListItem } from '../../../core/noticeProtocol.js'
import type { Stores } from '../../offline/storage.js'

/** The notices and campaigns as last pulled with the reference lists (offline/pullReference.ts). */
export type NoticesOnPhone = { readonly notices: readonly NoticeListItem[]; readonly campaigns: readonly CampaignListItem[] }

export async function readCachedNotices(stores: Stores): Promise<NoticesOnPhone> {
  const [notices, campaigns] = await Promise.all([stores.meta.getItem<NoticeListItem[]>('notices'), stores.meta.getItem<CampaignListItem[]>('campaigns')])
  return { notices: notices ?? [], campaigns: campaigns ?? [] }
}

import { defineStore } from 'pinia'
import { shallowRef, ref } from 'vue'
import type { CampaignListItem, NoticeListItem } from '../../../core/noticeProtocol.js'
import { services, stores } from '../../appServices.js'
import { pullReference } from '../../offline/pullReference.js'
import { useAuthStore } from '../auth/authStore.js'
import { readCachedNotices } from './noticeCache.js'

/** Notices and campaigns as last pulled: what the school reads and acknowledges with no signal. */
export const useNoticesStore = defineStore('notices', () => {
  const notices = shallowRef<readonly NoticeListItem[]>([])
  const campaigns = shallowRef<readonly CampaignListItem[]>([])
  const loaded = ref(false)

  async function load(): Promise<void> {
    const cached = await readCachedNotices(stores)
    notices.value = cached.notices
    campaigns.value = cached.campaigns
    loaded.value = true
  }

  /**
   * Asks the server for these two of the pulled lists (every sync pulls them too) when there is
   * signal; the cached lists stand otherwise.
   */
  async function pull(): Promise<void> {
    const auth = useAuthStore()
    if (!auth.token) return
    if ((await pullReference(stores, services.transport, ['notices', 'campaigns'])).kind === 'unauthorized') auth.markExpired()
    await load()
  }

  const findNotice = (id: string) => notices.value.find((notice) => notice.id === id)
  const findCampaign = (id: string) => campaigns.value.find((campaign) => campaign.id === id)

  return { notices, campaigns, loaded, load, pull, findNotice, findCampaign }
})

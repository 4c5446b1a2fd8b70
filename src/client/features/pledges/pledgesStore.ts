import { defineStore } from 'pinia'
import { ref } from 'vue'
import { stores } from '../../appServices.js'
import { useAuthStore } from '../auth/authStore.js'
import { pullPledges, readCachedPledges, type CachedPledge } from './pledgeCache.js'

/** The pledges as last pulled: what a principal reads and signs with no signal. */
export const usePledgesStore = defineStore('pledges', () => {
  const pledges = ref<readonly CachedPledge[]>([])
  const loaded = ref(false)

  async function load(): Promise<void> {
    pledges.value = await readCachedPledges(stores)
    loaded.value = true
  }

  /** Asks the server for changes when there is signal; the cached list stands otherwise. */
  async function pull(): Promise<void> {
    const auth = useAuthStore()
    if (!auth.token) return
    const outcome = await pullPledges(stores, auth.token)
    if (outcome === 'unauthorized') auth.markExpired()
    await load()
  }

  function find(versionId: string): CachedPledge | undefined {
    return pledges.value.find((pledge) => pledge.id === versionId)
  }

  return { pledges, loaded, load, pull, find }
})

import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { engine, stores, channel } from '../../appServices.js'
import { listRecords, type OutboxRecord } from '../../offline/outbox.js'
import type { SyncState } from '../../offline/syncEngine.js'
import { useFormsStore } from '../forms/formsStore.js'
import { useAuthStore } from '../auth/authStore.js'

/** The outbox as the screens see it: every record, the engine's state, and how many wait. */
export const useOutboxStore = defineStore('outbox', () => {
  const records = shallowRef<readonly OutboxRecord[]>([])
  const sync = ref<SyncState>(engine.state())

  const waiting = computed(() => records.value.filter((record) => record.state === 'queued' || record.state === 'sending' || record.state === 'rejected').length)
  const newestFirst = computed(() => [...records.value].reverse())

  async function refresh(): Promise<void> {
    records.value = await listRecords(stores)
  }

  async function syncNow(reason: string): Promise<void> {
    await engine.syncNow(reason)
    await refresh()
  }

  function resumeAfterSignIn(): void {
    engine.resume()
    void syncNow('signin')
  }

  function start(): void {
    const auth = useAuthStore()
    const forms = useFormsStore()
    engine.subscribe((state) => {
      sync.value = state
      if (state.kind === 'paused_auth') auth.markExpired()
      void refresh()
    })
    // Other tabs and the service worker change records too; they say so on the channel.
    channel.onmessage = () => {
      void refresh()
      void forms.reload()
    }
    void refresh()
  }

  return { records, newestFirst, sync, waiting, refresh, syncNow, resumeAfterSignIn, start }
})

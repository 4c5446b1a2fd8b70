import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { engine, stores, channel } from '../../appServices.js'
import { dismissRejected, isWaiting, listRecords, type OutboxRecord } from '../../offline/outbox.js'
import type { SyncState } from '../../offline/syncEngine.js'
import { useFormsStore } from '../forms/formsStore.js'
import { useAuthStore } from '../auth/authStore.js'

const REFRESH_THROTTLE_MS = 250

/** The outbox as the screens see it: every record, the engine's state, and how many wait. */
export const useOutboxStore = defineStore('outbox', () => {
  const records = shallowRef<readonly OutboxRecord[]>([])
  /** The records have been read from IndexedDB at least once: until then `records` is empty, not "nothing waits". */
  const read = shallowRef(false)
  const sync = ref<SyncState>(engine.state())

  const waiting = computed(() => records.value.filter(isWaiting).length)
  const newestFirst = computed(() => [...records.value].reverse())

  let reading: Promise<void> | null = null
  let nextRead: Promise<void> | null = null
  /**
   * Re-reads the outbox. The engine announces every record it writes: reading the whole queue for
   * each would be O(n²) on a long outbox, so at most one read runs and one more follows it (which
   * sees every write announced meanwhile); callers still get a read that began after their call.
   */
  function refresh(): Promise<void> {
    if (reading === null) {
      reading = listRecords(stores).then(
        (list) => {
          records.value = list
          read.value = true
          reading = null
        },
        (error: unknown) => {
          reading = null
          throw error
        },
      )
      return reading
    }
    nextRead ??= reading
      .catch(() => undefined)
      .then(() => {
        nextRead = null
        return refresh()
      })
    return nextRead
  }

  async function syncNow(reason: string): Promise<void> {
    await engine.syncNow(reason)
    await refresh()
  }

  let pending: ReturnType<typeof setTimeout> | null = null
  /** The engine announces each record it writes: while it drains, re-read the list a few times a second, not per record. */
  function refreshSoon(): void {
    pending ??= setTimeout(() => {
      pending = null
      void refresh()
    }, REFRESH_THROTTLE_MS)
  }

  /** Takes a refused report out of the waiting ones; other tabs hear of it on the channel. */
  async function dismiss(id: string): Promise<void> {
    if (await dismissRejected(stores, id)) channel.postMessage({ type: 'outbox', ids: [id], state: engine.state() })
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
      // A pass that ended must show its final state at once; progress while syncing may wait a little.
      if (state.kind === 'syncing') refreshSoon()
      else void refresh()
    })
    // Other tabs and the service worker change records too; they say so on the channel.
    channel.onmessage = () => {
      void refresh()
      void forms.reload()
    }
    void refresh()
  }

  return { records, read, newestFirst, sync, waiting, refresh, syncNow, dismiss, resumeAfterSignIn, start }
})

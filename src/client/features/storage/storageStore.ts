import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { stores } from '../../appServices.js'
import type { OutboxRecord } from '../../offline/outbox.js'
import { readStorageReport, requestPersistentStorage, type StorageReport } from '../../offline/persistStorage.js'
import { detectStorageLoss, parseMarker, spaceLeft, type StorageLoss, type StorageMarker } from '../../offline/storageHealth.js'

export const MARKER_KEY = 'school-report.storage-marker'

function readMarker(): StorageMarker | null {
  return parseMarker(globalThis.localStorage?.getItem(MARKER_KEY) ?? null)
}

/** Device storage as the screens show it: persistence, space, and whether the outbox was lost. */
export const useStorageStore = defineStore('storage', () => {
  const report = ref<StorageReport | null>(null)
  const loss = ref<StorageLoss>({ lost: false })
  const space = computed(() => (report.value === null ? null : spaceLeft(report.value)))

  async function refresh(): Promise<void> {
    report.value = await readStorageReport().catch(() => null)
  }

  /** At start: compare what IndexedDB holds with the marker the last session left. */
  async function checkForLoss(): Promise<void> {
    const deviceId = await stores.meta.getItem<string>('deviceId').catch(() => null)
    const records = await stores.records.keys().then((keys) => keys.length, () => 0)
    loss.value = detectStorageLoss(readMarker(), { deviceId, records })
  }

  /** After every outbox change: remember what this phone holds (only once it has an id). */
  async function remember(records: readonly OutboxRecord[]): Promise<void> {
    if (loss.value.lost) return
    const deviceId = await stores.meta.getItem<string>('deviceId').catch(() => null)
    if (deviceId === null) return
    const waiting = records.filter((record) => record.state === 'queued' || record.state === 'sending').length
    const marker: StorageMarker = { deviceId, records: records.length, waiting, at: new Date().toISOString() }
    globalThis.localStorage?.setItem(MARKER_KEY, JSON.stringify(marker))
  }

  /** The user has read the warning: start afresh from what is there now. */
  function acknowledgeLoss(): void {
    globalThis.localStorage?.removeItem(MARKER_KEY)
    loss.value = { lost: false }
  }

  async function askToPersist(): Promise<void> {
    await requestPersistentStorage()
    await refresh()
  }

  return { report, loss, space, refresh, checkForLoss, remember, acknowledgeLoss, askToPersist }
})

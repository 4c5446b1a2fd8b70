export type StorageReport = {
  readonly persisted: boolean
  readonly usage: number | null
  readonly quota: number | null
}

/**
 * Asks the browser not to evict this app's IndexedDB (the outbox lives there). Chromium grants
 * it silently to installed or engaged sites; Firefox asks the user. Safe to call repeatedly.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false
  if (await navigator.storage.persisted()) return true
  return navigator.storage.persist().catch(() => false)
}

export async function readStorageReport(): Promise<StorageReport> {
  const storage = navigator.storage
  if (!storage?.estimate) return { persisted: false, usage: null, quota: null }
  const [persisted, estimate] = await Promise.all([storage.persisted().catch(() => false), storage.estimate()])
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null }
}

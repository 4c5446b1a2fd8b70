/** What the browser says about this site's storage; null where it does not say. */
export type StorageEstimate = { readonly usage: number | null; readonly quota: number | null }

/** Warn when less than this share of the quota, or fewer bytes than this, remain. */
export const LOW_SPACE_SHARE = 0.1
export const LOW_SPACE_BYTES = 50 * 1024 * 1024

export type SpaceLeft = { readonly remaining: number; readonly share: number; readonly low: boolean }

/** Space left and whether it is running low, or null when the browser gives no estimate. */
export function spaceLeft(estimate: StorageEstimate): SpaceLeft | null {
  const { usage, quota } = estimate
  if (usage === null || quota === null || quota <= 0) return null
  const remaining = Math.max(0, quota - usage)
  const share = remaining / quota
  return { remaining, share, low: share < LOW_SPACE_SHARE || remaining < LOW_SPACE_BYTES }
}

/**
 * Kept in localStorage beside the IndexedDB outbox: what this phone last held. If IndexedDB is
 * wiped (evicted, cleared, a broken database) while this survives, the app can say so instead
 * of showing an empty outbox as if everything had been delivered.
 */
export type StorageMarker = {
  readonly deviceId: string
  /** Records of any state. */
  readonly records: number
  /** Queued or sending: never removed by the user, only by delivery. */
  readonly waiting: number
  readonly at: string
}

export type StorageLoss = { readonly lost: false } | { readonly lost: true; readonly waiting: number; readonly since: string }

/** What IndexedDB holds now: the device id (read, never created here) and the record count. */
export type StorageNow = { readonly deviceId: string | null; readonly records: number }

export function detectStorageLoss(marker: StorageMarker | null, now: StorageNow): StorageLoss {
  if (marker === null) return { lost: false }
  const idGone = now.deviceId === null || now.deviceId !== marker.deviceId
  const waitingGone = marker.waiting > 0 && now.records === 0
  return idGone || waitingGone ? { lost: true, waiting: marker.waiting, since: marker.at } : { lost: false }
}

export function parseMarker(raw: string | null): StorageMarker | null {
  if (raw === null) return null
  try {
    const value = JSON.parse(raw) as Partial<StorageMarker>
    if (typeof value.deviceId !== 'string' || typeof value.records !== 'number' || typeof value.waiting !== 'number' || typeof value.at !== 'string') return null
    return { deviceId: value.deviceId, records: value.records, waiting: value.waiting, at: value.at }
  } catch {
    return null
  }
}

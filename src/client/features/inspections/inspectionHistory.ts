import type { InspectionRecord, InspectionsResponse } from '../../../core/protocol.js'
import type { Stores } from '../../offline/storage.js'

export type HistoryRead = { readonly inspections: readonly InspectionRecord[]; readonly fetchedAt: string | null; readonly fresh: boolean }

type Cached = { readonly inspections: readonly InspectionRecord[]; readonly fetchedAt: string }

const key = (schoolId: string) => `inspections:${schoolId}`

/**
 * A school's past inspections: from the server when there is a signal (and kept in meta), else
 * the copy from the last time, so the history reads on the phone offline.
 */
export async function readInspectionHistory(stores: Stores, token: string | null, schoolId: string): Promise<HistoryRead> {
  if (token !== null) {
    try {
      const response = await fetch(`/api/v1/inspections?${new URLSearchParams({ schoolId, limit: '100' })}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      if (response.ok) {
        const body = (await response.json()) as InspectionsResponse
        const cached: Cached = { inspections: body.inspections, fetchedAt: new Date().toISOString() }
        await stores.meta.setItem(key(schoolId), cached)
        return { ...cached, fresh: true }
      }
    } catch {
      // Offline: the cached copy below.
    }
  }
  const cached = await stores.meta.getItem<Cached>(key(schoolId))
  return { inspections: cached?.inspections ?? [], fetchedAt: cached?.fetchedAt ?? null, fresh: false }
}

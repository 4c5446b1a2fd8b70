import type { Page } from '@playwright/test'
import { v7 as uuidv7 } from 'uuid'

export type Session = { token: string; user: { id: string } }

export async function readSession(page: Page): Promise<{ session: Session; deviceId: string }> {
  const stored = await page.evaluate(
    () =>
      new Promise<{ session: Session; deviceId: string | undefined }>((resolve, reject) => {
        const open = indexedDB.open('school-report')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const meta = open.result.transaction('meta').objectStore('meta')
          const session = meta.get('session')
          const device = meta.get('deviceId')
          device.onsuccess = () => resolve({ session: session.result as Session, deviceId: device.result as string | undefined })
        }
      }),
  )
  // The phone makes its device id with its first draft; none was made yet in a fresh profile.
  return { session: stored.session, deviceId: stored.deviceId ?? uuidv7() }
}

/** Puts `records` into the app's outbox store in one IndexedDB transaction (as if queued offline). */
export async function seedOutbox(page: Page, records: unknown[]): Promise<void> {
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('school-report')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite')
          const store = tx.objectStore('records')
          for (const row of rows as { id: string }[]) store.put(row, row.id)
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        }
      }),
    records,
  )
}

/** How many of `ids` the app has marked sent (a receipt written back) in its outbox store. */
export async function countSent(page: Page, ids: readonly string[]): Promise<number> {
  return page.evaluate(
    (wanted) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('school-report')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const all = open.result.transaction('records').objectStore('records').getAll()
          all.onsuccess = () => {
            const set = new Set(wanted)
            resolve((all.result as { id: string; state: string }[]).filter((row) => set.has(row.id) && row.state === 'sent').length)
          }
        }
      }),
    ids,
  )
}

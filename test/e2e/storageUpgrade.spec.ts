import { expect, test } from '@playwright/test'
import { textReport } from '../../bench/textReport.js'
import { apiToken } from './support.js'

/**
 * What the build before issue 17 (its own IndexedDB layer, src/client/offline/idbStore.ts at
 * af7fefe) left on a phone: database 'school-report' at version 1 with the object stores records,
 * blobs and meta, out-of-line string keys, values as structured clones — and no localforage store.
 */
type Row = { store: 'records' | 'meta'; key: string; value: object | string }

function writeWithPreviousLayout(rows: Row[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('school-report')
    open.onupgradeneeded = () => {
      for (const name of ['records', 'blobs', 'meta']) open.result.createObjectStore(name)
    }
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const tx = db.transaction(['records', 'meta'], 'readwrite')
      for (const row of rows) tx.objectStore(row.store).put(row.value, row.key)
      tx.oncomplete = () => {
        db.close()
        resolve()
      }
      tx.onerror = () => reject(tx.error)
    }
  })
}

test('reports a phone stored with the previous build are there after the update, and the waiting one arrives once', async ({ browser, request }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  // A page of the app's origin that does not start the app: the old build's data goes in first.
  await page.goto('/robots.txt')
  const session = (await (await request.post('/api/v1/auth/login', { data: { username: 'school1', password: 'school123' } })).json()) as { user: { id: string } }
  const deviceId = 'device-from-the-previous-build'
  const now = new Date()
  const stamp = { attempts: 0, nextAttemptAt: 0, updatedAt: now.toISOString(), userId: session.user.id }
  const waiting = { ...textReport(deviceId, now), ...stamp, state: 'queued' }
  const draft = { ...textReport(deviceId, now), ...stamp, state: 'draft' }
  const rows: Row[] = [
    { store: 'meta', key: 'session', value: session },
    { store: 'meta', key: 'deviceId', value: deviceId },
    { store: 'records', key: waiting.id, value: waiting },
    { store: 'records', key: draft.id, value: draft },
  ]
  await page.evaluate(writeWithPreviousLayout, rows)

  // The updated app opens on that database: still signed in, both reports listed, the queued one sent.
  await page.goto('/forms')
  await expect(page.locator('.form-entry').first()).toBeVisible()
  await page.getByTestId('tab-outbox').click()
  await expect(page.locator(`.outbox__row[data-id="${draft.id}"] [data-state="draft"]`)).toBeVisible()
  await expect(page.locator(`.outbox__row[data-id="${waiting.id}"] [data-state="sent"]`)).toBeVisible({ timeout: 30_000 })

  const bureauToken = await apiToken(request, 'bureau', 'bureau123')
  const list = await request.get('/api/v1/submissions?limit=100', { headers: { authorization: `Bearer ${bureauToken}` } })
  const { submissions } = (await list.json()) as { submissions: { id: string }[] }
  expect(submissions.filter((submission) => submission.id === waiting.id)).toHaveLength(1)
  expect(submissions.some((submission) => submission.id === draft.id)).toBe(false)
  await context.close()
})

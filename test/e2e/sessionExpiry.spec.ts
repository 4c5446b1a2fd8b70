import { expect, test, type Page } from '@playwright/test'
import { apiToken, FIRE_CHECKS, signIn } from './support.js'

/** A value the phone keeps in IndexedDB (database 'school-report', store 'meta'). */
function storedMeta<T>(page: Page, key: string): Promise<T> {
  return page.evaluate(
    (key) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('school-report')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const read = open.result.transaction('meta').objectStore('meta').get(key)
          read.onsuccess = () => resolve(read.result as T)
          read.onerror = () => reject(read.error)
        }
      }),
    key,
  )
}

const storedToken = async (page: Page) => (await storedMeta<{ token: string }>(page, 'session')).token

test('a report submitted after the session was revoked waits, asks for sign-in, then arrives', async ({ page, request }) => {
  const logins: Record<string, unknown>[] = []
  page.on('request', (sent) => {
    if (sent.url().endsWith('/api/v1/auth/login')) logins.push(sent.postDataJSON() as Record<string, unknown>)
  })
  await signIn(page, 'school1', 'school123')
  // The phone keeps the device token apart from the session: it outlives a sign-out.
  const deviceToken = await storedMeta<string>(page, 'login-device:school1')
  expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{40,}$/)

  // The session ends on the server (revoked elsewhere, or expired) while the phone still holds it.
  const token = await storedToken(page)
  expect((await request.post('/api/v1/auth/logout', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(204)

  await page.locator('.form-entry[data-form="fire-safety"]').click()
  for (const id of FIRE_CHECKS) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  const reportId = page.url().split('/').pop() ?? ''

  // The 401 pauses sync and asks for a new sign-in; the report stays queued on the phone.
  await expect(page.getByTestId('sync-status')).toContainText('登录已过期')
  await expect(page.locator('[data-state="queued"]').first()).toBeVisible()
  await page.getByRole('button', { name: '重新登录' }).click()
  await expect(page.getByText('待发送的报告已保存在手机上')).toBeVisible()
  await page.getByLabel('密码').fill('school123')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('tab-todo')).toBeVisible()
  // The second sign-in came from a known device: the one thing that passes a lockout an attacker caused.
  expect(logins.map((body) => body['deviceToken'])).toEqual([undefined, deviceToken])

  // No reload: signing in again resumes the paused sync in the same page.
  await page.getByTestId('tab-outbox').click()
  await expect(page.locator(`.outbox__row[data-id="${reportId}"] [data-state="sent"]`)).toBeVisible({ timeout: 30_000 })

  const bureauToken = await apiToken(request, 'bureau', 'bureau123')
  const list = await request.get('/api/v1/submissions?limit=100', { headers: { authorization: `Bearer ${bureauToken}` } })
  const { submissions } = (await list.json()) as { submissions: { id: string }[] }
  expect(submissions.filter((submission) => submission.id === reportId)).toHaveLength(1)
})

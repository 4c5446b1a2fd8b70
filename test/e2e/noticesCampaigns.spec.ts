import { expect, test } from '@playwright/test'
import { apiToken, goOffline, goOnline, metaHolds, signIn, waitForServiceWorkerControl } from './support.js'

type Listed = { id: string; title: string }

const BUILDING_CHECKS = ['noDangerous', 'cracks', 'roof', 'appraisal', 'railings', 'stairs', 'windows', 'playground', 'lightning', 'electrical', 'dormitory', 'constructionSite']

test('a school reads the notice and acknowledges the campaign offline; each arrives once and the bureau sees who and when', async ({ browser, request }) => {
  const school = await apiToken(request, 'school1', 'school123')
  const bureau = await apiToken(request, 'bureau', 'bureau123')
  const asSchool = { authorization: `Bearer ${school}` }
  const asBureau = { authorization: `Bearer ${bureau}` }
  const notice = ((await (await request.get('/api/v1/notices', { headers: asSchool })).json()) as { notices: Listed[] }).notices[0]
  const campaign = ((await (await request.get('/api/v1/campaigns', { headers: asSchool })).json()) as { campaigns: (Listed & { formId: string })[] }).campaigns
    .find((item) => item.title === '汛期前校舍安全专项检查')
  if (!notice || !campaign) throw new Error('the demo seed has no notice or campaign')

  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, 'school1', 'school123')
  await waitForServiceWorkerControl(page)
  // Online once, on the 待办 alone: the sync pass pulls the notices and campaigns with the to-do,
  // so the notice opens from the 待办 with no signal though its screen was never opened online.
  await page.goto('/')
  await expect(page.getByText(notice.title)).toBeVisible()
  await expect.poll(() => metaHolds(page, 'notices'), { timeout: 30_000 }).toBe(true)

  await goOffline(context)
  await page.reload()
  await page.getByText(notice.title).click()
  await expect(page).toHaveURL(new RegExp(`/notices/${notice.id}$`))
  await expect(page.getByTestId('notice-title')).toContainText(notice.title)
  await expect(page.getByTestId('notice-state')).toHaveText('已读，待送达')
  // Opening it again queues nothing more.
  await page.reload()
  await expect(page.getByTestId('notice-state')).toHaveText('已读，待送达')

  await page.goto(`/campaigns/${campaign.id}`)
  await expect(page.getByTestId('campaign-title')).toHaveText('汛期前校舍安全专项检查')
  await expect(page.getByTestId('campaign-start')).toHaveCount(0)
  await page.getByTestId('campaign-ack').click()
  await expect(page.getByTestId('campaign-state')).toHaveText('已阅，待送达')
  await expect(page.getByTestId('campaign-start')).toHaveAttribute('data-link', new RegExp(`^/new/school-buildings\\?period=\\d{4}-\\d{2}&campaign=${campaign.id}$`))

  await goOnline(context)
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect.poll(async () => {
    const reads = (await (await request.get(`/api/v1/notices/${notice.id}/reads`, { headers: asBureau })).json()) as { schools: { schoolId: string; readers: unknown[] }[] }
    return reads.schools.find((row) => row.schoolId === 'school-1')?.readers.length
  }, { timeout: 30_000 }).toBe(1)
  await expect.poll(async () => {
    const progress = (await (await request.get(`/api/v1/campaigns/${campaign.id}/progress`, { headers: asBureau })).json()) as { schools: { schoolId: string; acknowledgedBy: string | null }[] }
    return progress.schools.find((row) => row.schoolId === 'school-1')?.acknowledgedBy
  }, { timeout: 30_000 }).toBe('第一小学安全员')

  // The school files the checklist from the campaign screen: the report carries the campaign as
  // its subject, so the bureau counts it for this campaign (the demo seed filed 实验初中's already).
  await page.goto(`/campaigns/${campaign.id}`)
  await page.getByTestId('campaign-start').click()
  await expect(page).toHaveURL(/\/fill\//)
  const draftId = page.url().split('/').pop() ?? ''
  for (const id of BUILDING_CHECKS) await page.locator(`[data-field="${id}"] .check__choice--pass`).click()
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page).toHaveURL(/\/outbox\//)
  await expect(page.locator('[data-state="sent"]').first()).toBeVisible({ timeout: 30_000 })
  await expect.poll(async () => {
    const progress = (await (await request.get(`/api/v1/campaigns/${campaign.id}/progress`, { headers: asBureau })).json()) as { schools: { schoolId: string; filing: string; submissionId: string | null }[] }
    return progress.schools.find((row) => row.schoolId === 'school-1')
  }, { timeout: 30_000 }).toMatchObject({ filing: 'on_time', submissionId: draftId })
  // Back on the campaign screen the checklist is filed: nothing offers a second one.
  await page.goto(`/campaigns/${campaign.id}`)
  await expect(page.getByTestId('campaign-filed')).toBeVisible()
  await expect(page.getByTestId('campaign-start')).toHaveCount(0)

  // The bureau's screens: who read the notice, and the campaign school by school.
  await page.goto('/settings')
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.getByRole('button', { name: '确认' }).click()
  await signIn(page, 'bureau', 'bureau123')
  await page.goto(`/bureau/notices/${notice.id}`)
  await expect(page.getByTestId('notice-reads')).toContainText('第一小学安全员')
  await page.goto(`/bureau/campaigns/${campaign.id}`)
  const school1 = page.locator('[data-testid="campaign-progress"] tr[data-school="school-1"]')
  await expect(school1).toContainText('第一小学安全员')
  await expect(school1).toContainText('按时')
  await expect(page.locator('[data-testid="campaign-progress"] tr[data-school="school-2"]')).toContainText('按时')
  await expect(page.locator('[data-testid="campaign-progress"] tr[data-school="school-4"]')).toContainText('未阅')
  await expect(page.locator('[data-testid="campaign-progress"] tr[data-school="school-4"]')).toContainText('未到期')
  await context.close()
})

test('the bureau\'s notice and campaign lists show the first 50 and load the rest on request', async ({ page, request }) => {
  // Another district (no e2e school is in it), so the other specs see none of these.
  const headers = { authorization: `Bearer ${await apiToken(request, 'bureau2', 'bureau123')}` }
  for (let n = 1; n <= 51; n++) {
    const notice = await request.post('/api/v1/notices', { headers, data: { kind: 'notice', bodyFormat: 'text', title: `分页通知 ${n}`, body: '分页', audience: {} } })
    expect(notice.status()).toBe(201)
    const campaign = await request.post('/api/v1/campaigns', {
      headers, data: { title: `分页检查 ${n}`, instructions: '分页', formId: 'school-buildings', audience: {}, opensOn: '2026-05-06', closesOn: '2026-05-20' },
    })
    expect(campaign.status()).toBe(201)
  }
  await signIn(page, 'bureau2', 'bureau123')
  for (const [list, row] of [['notices', 'tr[data-notice]'], ['campaigns', 'tr[data-campaign]']] as const) {
    await page.goto(`/bureau/${list}`)
    await expect(page.locator(row)).toHaveCount(50)
    await page.getByTestId(`${list}-more`).click()
    await expect(page.locator(row)).toHaveCount(51)
    await expect(page.getByTestId(`${list}-more`)).toHaveCount(0)
  }
})

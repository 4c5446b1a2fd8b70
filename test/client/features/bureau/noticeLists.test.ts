import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useAuthStore } from '../../../../src/client/features/auth/authStore.js'
import { useBureauStore } from '../../../../src/client/features/bureau/bureauStore.js'
import { installBureauMessages } from '../../../../src/client/features/bureau/installBureauMessages.js'
import CampaignsView from '../../../../src/client/features/bureau/notices/CampaignsView.vue'
import NoticesView from '../../../../src/client/features/bureau/notices/NoticesView.vue'
import { i18n } from '../../../../src/client/i18n/index.js'

const notice = (n: number) => ({
  id: `n${n}`, districtId: 'district-1', kind: 'notice', title: `通知 ${n}`, body: 'x', bodyFormat: 'text', audience: { kinds: [], townships: [], schoolIds: [] },
  campaignId: null, publishedAt: '2026-05-06T02:00:00.000Z', publishedBy: '局', readAt: null, targetCount: 2, readCount: 1,
})
const campaign = (n: number) => ({
  id: `c${n}`, districtId: 'district-1', title: `检查 ${n}`, instructions: 'x', instructionsFormat: 'text', formId: 'school-buildings', formVersion: null,
  formTitle: { zh: '校舍', en: 'Buildings' }, audience: { kinds: [], townships: [], schoolIds: [] }, opensOn: '2026-05-06', closesOn: '2026-05-10',
  period: '2026-05', status: 'open', createdAt: '2026-05-06T02:00:00.000Z', closedAt: null, summaryNoticeId: null,
  acknowledgedAt: null, filedAt: null, targetCount: 2, acknowledgedCount: 0, filedCount: 0,
})

// Two pages of each list: the second only for the first page's cursor.
const pages: Record<string, unknown> = {
  '/notices': { notices: [notice(1), notice(2)], nextCursor: 'after-n2' },
  '/notices?cursor=after-n2': { notices: [notice(3)], nextCursor: null },
  '/campaigns': { campaigns: [campaign(1)], nextCursor: 'after-c1' },
  '/campaigns?cursor=after-c1': { campaigns: [campaign(2)], nextCursor: null },
  '/schools': { schools: [{ id: 'school-1', name: '一小', districtId: 'district-1', kind: 'primary', township: null }, { id: 'school-6', name: '二小', districtId: 'district-2', kind: 'primary', township: null }] },
  '/forms': { forms: [] },
}
let asked: string[] = []
let sent: { path: string; body: Record<string, unknown> }[] = []

async function render(screen: Component, role: 'bureau' | 'admin') {
  useAuthStore().session = { token: 't', expiresAt: '2026-12-03T00:00:00.000Z', user: { id: 'u1', username: role, displayName: '局', role, schoolId: null, districtId: role === 'admin' ? null : 'district-1' } } as never
  // The workspace's layout loads the schools and forms for every screen.
  await useBureauStore().load()
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  const wrapper = mount(screen, { global: { plugins: [i18n, router] } })
  await flushPromises()
  return wrapper
}

describe('the bureau\'s notice and campaign lists', () => {
  beforeEach(() => {
    installBureauMessages()
    i18n.global.locale.value = 'zh-CN'
    setActivePinia(createPinia())
    asked = []
    sent = []
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const path = url.replace(/^\/api\/v1/, '')
      if ((init.method ?? 'GET') !== 'GET') {
        sent.push({ path, body: JSON.parse(String(init.body)) as Record<string, unknown> })
        return new Response(JSON.stringify({ notice: notice(9) }), { status: 201, headers: { 'content-type': 'application/json' } })
      }
      asked.push(path)
      const body = pages[path]
      return new Response(JSON.stringify(body ?? {}), { status: body === undefined ? 404 : 200, headers: { 'content-type': 'application/json' } })
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('notices: the first page, then the next on 加载更多, which goes once the last page is in', async () => {
    const screen = await render(NoticesView, 'bureau')
    expect(screen.findAll('tr[data-notice]').map((row) => row.attributes('data-notice'))).toEqual(['n1', 'n2'])
    const more = screen.find('[data-testid="notices-more"]')
    expect(more.text()).toBe('加载更多')
    await more.trigger('click')
    await flushPromises()
    expect(screen.findAll('tr[data-notice]').map((row) => row.attributes('data-notice'))).toEqual(['n1', 'n2', 'n3'])
    expect(screen.find('[data-testid="notices-more"]').exists()).toBe(false)
    expect(asked.filter((path) => path.startsWith('/notices'))).toEqual(['/notices', '/notices?cursor=after-n2'])
  })

  it('campaigns: the same, in English too', async () => {
    i18n.global.locale.value = 'en'
    const screen = await render(CampaignsView, 'bureau')
    expect(screen.findAll('tr[data-campaign]')).toHaveLength(1)
    await screen.find('[data-testid="campaigns-more"]').trigger('click')
    await flushPromises()
    expect(screen.findAll('tr[data-campaign]').map((row) => row.attributes('data-campaign'))).toEqual(['c1', 'c2'])
    expect(screen.find('[data-testid="campaigns-more"]').exists()).toBe(false)
  })

  it('the audience block: a bureau names no district, an admin picks one and its schools are the ones offered', async () => {
    const bureau = await render(NoticesView, 'bureau')
    await bureau.find('[data-testid="notice-compose"]').trigger('click')
    expect(bureau.find('[data-testid="notice-form"] select[data-testid="audience-district"]').exists()).toBe(false)
    await bureau.find('[data-testid="notice-title-input"]').setValue('防汛')
    await bureau.find('[data-testid="notice-body-input"]').setValue('请做好准备')
    await bureau.find('[data-testid="notice-form"]').trigger('submit')
    await flushPromises()
    expect(sent.at(-1)).toMatchObject({ path: '/notices', body: { title: '防汛', audience: { kinds: [], townships: [], schoolIds: [] } } })
    expect(sent.at(-1)?.body).not.toHaveProperty('districtId')

    const admin = await render(CampaignsView, 'admin')
    await admin.find('[data-testid="campaign-compose"]').trigger('click')
    const district = admin.find('select[data-testid="audience-district"]')
    expect(district.findAll('option').map((option) => option.text())).toEqual(['district-1', 'district-2'])
    await district.setValue('district-2')
    expect(admin.find('[data-testid="audience"]').text()).toContain('二小')
    expect(admin.find('[data-testid="audience"]').text()).not.toContain('一小')
  })
})

import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { stores } from '../../../src/client/appServices.js'
import { useAuthStore } from '../../../src/client/features/auth/authStore.js'
import CampaignView from '../../../src/client/features/notices/CampaignView.vue'
import { i18n } from '../../../src/client/i18n/index.js'
import { outboxRecord } from './outboxRecord.js'

const campaign = {
  id: 'c-view', districtId: 'district-1', title: '汛期前校舍安全专项检查', instructions: '各校自查。', instructionsFormat: 'text', formId: 'school-buildings', formVersion: null,
  formTitle: { zh: '校舍安全检查', en: 'School buildings' }, audience: { kinds: [], townships: [], schoolIds: [] }, opensOn: '2026-12-01', closesOn: '2026-12-15',
  period: '2026-12', status: 'open', createdAt: '2026-12-01T00:00:00.000Z', closedAt: null, summaryNoticeId: null,
  acknowledgedAt: '2026-12-01T02:00:00.000Z', filedAt: null, targetCount: null, acknowledgedCount: null, filedCount: null,
}

async function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  const wrapper = mount(CampaignView, { props: { id: campaign.id }, global: { plugins: [i18n, router] } })
  // The pulled campaign and the outbox are read from IndexedDB as the screen mounts.
  await vi.waitFor(() => expect(wrapper.find('[data-testid="campaign-state"]').exists()).toBe(true))
  await flushPromises()
  return wrapper
}

describe('the campaign screen on the phone', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    // No token: the screen pulls nothing and stands on what was pulled before, as with no signal.
    useAuthStore().session = { token: '', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: 'u1', username: 'school1', displayName: '安全员', role: 'staff', schoolId: 'school-1', districtId: 'district-1' } } as never
    await stores.meta.setItem('campaigns', [campaign])
  })
  afterEach(async () => {
    await stores.meta.removeItem('campaigns')
    await stores.records.removeItem('r-queued')
  })

  it('shows the heading and window in the shared frame, and starts the checklist for this campaign', async () => {
    const wrapper = await mountView()
    expect(wrapper.get('[data-testid="campaign-title"]').text()).toBe('汛期前校舍安全专项检查')
    expect(wrapper.text()).toContain('检查表：校舍安全检查')
    expect(wrapper.get('[data-testid="campaign-start"]').attributes('data-link')).toBe('/new/school-buildings?period=2026-12&campaign=c-view')
    expect(wrapper.find('[data-testid="campaign-filed"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('once its checklist is filed for it on this phone, says so and offers no second one', async () => {
    await stores.records.setItem('r-queued', outboxRecord('queued', { formId: 'school-buildings', subjectId: campaign.id, completedAt: '2026-12-02T01:00:00.000Z' }))
    const wrapper = await mountView()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="campaign-filed"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="campaign-filed"]').text()).toBe('检查表已提交')
    expect(wrapper.find('[data-testid="campaign-start"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

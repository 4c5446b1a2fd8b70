import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { stores } from '../../../src/client/appServices.js'
import PledgeListView from '../../../src/client/features/pledges/PledgeListView.vue'
import type { CachedPledge } from '../../../src/client/features/pledges/pledgeCache.js'
import { i18n } from '../../../src/client/i18n/index.js'

const pledge = (id: string, dueDate: string): CachedPledge => ({
  id,
  pledgeId: id.replace(/-v\d+$/, ''),
  version: 1,
  year: 2026,
  audience: 'principal',
  title: { zh: `责任书 ${id}`, en: `Letter ${id}` },
  text: { zh: '正文', en: 'Text' },
  dueDate,
  textHash: 'a'.repeat(64),
  publishedAt: '2026-01-05T00:00:00.000Z',
  current: true,
  signature: null,
})

async function mountList() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  const wrapper = mount(PledgeListView, { global: { plugins: [i18n, router] } })
  await flushPromises()
  return wrapper
}

describe('the principal’s pledge list', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-02T09:00:00') })
    await stores.meta.setItem('pledges', [pledge('food-safety-2026-v1', '2026-11-30'), pledge('safe-campus-2026-v1', '2026-12-31')])
  })
  afterEach(async () => {
    vi.useRealTimers()
    await stores.meta.removeItem('pledges')
  })

  it('says 逾期未签 with the due date and how late, in the bureau’s words, for an overdue one', async () => {
    const wrapper = await mountList()
    const overdue = wrapper.get('[data-pledge="food-safety-2026-v1"]')
    expect(overdue.attributes('data-overdue')).toBe('true')
    expect(overdue.text()).toContain('逾期未签')
    expect(overdue.text()).toContain('签署期限 2026年11月30日，已逾期 2 天')
    const due = wrapper.get('[data-pledge="safe-campus-2026-v1"]')
    expect(due.attributes('data-overdue')).toBe('false')
    expect(due.text()).toContain('签署期限 2026年12月31日')
    expect(due.text()).toContain('待签署')
    expect(due.text()).not.toContain('逾期')
    wrapper.unmount()
  })
})

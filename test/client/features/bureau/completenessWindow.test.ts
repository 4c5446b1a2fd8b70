import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defaultTemplates } from '../../../../src/core/forms/index.js'
import type { CompletenessRow, CompletenessState } from '../../../../src/core/protocol.js'
import { useAuthStore } from '../../../../src/client/features/auth/authStore.js'
import CompletenessView from '../../../../src/client/features/bureau/CompletenessView.vue'
import { useBureauStore } from '../../../../src/client/features/bureau/bureauStore.js'
import { installBureauMessages } from '../../../../src/client/features/bureau/installBureauMessages.js'
import { i18n } from '../../../../src/client/i18n/index.js'

// A city's 2,000 schools on one monthly form: the screen must not build a row per school.
const SCHOOLS = 2000
const states: CompletenessState[] = ['on_time', 'late', 'missing', 'not_due']
const pad = (n: number): string => String(n).padStart(4, '0')
const schools = Array.from({ length: SCHOOLS }, (_, n) => ({ id: `s-${pad(n)}`, name: `第${pad(n)}小学`, districtId: 'district-1', kind: 'primary', township: n % 2 ? '城关镇' : '新城镇' }))
const rows: CompletenessRow[] = schools.map((school, n) => ({
  schoolId: school.id, schoolName: school.name, state: states[n % 4]!, dueAt: '2026-11-30T15:59:00.000Z',
  firstReceivedAt: n % 4 === 2 || n % 4 === 3 ? null : '2026-11-20T02:00:00.000Z', currentSubmissionId: null, corrected: n % 10 === 0,
  correctedAt: null, reports: n % 4 === 2 || n % 4 === 3 ? 0 : 1,
}))
const totals = { on_time: 500, late: 500, missing: 500, not_due: 500, corrected: 200 }
const replies: Record<string, unknown> = {
  '/forms': { forms: defaultTemplates },
  '/schools': { schools },
  '/reports/completeness': { formId: 'fire-safety', period: '2026-11', schools: rows, totals },
}

describe('the completeness screen at 2,000 schools', () => {
  beforeEach(async () => {
    installBureauMessages()
    i18n.global.locale.value = 'zh-CN'
    setActivePinia(createPinia())
    vi.stubGlobal('fetch', async (url: string) => {
      const body = replies[url.replace(/^\/api\/v1/, '').replace(/\?.*$/, '')]
      return body === undefined ? new Response('{}', { status: 404 }) : new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })
    })
    useAuthStore().session = { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: 'u0', username: 'bureau', displayName: '局', role: 'bureau', schoolId: null, districtId: 'district-1' } } as never
    await useBureauStore().load()
  })
  afterEach(() => vi.unstubAllGlobals())

  async function render() {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
    const wrapper = mount(CompletenessView, { props: { formId: 'fire-safety', period: '2026-11' }, global: { plugins: [i18n, router] } })
    await flushPromises()
    await flushPromises()
    return wrapper
  }

  it('renders a window of rows, with the totals of every school', async () => {
    const wrapper = await render()
    const painted = wrapper.findAll('[data-testid="completeness-table"] tbody tr[data-school]')
    expect(painted.length).toBeGreaterThan(10)
    expect(painted.length).toBeLessThan(100)
    // Missing schools first (the default sort by state), the rest stand in as one spacer's height.
    expect(painted[0]!.text()).toContain('未报')
    expect(wrapper.find('[data-state="missing"] strong').text()).toBe('500')
    expect(wrapper.find('.windowed__pad').exists()).toBe(true)
    wrapper.unmount()
  })

  it('a state filter narrows the whole list, not only the rows painted', async () => {
    const wrapper = await render()
    await wrapper.find('[data-state="corrected"]').trigger('click')
    await flushPromises()
    const painted = wrapper.findAll('tbody tr[data-school]')
    expect(painted.length).toBeGreaterThan(10)
    expect(painted.every((row) => row.text().includes('已更正'))).toBe(true)
    // 200 corrected schools: what is not painted is held by the spacer below, about a row per school.
    const spacer = wrapper.findAll('.windowed__pad td').at(-1)!
    const height = Number.parseFloat(spacer.attributes('style')?.match(/height: ([\d.]+)px/)?.[1] ?? '0')
    expect(height / (200 - painted.length)).toBeCloseTo(45, 0)
    wrapper.unmount()
  })
})

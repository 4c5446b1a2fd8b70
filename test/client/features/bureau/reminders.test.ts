import { isMessageAST } from '@intlify/core-base'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CompletenessRow } from '../../../../src/core/protocol.js'
import { useAuthStore } from '../../../../src/client/features/auth/authStore.js'
import { useBureauStore } from '../../../../src/client/features/bureau/bureauStore.js'
import remindersEn from '../../../../src/client/features/bureau/i18n/reminders.en.js'
import remindersZhCN from '../../../../src/client/features/bureau/i18n/reminders.zh-CN.js'
import { installBureauMessages } from '../../../../src/client/features/bureau/installBureauMessages.js'
import RemindButton from '../../../../src/client/features/bureau/reminders/RemindButton.vue'
import ReminderSetupView from '../../../../src/client/features/bureau/reminders/ReminderSetupView.vue'
import RemindersView from '../../../../src/client/features/bureau/reminders/RemindersView.vue'
import { i18n } from '../../../../src/client/i18n/index.js'

const dialog = vi.hoisted(() => ({ confirm: vi.fn(async () => undefined), toast: vi.fn() }))
vi.mock('vant', async (original) => ({ ...(await original<typeof import('vant')>()), showConfirmDialog: dialog.confirm, showToast: dialog.toast }))

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || isMessageAST(value)) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
}

const row = (schoolId: string, state: CompletenessRow['state']): CompletenessRow => ({
  schoolId, schoolName: schoolId, state, dueAt: null, firstReceivedAt: null, currentSubmissionId: null, corrected: false, correctedAt: null, reports: 0,
})

const replies: Record<string, unknown> = {
  '/reminders': {
    reminders: [{ id: 'r1', districtId: 'district-1', schoolId: 'school-3', schoolName: '河口镇中心幼儿园', formId: 'myopia-screening', formTitle: { zh: '近视筛查统计', en: 'Myopia screening' }, period: '2026-T1', origin: 'manual', day: '2026-03-10', createdAt: '2026-03-10T02:00:00.000Z', createdBy: 'u1', delivery: 'dead', filed: false }],
    messages: [{ id: 'm1', districtId: 'district-1', webhookId: 'district:district-1', channel: 'wecom', title: '【催报】近视筛查统计 2026-T1', state: 'dead', attempts: 8, nextAttemptAt: null, lastError: 'HTTP 500', createdAt: '2026-03-10T02:00:00.000Z', sentAt: null }],
  },
  '/webhooks': { webhooks: [{ id: 'district:district-1', districtId: 'district-1', schoolId: null, channel: 'dingtalk', maskedUrl: 'https://oapi.dingtalk.com/…access_token=****cdef', signed: true, setBy: 'u1', setAt: '2026-03-01T02:00:00.000Z' }] },
  '/reminder-settings': { enabled: true, daysBefore: 3, daysAfter: 1, forms: {} },
  '/schools': { schools: [] },
  // Two versions of one form: the picker names it once, by the newest title.
  '/forms': { forms: [
    { id: 'myopia-screening', version: 1, title: { zh: '近视筛查（旧）', en: 'Myopia (old)' } },
    { id: 'myopia-screening', version: 2, title: { zh: '近视筛查统计', en: 'Myopia screening' } },
    { id: 'fire-safety', version: 1, title: { zh: '消防安全自查', en: 'Fire safety' } },
  ] },
}
let sent: { method: string; path: string; body: unknown }[] = []
// The server's word on the next settings saved: null stores them, as the server would.
let settingsRefusal: unknown = null
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

async function render(screen: Component, props: Record<string, unknown> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  const wrapper = mount(screen, { props, global: { plugins: [i18n, router] } })
  await flushPromises()
  return wrapper
}

describe('the bureau\'s reminder screens', () => {
  beforeEach(() => {
    installBureauMessages()
    i18n.global.locale.value = 'zh-CN'
    setActivePinia(createPinia())
    sent = []
    settingsRefusal = null
    replies['/reminder-settings'] = { enabled: true, daysBefore: 3, daysAfter: 1, forms: {} }
    dialog.confirm.mockClear()
    dialog.toast.mockClear()
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const path = url.replace(/^\/api\/v1/, '').replace(/\?.*$/, '')
      if ((init.method ?? 'GET') !== 'GET') {
        sent.push({ method: init.method ?? '', path, body: init.body ? JSON.parse(String(init.body)) : undefined })
        if (path === '/reminder-settings') {
          if (settingsRefusal !== null) return json(settingsRefusal, 400)
          replies['/reminder-settings'] = sent.at(-1)?.body
          return json(replies['/reminder-settings'])
        }
        return new Response(JSON.stringify({ reminded: [{}, {}], alreadyReminded: [], filed: [], messages: 1 }), { status: 200, headers: { 'content-type': 'application/json' } })
      }
      const body = replies[path]
      return new Response(JSON.stringify(body ?? {}), { status: body === undefined ? 404 : 200, headers: { 'content-type': 'application/json' } })
    })
    useAuthStore().session = { token: 't', expiresAt: '2026-12-03T00:00:00.000Z', user: { id: 'u1', username: 'bureau', displayName: '局', role: 'bureau', schoolId: null, districtId: 'district-1' } } as never
  })
  afterEach(() => vi.unstubAllGlobals())

  it('has the same words in Chinese and English, merged without losing the workspace\'s own', () => {
    expect(keys(remindersEn).sort()).toEqual(keys(remindersZhCN).sort())
    const t = i18n.global.t
    expect(t('admin.audit.actions.reminders_sent')).toBe('发送催报')
    expect(t('admin.audit.actions.sign_in')).toBe('登录')
    expect(t('bureau.nav.hazards')).toBe('隐患看板')
    expect(t('bureau.nav.reminders')).toBe('催报记录')
  })

  it('催报 counts only schools that have not filed, asks first, and sends exactly those', async () => {
    const rows = [row('school-2', 'missing'), row('school-3', 'not_due'), row('school-1', 'on_time'), row('school-4', 'late')]
    const button = await render(RemindButton, { formId: 'myopia-screening', period: '2026-T1', rows })
    expect(button.text()).toBe('催报（2）')
    await button.find('[data-testid="remind-button"]').trigger('click')
    await flushPromises()
    expect(dialog.confirm).toHaveBeenCalledWith({ message: expect.stringContaining('向 2 所尚未报送的学校发送催报') })
    expect(sent).toEqual([{ method: 'POST', path: '/reminders', body: { formId: 'myopia-screening', period: '2026-T1', schoolIds: ['school-2', 'school-3'] } }])
    expect(dialog.toast).toHaveBeenCalledWith('已催报 2 所学校，群消息 1 条')
  })

  it('sends nothing when the bureau cancels the confirmation', async () => {
    dialog.confirm.mockImplementationOnce(async () => Promise.reject(new Error('cancel')))
    const button = await render(RemindButton, { formId: 'myopia-screening', period: '2026-T1', rows: [row('school-2', 'missing')] })
    await button.find('[data-testid="remind-button"]').trigger('click')
    await flushPromises()
    expect(sent).toEqual([])
  })

  it('shows dead letters with a retry, and the reminders with their delivery', async () => {
    const view = await render(RemindersView)
    expect(view.text()).toContain('发送失败')
    expect(view.text()).toContain('河口镇中心幼儿园')
    expect(view.text()).toContain('手动催报')
    await view.find('[data-testid="retry-message"]').trigger('click')
    await flushPromises()
    expect(sent).toEqual([{ method: 'POST', path: '/outbound-messages/m1/retry', body: {} }])
  })

  it('shows a robot only masked, and removes it after asking', async () => {
    const view = await render(ReminderSetupView)
    expect(view.text()).toContain('https://oapi.dingtalk.com/…access_token=****cdef')
    expect(view.text()).toContain('钉钉 · 已加签')
    await view.find('[data-testid="robots"] button').trigger('click')
    await flushPromises()
    expect(sent).toEqual([{ method: 'DELETE', path: '/webhooks/district%3Adistrict-1', body: undefined }])
  })
  describe('per-form overrides of the automatic reminders', () => {
    async function openSetup() {
      await useBureauStore().load(true)
      return render(ReminderSetupView)
    }
    const overrideRows = (view: Awaited<ReturnType<typeof openSetup>>) => view.findAll('[data-testid="override"]')

    it('adds an override for a form picked by its Chinese title, saves it with the district\'s, shows it again after a reload, and removes it', async () => {
      const view = await openSetup()
      expect(view.get('[data-testid="no-overrides"]').text()).toBe('所有表单都沿用全区县的设置。')
      const options = view.get('[data-testid="override-pick"]').findAll('option').map((option) => option.text())
      expect(options).toEqual(['选择表单', '近视筛查统计', '消防安全自查'])
      await view.get('[data-testid="override-pick"]').setValue('myopia-screening')
      await view.get('[data-testid="override-add"]').trigger('click')
      const [row] = overrideRows(view)
      expect(row?.get('legend').text()).toBe('近视筛查统计')
      expect(row?.get('[data-testid="override-before"]').attributes('placeholder')).toBe('同全区县（3）')
      await row?.get('[data-testid="override-before"]').setValue('7')
      await row?.get('[data-testid="override-enabled"]').setValue('on')
      // Reminders off for a second form, and nothing else of its own.
      await view.get('[data-testid="override-pick"]').setValue('fire-safety')
      await view.get('[data-testid="override-add"]').trigger('click')
      await overrideRows(view)[1]?.get('[data-testid="override-enabled"]').setValue('off')
      await view.get('[data-testid="auto-form"]').trigger('submit')
      await flushPromises()
      const saved = { enabled: true, daysBefore: 3, daysAfter: 1, forms: { 'myopia-screening': { enabled: true, daysBefore: 7 }, 'fire-safety': { enabled: false } } }
      expect(sent).toEqual([{ method: 'PUT', path: '/reminder-settings', body: saved }])
      expect(dialog.toast).toHaveBeenCalledWith('自动提醒设置已保存')

      view.unmount()
      const again = await openSetup()
      expect(overrideRows(again).map((each) => each.attributes('data-form'))).toEqual(['myopia-screening', 'fire-safety'])
      expect((overrideRows(again)[0]?.get('[data-testid="override-before"]').element as HTMLInputElement).value).toBe('7')
      expect((overrideRows(again)[1]?.get('[data-testid="override-enabled"]').element as HTMLSelectElement).value).toBe('off')
      expect((overrideRows(again)[1]?.get('[data-testid="override-after"]').element as HTMLInputElement).value).toBe('')
      // A form with an override is not offered twice.
      expect(again.get('[data-testid="override-pick"]').findAll('option').map((option) => option.text())).toEqual(['选择表单'])

      await overrideRows(again)[0]?.get('[data-testid="override-remove"]').trigger('click')
      await again.get('[data-testid="auto-form"]').trigger('submit')
      await flushPromises()
      expect(sent.at(-1)?.body).toEqual({ ...saved, forms: { 'fire-safety': { enabled: false } } })
      again.unmount()
      expect(overrideRows(await openSetup()).map((each) => each.attributes('data-form'))).toEqual(['fire-safety'])
    })

    it('checks a form\'s days as the server does before sending, in Chinese, and shows the server\'s refusal on its form', async () => {
      const view = await openSetup()
      await view.get('[data-testid="override-pick"]').setValue('myopia-screening')
      await view.get('[data-testid="override-add"]').trigger('click')
      await overrideRows(view)[0]?.get('[data-testid="override-after"]').setValue('45')
      expect(view.get('[data-testid="override-issues"]').text()).toBe('「近视筛查统计」的逾期提醒天数应为 0 到 30 之间的整数')
      expect(view.get('[data-testid="auto-save"]').attributes('disabled')).toBeDefined()
      await view.get('[data-testid="auto-form"]').trigger('submit')
      await flushPromises()
      expect(sent).toEqual([])

      await overrideRows(view)[0]?.get('[data-testid="override-after"]').setValue('2')
      expect(view.find('[data-testid="override-issues"]').exists()).toBe(false)
      settingsRefusal = { error: { code: 'validation_failed', message: '本区县没有这张表单：myopia-screening / This district has no form myopia-screening', details: { issues: [
        { fieldId: 'forms.myopia-screening', code: 'type', severity: 'error', message: { zh: '本区县没有这张表单：myopia-screening', en: 'This district has no form myopia-screening' } },
      ] } } }
      await view.get('[data-testid="auto-form"]').trigger('submit')
      await flushPromises()
      expect(sent).toHaveLength(1)
      expect(view.get('[data-testid="override-issues"]').text()).toBe('本区县没有这张表单：myopia-screening')
    })
  })
})

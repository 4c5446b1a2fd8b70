import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defaultTemplates } from '../../../../src/core/forms/index.js'
import { useAuthStore } from '../../../../src/client/features/auth/authStore.js'
import BureauHomeView from '../../../../src/client/features/bureau/BureauHomeView.vue'
import CanteenView from '../../../../src/client/features/bureau/CanteenView.vue'
import HazardBoardView from '../../../../src/client/features/bureau/HazardBoardView.vue'
import ReportAnswers from '../../../../src/client/features/bureau/ReportAnswers.vue'
import PledgeSummaryView from '../../../../src/client/features/bureau/PledgeSummaryView.vue'
import SurveyTotalsView from '../../../../src/client/features/bureau/SurveyTotalsView.vue'
import AuditView from '../../../../src/client/features/bureau/admin/AuditView.vue'
import DeadlinesAdminView from '../../../../src/client/features/bureau/admin/DeadlinesAdminView.vue'
import FormsAdminView from '../../../../src/client/features/bureau/admin/FormsAdminView.vue'
import PledgesAdminView from '../../../../src/client/features/bureau/admin/PledgesAdminView.vue'
import UsersAdminView from '../../../../src/client/features/bureau/admin/UsersAdminView.vue'
import { useBureauStore } from '../../../../src/client/features/bureau/bureauStore.js'
import { installBureauMessages } from '../../../../src/client/features/bureau/installBureauMessages.js'
import { i18n } from '../../../../src/client/i18n/index.js'

const pledge = {
  id: 'safe-campus-2026-v1', pledgeId: 'safe-campus-2026', version: 1, year: 2026, audience: 'principal',
  title: { zh: '平安校园创建目标管理责任书', en: 'Safe campus pledge' }, text: { zh: '正文', en: 'Text' },
  dueDate: '2026-12-31', textHash: 'a'.repeat(64), publishedAt: '2026-09-01T00:00:00.000Z', current: true, ownerDistrictId: null,
}
const hazardCounts = { open: 1, overdue: 1, rectified: 1, closed: 0 }
const hazardRow = (id: string, status: string, deadline: string, daysOverdue: number) => ({
  id, schoolId: 'school-1', schoolName: '示范区第一高级中学', formId: 'fire-safety', subject: { zh: '消防安全自查', en: 'Fire safety' },
  item: { zh: '电气线路规范', en: 'Wiring' }, description: '配电箱线路老化', severity: 'medium', status, deadline, responsible: '后勤主任',
  createdAt: '2026-12-02T01:00:00.000Z', updatedAt: '2026-12-02T01:00:00.000Z', level: 'yellow', ageDays: 0, daysOverdue,
})

/** What the server answers, per path (without /api/v1 and the query). */
const replies: Record<string, unknown> = {
  '/forms': { forms: defaultTemplates },
  '/schools': { schools: [{ id: 'school-1', name: '示范区第一高级中学', districtId: 'district-1', kind: 'senior_high', township: '城关镇' }] },
  '/admin/schools': { schools: [], districts: [{ id: 'district-1', name: '示范区教育局' }] },
  '/audit': {
    nextCursor: null,
    entries: [{
      id: 'a1', at: '2026-12-02T02:07:00.000Z', action: 'export', actorId: 'u1', actorRole: 'bureau', username: 'bureau', districtId: 'district-1',
      schoolId: null, subjectId: null, ip: null, details: { table: 'reports', formId: 'fire-safety', period: '2026-T2', format: 'csv', rows: 3 },
    }],
  },
  '/admin/users': { users: [{ id: 'u1', username: 'bureau', displayName: '李局', role: 'bureau', schoolId: null, districtId: 'district-1', disabled: false, createdAt: '2026-09-01T00:00:00.000Z' }] },
  '/admin/forms': { forms: [{ id: 'campus-security', version: 1, kind: 'survey', title: { zh: '校园安保统计', en: 'Campus security' }, period: 'term', active: true, publishedAt: '2026-09-01T00:00:00.000Z', publishedBy: null, ownerDistrictId: null, reports: 4 }] },
  '/admin/pledges': { pledges: [pledge] },
  '/admin/deadlines': { deadlines: [{ districtId: 'district-1', formId: 'myopia-screening', period: '2026-T2', dueAt: '2026-12-15T15:59:00.000Z', setBy: null, setAt: '2026-12-01T02:00:00.000Z' }] },
  '/reports/pledge-summary': { versions: [{ pledge, schools: 5, signed: 2, overdue: 0 }] },
  '/reports/overview': { forms: [{ formId: 'myopia-screening', title: { zh: '近视筛查统计', en: 'Myopia screening' }, periodKind: 'term', period: '2026-T2', dueAt: '2026-12-15T15:59:00.000Z', schools: 5, totals: { on_time: 2, late: 0, missing: 0, not_due: 3, corrected: 0 } }] },
  '/reports/hazard-board': {
    today: '2026-12-02', totals: hazardCounts, byLevel: { blue: 0, yellow: 2, orange: 0, red: 0 },
    bySchool: [{ schoolId: 'school-1', schoolName: '示范区第一高级中学', ...hazardCounts }], bySubject: [{ formId: 'fire-safety', subject: { zh: '消防安全自查', en: 'Fire safety' }, ...hazardCounts }],
    trend: [{ week: '2026-11-30', found: 2, closed: 0 }],
  },
  '/reports/hazard-board/rows': { rows: [hazardRow('h1', 'open', '2026-11-30', 2), hazardRow('h2', 'open', '2026-12-09', 0), hazardRow('h3', 'rectified', '2026-12-01', 0)], total: 3, page: 1, pageSize: 50 },
  '/reports/canteen-summary': { term: '2026-T2', schools: 1, current: [{ grade: 'A', schools: 1 }], ungraded: 0, byTerm: [{ term: '2026-T2', grades: [{ grade: 'A', schools: 1 }] }], moves: [] },
  '/reports/survey-totals': {
    formId: 'myopia-screening', title: { zh: '近视筛查统计', en: 'Myopia screening' }, period: '2026-T2', previousPeriod: '2026-T1', schools: 5, reported: 1,
    fields: [{ id: 'screened', label: { zh: '筛查人数', en: 'Screened' }, total: 500, previous: null }], rates: [],
    bySchool: [{ schoolId: 'school-1', schoolName: '示范区第一高级中学', submissionId: 's1', rates: [], values: { screened: 500 } }],
  },
}

/**
 * What a person reads that is a code or English: period codes (2026-T2), ISO or slashed dates,
 * ids (fire-safety, district-1), lowercase English words (term, table). A code is allowed where it
 * is labelled as one (编号 …, or an input's example: 如 …) and in cells marked data-code (usernames are typed at sign-in).
 */
function codesIn(root: Element): string[] {
  const copy = root.cloneNode(true) as Element
  for (const each of copy.querySelectorAll('[data-code]')) each.remove()
  // Text node by text node: options and cells run together in textContent (2026-T22026-T1).
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT)
  const pieces: string[] = []
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) pieces.push(node.textContent ?? '')
  const text = pieces.join(' ').replace(/(?:编号|如) [\w-]+/g, '')
  const patterns = [/\b\d{4}-(?:T[12]|\d{2})\b/g, /\b\d{4}\/\d{1,2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g, /\b[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+\b/g, /\b[a-z]{3,}\b/g, /SHA-256/g]
  return [...new Set(patterns.flatMap((pattern) => text.match(pattern) ?? []))]
}

async function render(screen: Component) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  const wrapper = mount(screen, { global: { plugins: [i18n, router], stubs: { EChart: true } } })
  await flushPromises()
  await flushPromises()
  return wrapper
}

describe('the bureau’s screens in Chinese', () => {
  beforeEach(async () => {
    installBureauMessages()
    i18n.global.locale.value = 'zh-CN'
    setActivePinia(createPinia())
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-02T10:00:00+08:00') })
    vi.stubGlobal('fetch', async (url: string) => {
      const path = url.replace(/^\/api\/v1/, '').replace(/\?.*$/, '')
      const body = replies[path]
      return body === undefined ? new Response('{}', { status: 404 }) : new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })
    })
    useAuthStore().session = { token: 't', expiresAt: '2026-12-03T00:00:00.000Z', user: { id: 'u0', username: 'admin', displayName: '管理员', role: 'admin', schoolId: null, districtId: null } } as never
    await useBureauStore().load()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  const screens: [string, Component, string][] = [
    ['overview', BureauHomeView, '近视筛查统计'],
    ['hazard board', HazardBoardView, '配电箱线路老化'],
    ['canteen', CanteenView, '食堂等级'],
    ['surveys', SurveyTotalsView, '筛查人数'],
    ['signing', PledgeSummaryView, '平安校园创建目标管理责任书'],
    ['accounts', UsersAdminView, '李局'],
    ['forms', FormsAdminView, '校园安保统计'],
    ['deadlines', DeadlinesAdminView, '近视筛查统计'],
    ['pledges', PledgesAdminView, '平安校园创建目标管理责任书'],
    ['audit', AuditView, '导出'],
  ]
  for (const [name, screen, shows] of screens) {
    it(`the ${name} screen shows no code or English where a phrase belongs`, async () => {
      const wrapper = await render(screen)
      expect(wrapper.text()).toContain(shows)
      expect(codesIn(wrapper.element)).toEqual([])
      wrapper.unmount()
    })
  }

  it('says the period, the deadline and the place in words', async () => {
    const home = await render(BureauHomeView)
    expect(home.text()).toMatch(/2026年秋季学期 · 2026年12月1[56]日 \d{2}:59/)
    home.unmount()
    const users = await render(UsersAdminView)
    expect(users.text()).toContain('示范区教育局')
    users.unmount()
    const audit = await render(AuditView)
    expect(audit.text()).toContain('表格：报告明细 · 表单：消防安全自查 · 周期：2026年秋季学期 · 文件格式：CSV 文件')
    audit.unmount()
    const signing = await render(PledgeSummaryView)
    expect(signing.text()).toContain('编号 safe-campus-2026-v1')
    signing.unmount()
  })

  it('the hazard board says how each open hazard stands against its deadline, and nothing for one awaiting verification', async () => {
    const board = await render(HazardBoardView)
    const timing = (id: string) => board.get(`[data-hazard="${id}"] [data-column="timing"]`).text()
    expect(timing('h1')).toBe('逾期 2 天')
    expect(timing('h2')).toBe('还剩 7 天')
    expect(timing('h3')).toBe('—')
    expect(board.text()).not.toContain('已 0 天')
    expect(board.get('[data-hazard="h2"]').text()).toContain('2026年12月9日')
    expect(board.text()).toContain('预警等级：全部')
    // The trend's weeks as days people read, not 11-30.
    const trend = board.findAllComponents({ name: 'EChart' }).map((chart) => chart.props('option') as { xAxis: { data: string[] } })[1]
    expect(trend?.xAxis.data).toEqual(['11月30日'])
    board.unmount()
  })

  it('a report’s answers give a date field as 2026年12月2日 and a choice by its label', async () => {
    const template = defaultTemplates.find((each) => each.id === 'fire-safety')
    const answers = { checkType: 'self', inspector: '王老师', checkDate: '2026-12-02', exits: { result: 'pass' as const } }
    const wrapper = mount(ReportAnswers, { props: { answers, template }, global: { plugins: [i18n] } })
    expect(wrapper.get('[data-field="checkDate"]').text()).toBe('2026年12月2日')
    expect(wrapper.get('[data-field="checkType"]').text()).toBe('学校自查')
    expect(codesIn(wrapper.element)).toEqual([])
    wrapper.unmount()
  })
})

import { describe, expect, it } from 'vitest'
import type { TodoItem } from '../../src/core/todo.js'
import { withoutChasedReports } from '../../src/server/services/todo/list-todo.js'

const report = (formId: string, period: string, campaignId?: string): TodoItem => ({
  key: `report:${formId}:${period}${campaignId ?? ''}`, kind: 'report', title: { zh: formId, en: formId }, dueAt: null,
  link: `/new/${formId}?period=${period}`, formId, period, ...(campaignId === undefined ? {} : { campaignId }),
})
const reminder = (formId: string, period: string): TodoItem => ({
  key: `reminder:${formId}:${period}`, kind: 'reminder', reminderId: `r-${formId}`, title: { zh: `催报：${formId}`, en: formId }, dueAt: null,
  link: `/new/${formId}?period=${period}`, formId, period,
})

describe('a 催报 stands in for the report it chases', () => {
  it('drops the owed report of the same form and period, keeps the others and campaign checklists', () => {
    const items = [report('home-visits', '2026-T2'), reminder('home-visits', '2026-T2'), report('home-visits', '2026-T1'), report('fire-safety', '2026-12'), report('home-visits', '2026-T2', 'c-1')]
    expect(withoutChasedReports(items).map((item) => item.key)).toEqual([
      'reminder:home-visits:2026-T2', 'report:home-visits:2026-T1', 'report:fire-safety:2026-12', 'report:home-visits:2026-T2c-1',
    ])
  })
})

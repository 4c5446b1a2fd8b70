import { describe, expect, it } from 'vitest'
import type { TodoItem } from '../../../src/core/todo.js'
import { todoGroupOf } from '../../../src/core/todoGroups.js'
import { endOfShanghaiDay } from '../../../src/core/todoOrder.js'

const title = { zh: '项', en: 'item' }
const now = new Date('2026-12-01T02:00:00Z')
const report = (due: string | null): TodoItem => ({ key: `r${due}`, kind: 'report', title, dueAt: due && endOfShanghaiDay(due), link: '/new/f', formId: 'f', period: '2026-12' })

describe('the 待办 headings', () => {
  it('puts anything overdue under the red heading, whatever its kind', () => {
    expect(todoGroupOf(report('2026-11-30'), now)).toBe('overdue')
    expect(todoGroupOf({ key: 'h', kind: 'hazard', title, dueAt: endOfShanghaiDay('2026-11-01'), link: '/hazards/h', hazardId: 'h', severity: 'high' }, now)).toBe('overdue')
  })

  it('splits reports into due soon (a week) and due this period', () => {
    expect(todoGroupOf(report('2026-12-08'), now)).toBe('soon')
    expect(todoGroupOf(report('2026-12-09'), now)).toBe('period')
    expect(todoGroupOf(report(null), now)).toBe('period')
  })

  it('gives every other kind its own heading', () => {
    expect(todoGroupOf({ key: 'h', kind: 'hazard', title, dueAt: endOfShanghaiDay('2026-12-20'), link: '/', hazardId: 'h', severity: 'low' }, now)).toBe('hazard')
    expect(todoGroupOf({ key: 'p', kind: 'pledge', title, dueAt: null, link: '/', versionId: 'v' }, now)).toBe('pledge')
    expect(todoGroupOf({ key: 'n', kind: 'notice', title, dueAt: null, link: '/', noticeId: 'n' }, now)).toBe('unread')
    expect(todoGroupOf({ key: 'c', kind: 'campaign', title, dueAt: null, link: '/', campaignId: 'c' }, now)).toBe('unread')
    expect(todoGroupOf({ key: 'm', kind: 'reminder', title, dueAt: endOfShanghaiDay('2026-12-03'), link: '/', reminderId: 'm', formId: 'f', period: '2026-12' }, now)).toBe('soon')
  })
})

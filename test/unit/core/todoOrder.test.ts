import { describe, expect, it } from 'vitest'
import type { TodoItem } from '../../../src/core/todo.js'
import { daysLate, daysLeft, endOfShanghaiDay, orderTodo, shanghaiToday } from '../../../src/core/todoOrder.js'

const text = { zh: '项', en: 'item' }
const item = (key: string, due: string | null): TodoItem => ({
  key,
  kind: 'hazard',
  title: text,
  dueAt: due === null ? null : endOfShanghaiDay(due),
  link: `/hazards/${key}`,
  hazardId: key,
  severity: 'low',
})

describe('the 待办 order and lateness', () => {
  it('counts the day in Asia/Shanghai: 16:30 UTC is already the next day there', () => {
    expect(shanghaiToday(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01')
    expect(shanghaiToday(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30')
  })

  it('is not late on the last day, one day late just after its midnight in Shanghai', () => {
    const due = item('a', '2026-11-30')
    expect(daysLate(due, new Date('2026-11-30T15:59:59Z'))).toBe(0)
    expect(daysLate(due, new Date('2026-11-30T16:00:01Z'))).toBe(1)
    expect(daysLate(due, new Date('2026-12-03T01:00:00Z'))).toBe(3)
  })

  it('counts across a leap day', () => {
    expect(daysLate(item('a', '2028-02-28'), new Date('2028-03-01T04:00:00Z'))).toBe(2)
  })

  it('an item due at a given hour is one day late once that hour passes on its day', () => {
    expect(daysLate({ dueAt: '2026-11-30T12:00:00+08:00' }, new Date('2026-11-30T05:00:00Z'))).toBe(1)
  })

  it('says how many days are left, 0 on the last day, null without a deadline', () => {
    expect(daysLeft(item('a', '2026-12-05'), new Date('2026-12-01T02:00:00Z'))).toBe(4)
    expect(daysLeft(item('a', '2026-12-01'), new Date('2026-12-01T02:00:00Z'))).toBe(0)
    expect(daysLeft(item('a', null), new Date())).toBeNull()
  })

  it('puts the latest overdue first, then the soonest due, then the undated', () => {
    const now = new Date('2026-12-01T02:00:00Z')
    const items = [item('undated', null), item('later', '2026-12-20'), item('late1', '2026-11-30'), item('soon', '2026-12-02'), item('late9', '2026-11-22'), item('alsoUndated', null)]
    expect(orderTodo(items, now).map((entry) => entry.key)).toEqual(['late9', 'late1', 'soon', 'later', 'alsoUndated', 'undated'])
  })

  it('orders the same whatever order the sources gave', () => {
    const now = new Date('2026-12-01T02:00:00Z')
    const items = [item('b', '2026-12-02'), item('a', '2026-12-02'), item('c', null)]
    expect(orderTodo(items, now)).toEqual(orderTodo([...items].reverse(), now))
  })
})

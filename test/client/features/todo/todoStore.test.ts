import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { stores } from '../../../../src/client/appServices.js'
import { useTodoStore } from '../../../../src/client/features/todo/todoStore.js'
import type { TodoItem } from '../../../../src/core/todo.js'

const items: TodoItem[] = [
  { key: 'hazard:h1', kind: 'hazard', title: { zh: '出口堵塞', en: 'Exit blocked' }, dueAt: '2026-11-28T23:59:59+08:00', link: '/hazards/h1', hazardId: 'h1', severity: 'high' },
  { key: 'pledge:p@1', kind: 'pledge', title: { zh: '责任书', en: 'Pledge' }, dueAt: null, link: '/pledges/p%401/sign', versionId: 'p@1' },
]

describe('the 待办 store', () => {
  const setAppBadge = vi.fn(async () => undefined)
  const clearAppBadge = vi.fn(async () => undefined)

  beforeEach(async () => {
    setActivePinia(createPinia())
    Object.assign(navigator, { setAppBadge, clearAppBadge })
    await stores.meta.setItem('todo', items)
  })
  afterEach(async () => {
    await stores.meta.removeItem('todo')
    vi.useRealTimers()
  })

  it('reads the last pull offline and counts how late by the phone\'s clock, in Shanghai days', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T02:00:00Z'), toFake: ['Date'] })
    const todo = useTodoStore()
    await todo.reload()
    expect(todo.sections.map((section) => section.group)).toEqual(['overdue', 'pledge'])
    expect(todo.sections[0]?.rows[0]?.late).toBe(3)
    vi.setSystemTime(new Date('2026-12-02T16:00:01Z'))
    todo.tick()
    expect(todo.sections[0]?.rows[0]?.late).toBe(5)
  })

  it('puts the count on the app\'s icon, and clears it when nothing is owed', async () => {
    const todo = useTodoStore()
    await todo.reload()
    await nextTick()
    await flushPromises()
    expect(setAppBadge).toHaveBeenLastCalledWith(2)
    await stores.meta.setItem('todo', [])
    await todo.reload()
    await nextTick()
    expect(clearAppBadge).toHaveBeenCalled()
  })
})

import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { stores } from '../../../../src/client/appServices.js'
import { useAuthStore } from '../../../../src/client/features/auth/authStore.js'
import { useOutboxStore } from '../../../../src/client/features/outbox/outboxStore.js'
import { FIRST_PAINT_KEY, readFirstPaint, type FirstPaint } from '../../../../src/client/features/todo/firstPaint.js'
import { useTodoStore } from '../../../../src/client/features/todo/todoStore.js'
import { SESSION_KEY } from '../../../../src/client/offline/offlineServices.js'
import type { User } from '../../../../src/core/protocol.js'
import type { TodoItem } from '../../../../src/core/todo.js'

const user: User = { id: 'u-first', username: 'school1', displayName: '王老师', role: 'staff', schoolId: 'school-1', districtId: 'district-1' }
const report: TodoItem = { key: 'report:fire-safety:2026-11', kind: 'report', title: { zh: '消防安全自查', en: 'Fire self-check' }, dueAt: '2026-12-05T23:59:59+08:00', link: '/new/fire-safety?period=2026-11', formId: 'fire-safety', period: '2026-11' } as TodoItem
const pledge: TodoItem = { key: 'pledge:p@1', kind: 'pledge', title: { zh: '责任书', en: 'Pledge' }, dueAt: null, link: '/pledges/p%401/sign', versionId: 'p@1' }

function remembered(paint: FirstPaint): void {
  localStorage.setItem(FIRST_PAINT_KEY, JSON.stringify(paint))
}

describe('the 待办 remembered for the next start (firstPaint.ts)', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    localStorage.clear()
    await stores.meta.removeItem(SESSION_KEY)
    await stores.meta.removeItem('todo')
  })
  afterEach(() => localStorage.clear())

  it('gives the store its items and the user before IndexedDB is read, with what waited in the outbox', () => {
    remembered({ user, items: [report, pledge], waiting: [{ state: 'queued', formId: 'fire-safety', period: '2026-11' }] })
    const auth = useAuthStore()
    const todo = useTodoStore()
    expect(auth.loaded).toBe(false)
    expect(auth.user?.id).toBe('u-first')
    expect(auth.token).toBeNull()
    expect(todo.loaded).toBe(true)
    const rows = todo.sections.flatMap((section) => section.rows)
    expect(rows.map((row) => row.item.key)).toEqual(expect.arrayContaining(['report:fire-safety:2026-11', 'pledge:p@1']))
    // The report waits in the outbox: "待上传", not owed; only the pledge counts on the badge.
    expect(rows.find((row) => row.item.kind === 'report')?.pending).toBe(true)
    expect(todo.owed).toBe(1)
  })

  it('is forgotten when the session read from IndexedDB is not the remembered user', async () => {
    remembered({ user, items: [pledge], waiting: [] })
    const auth = useAuthStore()
    await auth.load()
    expect(auth.user).toBeNull()
    expect(readFirstPaint()).toBeNull()
  })

  it('is renewed from IndexedDB alone, never from itself, and cleared at sign-out', async () => {
    await stores.meta.setItem(SESSION_KEY, { token: '', expiresAt: '2027-01-01T00:00:00Z', user })
    await stores.meta.setItem('todo', [pledge])
    const auth = useAuthStore()
    const outbox = useOutboxStore()
    const todo = useTodoStore()
    await auth.load()
    await outbox.refresh()
    await todo.reload()
    await nextTick()
    await vi.waitFor(() => expect(readFirstPaint()).toMatchObject({ user: { id: 'u-first' }, items: [{ key: 'pledge:p@1' }], waiting: [] }))
    expect(readFirstPaint()?.screen).toBeUndefined()
    // The screen adds its drawing after it rendered these items.
    document.body.innerHTML = '<div id="app"><main><div class="todo-item" data-link="/pledges/p%401/sign">责任书</div></main></div><script type="text/plain" data-app-entry src="/assets/index-abc.js"></script>'
    vi.useFakeTimers({ now: new Date('2026-12-01T17:00:00Z'), toFake: ['Date'] })
    todo.remember('zh-CN')
    // Read as drawn: what the page shows afterwards is not what was drawn from these items.
    document.body.innerHTML = '<div id="app"><main>another screen</main></div>'
    await vi.waitFor(() => expect(readFirstPaint()?.screen).toEqual({ html: '<main><div class="todo-item" data-link="/pledges/p%401/sign">责任书</div></main>', day: '2026-12-02', build: '/assets/index-abc.js', locale: 'zh-CN' }))
    vi.useRealTimers()
    // Read back the same from IndexedDB (the usual start): the drawing stays; a changed list drops it.
    todo.remember()
    await flushPromises()
    expect(readFirstPaint()?.screen?.html).toContain('todo-item')
    await stores.meta.setItem('todo', [pledge, report])
    await todo.reload()
    await vi.waitFor(() => expect(readFirstPaint()?.items).toHaveLength(2))
    expect(readFirstPaint()?.screen).toBeUndefined()
    await auth.logout().catch(() => undefined)
    expect(localStorage.getItem(FIRST_PAINT_KEY)).toBeNull()
  })

  it('reads nothing from a copy that is not one', () => {
    localStorage.setItem(FIRST_PAINT_KEY, '{"user":{"id":1},"items":[]}')
    expect(readFirstPaint()).toBeNull()
    localStorage.setItem(FIRST_PAINT_KEY, 'not json')
    expect(readFirstPaint()).toBeNull()
  })
})

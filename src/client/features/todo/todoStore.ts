import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import type { TodoItem } from '../../../core/todo.js'
import { stores } from '../../appServices.js'
import { showAppBadge } from '../../ui/appBadge.js'
import { useAuthStore } from '../auth/authStore.js'
import { useOutboxStore } from '../outbox/outboxStore.js'
import { drawnNow } from './firstPaint.js'
import { owedCount, todoSections, undelivered } from './todoRows.js'
import { ownsTodo } from './ownsTodo.js'

/**
 * The 待办 as last pulled (meta key `todo`), read against this phone's outbox and clock: offline,
 * "逾期 N 天" still moves on each day and a report already in the outbox no longer counts as owed.
 * Until IndexedDB has answered, the list the phone last showed (firstPaint.ts) stands in for both.
 */
export const useTodoStore = defineStore('todo', () => {
  const outbox = useOutboxStore()
  const auth = useAuthStore()
  const remembered = auth.firstPaint.copy
  const items = shallowRef<readonly TodoItem[]>(remembered?.items ?? [])
  /** The items came from IndexedDB, not from the remembered copy: only then is the copy renewed. */
  const read = shallowRef(false)
  const loaded = computed(() => read.value || remembered !== null)
  const now = shallowRef(new Date())

  const marks = computed(() => (outbox.read ? outbox.records : (remembered?.waiting ?? [])))
  const sections = computed(() => todoSections(items.value, marks.value, now.value))
  const owed = computed(() => owedCount(sections.value))

  async function reload(): Promise<void> {
    items.value = (await stores.meta.getItem<TodoItem[]>('todo')) ?? []
    now.value = new Date()
    read.value = true
  }

  /** Re-reads the phone's clock: the screen calls it while open so a day turning over shows. */
  function tick(): void {
    now.value = new Date()
  }

  // Signed out: the list was the last user's (sign-out removes it from meta), and so was the count.
  watch(
    () => auth.user,
    (user) => {
      if (user === null) items.value = []
    },
  )
  watch(owed, showAppBadge)
  /**
   * What the next start paints before IndexedDB answers (firstPaint.ts): renewed from what was read
   * from it (the session, the list and the outbox), with the screen as drawn now when the 待办
   * gives its locale. Written from a lazy chunk; what is kept is read now, in order.
   */
  const fresh = computed(() => read.value && outbox.read && auth.loaded)
  function remember(screenLocale?: string): void {
    const user = auth.session?.user
    if (!fresh.value || user === undefined || !ownsTodo(user.role)) return
    const kept = { user, items: items.value, records: outbox.records, drawn: screenLocale === undefined ? undefined : drawnNow(), now: new Date() }
    void import('./rememberFirstPaint.js').then(({ drawnScreen, keepFirstPaint, waitingMarks }) => {
      // Signed out (or another user signed in) meanwhile: what was read is no longer theirs to show.
      if (auth.session?.user.id !== kept.user.id) return
      const screen = kept.drawn === undefined || screenLocale === undefined ? undefined : drawnScreen(kept.drawn, screenLocale, kept.now)
      keepFirstPaint({ user: kept.user, items: kept.items, waiting: waitingMarks(kept.records), ...(screen === undefined ? {} : { screen }) })
    })
  }
  // Which reports wait, by id: the outbox's list is re-read several times a second while a pass
  // runs, and only a report entering or leaving the queue changes what the 待办 shows.
  const waitingIds = computed(() => outbox.records.filter(undelivered).map((record) => record.id).join())
  // Changed (or all read at last) while the 待办 may not be drawn: the data alone; the screen adds
  // its drawing after it renders. A copy that no longer matches loses its drawing (rememberFirstPaint.ts).
  watch([items, waitingIds, () => auth.session, fresh], () => remember())

  return { items, loaded, read, fresh, sections, owed, reload, tick, remember }
})

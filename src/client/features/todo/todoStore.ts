import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import type { TodoItem } from '../../../core/todo.js'
import { stores } from '../../appServices.js'
import { showAppBadge } from '../../ui/appBadge.js'
import { useAuthStore } from '../auth/authStore.js'
import { useOutboxStore } from '../outbox/outboxStore.js'
import { owedCount, todoSections } from './todoRows.js'

/**
 * The 待办 as last pulled (meta key `todo`), read against this phone's outbox and clock: offline,
 * "逾期 N 天" still moves on each day and a report already in the outbox no longer counts as owed.
 */
export const useTodoStore = defineStore('todo', () => {
  const items = shallowRef<readonly TodoItem[]>([])
  const loaded = shallowRef(false)
  const now = shallowRef(new Date())
  const outbox = useOutboxStore()
  const auth = useAuthStore()

  const sections = computed(() => todoSections(items.value, outbox.records, now.value))
  const owed = computed(() => owedCount(sections.value))

  async function reload(): Promise<void> {
    items.value = (await stores.meta.getItem<TodoItem[]>('todo')) ?? []
    now.value = new Date()
    loaded.value = true
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

  return { items, loaded, sections, owed, reload, tick }
})

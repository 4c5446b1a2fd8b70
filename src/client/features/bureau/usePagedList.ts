import { computed, ref, shallowRef, watch } from 'vue'
import { useAuthStore } from '../auth/authStore.js'
import { apiGet, query } from './bureauApi.js'
import { problemOf, useApiData, type Problem } from './useApiData.js'

/**
 * A cursor-paged list: the first page at once, the next ones on request ("load more"), so a long
 * list is never cut off. `items` picks the rows out of a page; a reload starts again at the first page.
 */
export function usePagedList<P extends { readonly nextCursor: string | null }, T>(path: string, items: (page: P) => readonly T[]) {
  const auth = useAuthStore()
  const first = useApiData<P>(() => path)
  const rows = shallowRef<readonly T[]>([])
  const cursor = ref<string | null>(null)
  const moreProblem = ref<Problem | null>(null)
  const loadingMore = ref(false)

  watch(first.data, (page) => {
    rows.value = page ? items(page) : []
    cursor.value = page?.nextCursor ?? null
    moreProblem.value = null
  })

  async function more(): Promise<void> {
    if (!auth.token || cursor.value === null || loadingMore.value) return
    const from = cursor.value
    loadingMore.value = true
    const result = await apiGet<P>(auth.token, `${path}${query({ cursor: from })}`)
    loadingMore.value = false
    // A reload meanwhile started the list again: this page belongs to the old one.
    if (cursor.value !== from) return
    if (result.kind !== 'ok') return void (moreProblem.value = problemOf(result))
    rows.value = [...rows.value, ...items(result.value)]
    cursor.value = result.value.nextCursor
  }

  return {
    rows,
    /** Whether the first page has come (an empty list then says so). */
    loaded: computed(() => first.data.value !== null),
    hasMore: computed(() => cursor.value !== null),
    loadingMore,
    problem: computed(() => first.problem.value ?? moreProblem.value),
    more,
    reload: first.reload,
  }
}

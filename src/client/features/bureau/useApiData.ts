import { ref, watch, type Ref } from 'vue'
import { useAuthStore } from '../auth/authStore.js'
import { apiGet, type ApiResult } from './bureauApi.js'

/** What went wrong, as an i18n key and its parameters. */
export type Problem = { readonly key: string; readonly params?: Record<string, string> }

export function problemOf(result: Exclude<ApiResult<unknown>, { kind: 'ok' }>): Problem {
  if (result.kind === 'network') return { key: 'bureau.problem.network' }
  if (result.status === 401) return { key: 'bureau.problem.unauthorized' }
  if (result.status === 403) return { key: 'bureau.problem.forbidden' }
  if (result.status === 404) return { key: 'bureau.problem.not_found' }
  return { key: 'bureau.problem.failed', params: { message: result.message } }
}

/** Loads `path()` whenever it changes (null: nothing to load yet); the screen shows data or the problem. */
export function useApiData<T>(path: () => string | null): {
  data: Ref<T | null>
  problem: Ref<Problem | null>
  loading: Ref<boolean>
  reload: () => Promise<void>
} {
  const auth = useAuthStore()
  const data = ref<T | null>(null) as Ref<T | null>
  const problem = ref<Problem | null>(null)
  const loading = ref(false)
  let latest = 0

  async function reload(): Promise<void> {
    const target = path()
    if (!auth.token || target === null) return
    const ticket = ++latest
    loading.value = true
    const result = await apiGet<T>(auth.token, target)
    // A slower, older answer must not overwrite a newer one.
    if (ticket !== latest) return
    loading.value = false
    if (result.kind === 'ok') {
      data.value = result.value
      problem.value = null
    } else problem.value = problemOf(result)
  }

  watch(path, () => void reload(), { immediate: true })
  return { data, problem, loading, reload }
}

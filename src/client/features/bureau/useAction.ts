import { showToast } from 'vant'
import { ref } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import type { ValidationIssue } from '../../../core/validate.js'
import { useAuthStore } from '../auth/authStore.js'
import { apiSend, type ApiResult } from './bureauApi.js'
import { problemOf } from './useApiData.js'

/**
 * Sends one change and says how it went; resolves to the reply, or null when it failed. A refusal's
 * issues (each in both languages) stay in `issues` until the next send, for the screen to show.
 */
export function useAction() {
  const { t } = useI18n()
  const auth = useAuthStore()
  const busy = ref(false)
  const issues = ref<readonly ValidationIssue[]>([])

  async function send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body: unknown, done?: string): Promise<T | null> {
    if (!auth.token || busy.value) return null
    busy.value = true
    issues.value = []
    const result: ApiResult<T> = await apiSend<T>(auth.token, method, path, body)
    busy.value = false
    if (result.kind === 'ok') {
      if (done) showToast(done)
      return result.value
    }
    if (result.kind === 'error') issues.value = result.issues
    const problem = problemOf(result)
    showToast({ message: t(problem.key, problem.params ?? {}), wordBreak: 'break-word' })
    return null
  }

  return { busy, send, issues }
}

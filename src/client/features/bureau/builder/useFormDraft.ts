import { computed, ref, watch } from 'vue'
import { checkTemplate } from '../../../../core/forms/check-template.js'
import type { FormTemplate } from '../../../../core/forms/types.js'
import { blankTemplate, draftOf, type DraftTemplate } from '../../../../core/formBuilder.js'
import type { FormImportResponse, FormVersionResponse } from '../../../../core/protocol.js'
import { translateMessage } from '../../../../core/xlsform/problems.js'
import type { Text } from '../../../../core/text.js'
import { useAuthStore } from '../../auth/authStore.js'
import { apiGet, apiSend, type ApiResult } from '../bureauApi.js'

export type DraftProblem = { readonly path: string; readonly message: Text }

/**
 * The builder's state: a writable copy of a stored version (or a blank form), the core template
 * check's problems recomputed as the bureau types, and the server's preview (the difference from
 * the live version) and publish — both through /admin/forms/preview, the same checks and owner
 * rule as every other publish.
 */
export function useFormDraft() {
  const auth = useAuthStore()
  const draft = ref<DraftTemplate>(blankTemplate('inspection', 'new-form'))
  const loading = ref(false)
  const loadError = ref<ApiResult<unknown> | null>(null)
  const preview = ref<FormImportResponse | null>(null)
  const sending = ref(false)
  const sendError = ref<string | null>(null)

  const problems = computed<DraftProblem[]>(() => checkTemplate(draft.value).map((problem) => ({ path: problem.path, message: translateMessage(problem.message) })))

  // Any edit makes the last preview stale.
  watch(draft, () => { preview.value = null }, { deep: true })

  async function load(formId: string | undefined, version: string | undefined): Promise<void> {
    if (!formId || !version || !auth.token) return
    loading.value = true
    const result = await apiGet<FormVersionResponse>(auth.token, `/admin/forms/${encodeURIComponent(formId)}/versions/${encodeURIComponent(version)}`)
    loading.value = false
    if (result.kind === 'ok') draft.value = draftOf(result.value.template)
    else loadError.value = result
  }

  function start(kind: FormTemplate['kind'], id: string): void {
    draft.value = blankTemplate(kind, id)
  }

  async function send(publish: boolean): Promise<FormImportResponse | null> {
    if (!auth.token || problems.value.length > 0) return null
    sending.value = true
    sendError.value = null
    const result = await apiSend<FormImportResponse>(auth.token, 'POST', `/admin/forms/preview${publish ? '?publish=true' : ''}`, { template: draft.value })
    sending.value = false
    if (result.kind === 'ok') {
      preview.value = result.value
      if (publish) draft.value = draftOf(result.value.template)
      return result.value
    }
    sendError.value = result.kind === 'error' ? result.message : 'network'
    return null
  }

  return { draft, loading, loadError, problems, preview, sending, sendError, load, start, send }
}

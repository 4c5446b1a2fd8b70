import { computed, onBeforeUnmount, reactive, ref, shallowRef, watch } from 'vue'
import type { AnswerValue, Answers } from '../../../core/forms/types.js'
import { finaliseAnswers } from '../../../core/forms/walkForm.js'
import { hasErrors, referencedHashes, validateAnswers, type ValidationIssue } from '../../../core/validate.js'
import { stores } from '../../appServices.js'
import { deleteDraft, enqueueSubmission, getRecord, saveDraft, type OutboxRecord } from '../../offline/outbox.js'
import { useFormsStore } from './formsStore.js'

const AUTOSAVE_MS = 300

/**
 * One draft being filled: answers autosave to IndexedDB as the user types, validation is the
 * same core function the server runs, submit queues the record only once it is stored.
 */
export function useDraft(recordId: string) {
  const forms = useFormsStore()
  const record = shallowRef<OutboxRecord | null>(null)
  const answers = reactive<Record<string, AnswerValue | undefined>>({})
  const issues = ref<ValidationIssue[]>([])
  const savedAt = ref<number | null>(null)
  const missing = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending = false

  const template = computed(() => (record.value ? forms.find(record.value.formId, record.value.formVersion) : undefined))

  function snapshot(): Answers {
    // Structured clone cannot store Vue proxies; JSON also drops the undefined answers.
    return JSON.parse(JSON.stringify(answers)) as Answers
  }

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (!pending || !record.value) return
    pending = false
    const saved = snapshot()
    // The record lists exactly the photos its answers refer to: a removed photo stops travelling.
    const form = template.value
    const result = await saveDraft(stores, recordId, saved, form ? { attachments: referencedHashes(form, saved) } : {})
    if (result.kind !== 'saved') return
    record.value = result.record
    savedAt.value = Date.now()
  }

  function flushOnHide(): void {
    if (document.visibilityState === 'hidden') void flush()
  }

  async function load(): Promise<void> {
    if (!forms.loaded) await forms.reload()
    const found = await getRecord(stores, recordId)
    if (!found || (found.state !== 'draft' && found.state !== 'rejected')) {
      missing.value = true
      return
    }
    Object.assign(answers, found.answers)
    record.value = found
    // The server's reasons stay visible while the returned report is being fixed.
    issues.value = [...(found.lastError?.issues ?? [])]
  }

  watch(answers, () => {
    if (!record.value) return
    pending = true
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void flush(), AUTOSAVE_MS)
  }, { deep: true })

  document.addEventListener('visibilitychange', flushOnHide)
  window.addEventListener('pagehide', flushOnHide)
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', flushOnHide)
    window.removeEventListener('pagehide', flushOnHide)
    void flush()
  })

  function setAnswer(fieldId: string, value: AnswerValue | undefined): void {
    answers[fieldId] = value
    // A repeat's issues are named by instance (`buses[1].plate`): an edit of the repeat clears them.
    const touched = (issue: ValidationIssue) => issue.fieldId === fieldId || issue.fieldId.startsWith(`${fieldId}[`)
    if (issues.value.some(touched)) issues.value = issues.value.filter((issue) => !touched(issue))
  }

  /** 'invalid' leaves the draft as it is, with the reasons in `issues`. */
  /**
   * `queued` also when an earlier tap already queued it (or it was delivered since): a second tap
   * must never read as "0 places to fix". `missing_photos` when a photo is gone from the phone.
   */
  async function submit(): Promise<'invalid' | 'queued' | 'missing_photos' | 'gone'> {
    const form = template.value
    if (!form || !record.value) return 'invalid'
    if (record.value.state !== 'draft' && record.value.state !== 'rejected') return 'queued'
    // What travels: hidden items left out, calculations filled in (the server checks both).
    const final = finaliseAnswers(form, snapshot())
    const found = validateAnswers(form, final)
    issues.value = found
    if (hasErrors(found)) return 'invalid'
    for (const key of Object.keys(answers)) if (!Object.hasOwn(final, key)) delete answers[key]
    Object.assign(answers, final)
    pending = true
    await flush()
    const queued = await enqueueSubmission(stores, recordId, new Date())
    if (queued.kind === 'queued') {
      record.value = queued.record
      return 'queued'
    }
    if (queued.kind === 'not_editable') {
      record.value = await getRecord(stores, recordId)
      return 'queued'
    }
    return queued.kind === 'missing_blobs' ? 'missing_photos' : 'gone'
  }

  /** Moves the draft to another reporting period (periodic surveys), saving the answers with it. */
  async function setPeriod(period: string): Promise<void> {
    if (timer) clearTimeout(timer)
    pending = false
    const result = await saveDraft(stores, recordId, snapshot(), { period })
    if (result.kind === 'saved') record.value = result.record
  }

  async function discard(): Promise<void> {
    if (timer) clearTimeout(timer)
    pending = false
    await deleteDraft(stores, recordId)
  }

  return { record, template, answers, issues, savedAt, missing, load, setAnswer, setPeriod, submit, discard, flush }
}

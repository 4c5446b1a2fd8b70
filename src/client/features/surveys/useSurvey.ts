import { computed, ref, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { showConfirmDialog } from 'vant'
import { useI18n } from 'petite-vue-i18n'
import { allFields, type AnswerValue, type Answers, type FormTemplate } from '../../../core/forms/types.js'
import { computeRates } from '../../../core/rates.js'
import { recentPeriods } from '../../../core/recentPeriods.js'
import { hasErrors, validateAnswers, type ValidationIssue } from '../../../core/validate.js'
import type { OutboxRecord } from '../../offline/outbox.js'
import { useText } from '../../ui/useText.js'
import { loadSurveyHistory, type SurveyHistory } from './surveyHistory.js'

/** The parts of useDraft a survey needs. */
type DraftLike = {
  readonly record: ShallowRef<OutboxRecord | null>
  readonly template: ComputedRef<FormTemplate | undefined>
  readonly answers: Record<string, AnswerValue | undefined>
  readonly setAnswer: (fieldId: string, value: AnswerValue | undefined) => void
  readonly setPeriod: (period: string) => Promise<void>
}

const PERIODS_OFFERED = 4

/**
 * A periodic survey being filled: its period, the school's reports around it, the declared rates
 * as the user types, and the soft warnings (same core rules the server runs) to confirm on submit.
 */
export function useSurvey(draft: DraftLike) {
  const { t } = useI18n()
  const { tx } = useText()
  const history: Ref<SurveyHistory> = ref({})
  const period = computed(() => draft.record.value?.period)
  const periodic = computed(() => draft.template.value?.period !== undefined)
  const periods = computed(() => {
    const kind = draft.template.value?.period
    return kind ? recentPeriods(new Date(), kind, PERIODS_OFFERED) : []
  })

  const answers = (): Answers => JSON.parse(JSON.stringify(draft.answers)) as Answers
  const context = () => (history.value.previous ? { previous: history.value.previous.answers } : {})
  const rates = computed(() => (draft.template.value ? computeRates(draft.template.value, answers()) : []))
  const issues = computed<ValidationIssue[]>(() => (draft.template.value ? validateAnswers(draft.template.value, answers(), context()) : []))
  const warnings = computed(() => (hasErrors(issues.value) ? [] : issues.value.filter((issue) => issue.severity === 'warning')))
  /** Nothing typed yet in any count: only then is prefilling from last period offered. */
  const blank = computed(() => (draft.template.value ? allFields(draft.template.value).every((field) => draft.answers[field.id] === undefined) : true))

  watch(
    [() => draft.record.value?.schoolId, () => draft.record.value?.formId, period],
    async ([schoolId, formId, value]) => {
      history.value = schoolId && formId && value ? await loadSurveyHistory(schoolId, formId, value) : {}
    },
    { immediate: true },
  )

  function prefillFromPrevious(): void {
    const template = draft.template.value
    const source = history.value.previous?.answers
    if (!template || !source) return
    for (const field of allFields(template)) {
      const value = source[field.id]
      if (value !== undefined) draft.setAnswer(field.id, value)
    }
  }

  /** True when the submit may go ahead: no warnings, errors left for the normal submit, or the user confirmed. */
  async function confirmWarnings(): Promise<boolean> {
    if (!periodic.value || warnings.value.length === 0) return true
    return showConfirmDialog({
      title: t('survey.confirmTitle'),
      message: warnings.value.map((warning) => tx(warning.message)).join('\n'),
      confirmButtonText: t('survey.confirmSubmit'),
      cancelButtonText: t('survey.recheck'),
    }).then(
      () => true,
      () => false,
    )
  }

  return { periodic, period, periods, history, rates, warnings, blank, setPeriod: draft.setPeriod, prefillFromPrevious, confirmWarnings }
}

import { computed, type ComputedRef } from 'vue'
import type { AnswerValue, Answers, FormTemplate } from '../../../core/forms/types.js'
import { scoreCanteen, type CanteenScore } from '../../../core/scoring.js'

/** The running canteen score and grade, from the same core function the server grades with. */
export function useCanteenScore(
  template: () => FormTemplate | undefined,
  answers: Record<string, AnswerValue | undefined>,
): ComputedRef<CanteenScore | null> {
  return computed(() => {
    const form = template()
    return form?.kind === 'canteen' ? scoreCanteen(form, answers as Answers) : null
  })
}

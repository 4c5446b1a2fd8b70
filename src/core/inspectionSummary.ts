import { isCheckAnswer } from './answerShapes.js'
import type { Answers, FormTemplate } from './forms/types.js'
import { walkForm } from './forms/walkForm.js'

export type InspectionSummary = {
  readonly pass: number
  readonly fail: number
  readonly na: number
  /** Check items not answered (a draft, or an item left out). */
  readonly open: number
  /** Failed items that name a hazard. */
  readonly hazards: number
}

/**
 * Counts of an inspection's check results, as history lists show them: each repeat instance's
 * items count on their own; an item its condition hides is neither done nor open.
 */
export function summariseInspection(template: FormTemplate, answers: Answers): InspectionSummary {
  const counts = { pass: 0, fail: 0, na: 0, open: 0, hazards: 0 }
  for (const item of walkForm(template, answers).fields) {
    if (item.field.type !== 'check' || !item.shown) continue
    const answer = isCheckAnswer(item.value) ? item.value : undefined
    if (answer?.result === 'pass' || answer?.result === 'fail' || answer?.result === 'na') counts[answer.result] += 1
    else counts.open += 1
    if (answer?.result === 'fail' && answer.hazard) counts.hazards += 1
  }
  return counts
}

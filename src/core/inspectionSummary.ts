import { allFields } from './forms/types.js'
import type { Answers, CheckAnswer, FormTemplate } from './forms/types.js'

export type InspectionSummary = {
  readonly pass: number
  readonly fail: number
  readonly na: number
  /** Check items not answered (a draft, or an item left out). */
  readonly open: number
  /** Failed items that name a hazard. */
  readonly hazards: number
}

/** Counts of an inspection's check results, as history lists show them. */
export function summariseInspection(template: FormTemplate, answers: Answers): InspectionSummary {
  const counts = { pass: 0, fail: 0, na: 0, open: 0, hazards: 0 }
  for (const field of allFields(template)) {
    if (field.type !== 'check') continue
    const answer = answers[field.id] as CheckAnswer | undefined
    if (answer?.result === 'pass' || answer?.result === 'fail' || answer?.result === 'na') counts[answer.result] += 1
    else counts.open += 1
    if (answer?.result === 'fail' && answer.hazard) counts.hazards += 1
  }
  return counts
}

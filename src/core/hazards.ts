import { allFields } from './forms/types.js'
import type { Answers, CheckAnswer, FormTemplate, HazardReport } from './forms/types.js'

export type DerivedHazard = HazardReport & { readonly fieldId: string; readonly photos: readonly string[] }

/** A failed check that names a hazard becomes a tracked hazard; its id is submission id + field id. */
export function deriveHazards(template: FormTemplate, answers: Answers): DerivedHazard[] {
  return allFields(template).flatMap((field) => {
    if (field.type !== 'check') return []
    const answer = answers[field.id] as CheckAnswer | undefined
    if (answer?.result !== 'fail' || !answer.hazard) return []
    return [{ ...answer.hazard, fieldId: field.id, photos: answer.photos ?? [] }]
  })
}

export function hazardId(submissionId: string, fieldId: string): string {
  return `${submissionId}:${fieldId}`
}

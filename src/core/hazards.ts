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

/** A hazard as the server stores it from a report: its id, and the responsible person trimmed (blank: none). */
export type FoundHazard = Omit<DerivedHazard, 'responsible'> & { readonly id: string; readonly responsible: string | null }

/** What a report found, with the ids the server gives it: the phone shows the same before delivery. */
export function foundHazards(submissionId: string, template: FormTemplate, answers: Answers): FoundHazard[] {
  return deriveHazards(template, answers).map((hazard) => ({
    ...hazard,
    id: hazardId(submissionId, hazard.fieldId),
    responsible: hazard.responsible?.trim() || null,
  }))
}

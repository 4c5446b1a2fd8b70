import { isCheckAnswer } from './answerShapes.js'
import type { Answers, FormTemplate, HazardReport } from './forms/types.js'
import { walkForm } from './forms/walkForm.js'

/** `fieldId` is the item's path: `gate`, or `buses[1].seatbelts` for the second bus's item. */
export type DerivedHazard = HazardReport & { readonly fieldId: string; readonly photos: readonly string[] }

/**
 * A failed check that names a hazard becomes a tracked hazard; its id is submission id + the
 * item's path, so each instance of a repeat raises its own, and the id is fixed with the body.
 * A hidden item raises none (it is not sent).
 */
export function deriveHazards(template: FormTemplate, answers: Answers): DerivedHazard[] {
  return walkForm(template, answers).fields.flatMap(({ field, path, value }) => {
    if (field.type !== 'check' || !isCheckAnswer(value)) return []
    if (value.result !== 'fail' || !value.hazard) return []
    return [{ ...value.hazard, fieldId: path, photos: value.photos ?? [] }]
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

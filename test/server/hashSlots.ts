import type { Answers, Field, FormTemplate } from '../../src/core/forms/types.js'
import { referencedHashes } from '../../src/core/validate.js'

/** Every place in a template's answers where a blob hash goes: photo fields, signatures, photos of a check. */
export type HashSlot = { readonly fieldId: string; readonly type: 'photo' | 'signature' | 'check' }

const fieldsOf = (template: FormTemplate): Field[] => template.sections.flatMap((section) => section.fields)

export function hashSlots(template: FormTemplate): HashSlot[] {
  return fieldsOf(template).flatMap((field) =>
    field.type === 'photo' || field.type === 'signature' || field.type === 'check' ? [{ fieldId: field.id, type: field.type }] : [],
  )
}

function plainAnswer(field: Field): unknown {
  switch (field.type) {
    case 'check':
      return { result: 'pass' }
    case 'integer':
    case 'number':
      // Zeros meet every sum and lte rule of the built-in templates.
      return Math.max(0, field.min ?? 0)
    case 'text':
      return 'x'
    case 'choice':
      return field.options[0]?.value
    case 'multi':
      return field.options[0] === undefined ? [] : [field.options[0].value]
    case 'date':
      return '2026-03-02'
    case 'location':
      return { lat: 30.5, lng: 114.3, accuracy: 10 }
    case 'photo':
    case 'signature':
      return undefined
  }
}

/**
 * Answers that pass the template's validation, with `hash` in `slot` when given, and `filler` (a
 * hash the caller holds) in any other required photo or signature field.
 */
export function answersWith(template: FormTemplate, slot: HashSlot | undefined, hash: string | undefined, filler: string): Record<string, unknown> {
  const answers: Record<string, unknown> = {}
  for (const field of fieldsOf(template)) {
    if (!field.required && field.id !== slot?.fieldId) continue
    const value = field.type === 'photo' ? [filler] : field.type === 'signature' ? filler : plainAnswer(field)
    if (value !== undefined) answers[field.id] = value
  }
  if (slot && hash !== undefined) {
    answers[slot.fieldId] = slot.type === 'photo' ? [hash] : slot.type === 'signature' ? hash : { result: 'pass', photos: [hash] }
  }
  return answers
}

export function periodFor(template: FormTemplate): string | undefined {
  return template.period === 'year' ? '2026' : template.period === 'term' ? '2026-T1' : template.period === 'month' ? '2026-03' : undefined
}

/** The hashes the answers use, by the same core code the phone and the server run. */
export function referencedIn(template: FormTemplate, answers: Record<string, unknown>): string[] {
  return referencedHashes(template, answers as Answers)
}

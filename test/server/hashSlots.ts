import { finaliseAnswers } from '../../src/core/forms/walkForm.js'
import type { Answers, Field, FormTemplate } from '../../src/core/forms/types.js'
import { referencedHashes } from '../../src/core/validate.js'

/**
 * Every place in a template's answers where a blob hash goes: photo fields, signatures, photos of
 * a check — at the top level, or in the first instance of a repeating section (`repeat`).
 */
export type HashSlot = { readonly fieldId: string; readonly type: 'photo' | 'signature' | 'check'; readonly repeat?: string }

export function hashSlots(template: FormTemplate): HashSlot[] {
  return template.sections.flatMap((section) =>
    section.fields.flatMap((field) =>
      field.type === 'photo' || field.type === 'signature' || field.type === 'check'
        ? [{ fieldId: field.id, type: field.type, ...(section.repeat ? { repeat: section.id } : {}) }]
        : [],
    ),
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
    // Filled in by finaliseAnswers, as the phone does.
    case 'calculate':
      return undefined
  }
}

/**
 * Answers that pass the template's validation, with `hash` in `slot` when given, and `filler` (a
 * hash the caller holds) in any other required photo or signature field.
 */
export function answersWith(template: FormTemplate, slot: HashSlot | undefined, hash: string | undefined, filler: string): Record<string, unknown> {
  const fill = (fields: readonly Field[], into: Record<string, unknown>): Record<string, unknown> => {
    for (const field of fields) {
      if (!field.required && field.id !== slot?.fieldId) continue
      const value = field.type === 'photo' ? [filler] : field.type === 'signature' ? filler : plainAnswer(field)
      if (value !== undefined) into[field.id] = value
    }
    return into
  }
  const answers: Record<string, unknown> = {}
  for (const section of template.sections) {
    if (!section.repeat) fill(section.fields, answers)
    else answers[section.id] = Array.from({ length: Math.max(1, section.repeat.min ?? 0) }, () => fill(section.fields, {}))
  }
  if (slot && hash !== undefined) {
    const value = slot.type === 'photo' ? [hash] : slot.type === 'signature' ? hash : { result: 'pass', photos: [hash] }
    const into = slot.repeat === undefined ? answers : ((answers[slot.repeat] as Record<string, unknown>[])[0] ?? {})
    into[slot.fieldId] = value
  }
  // As the phone sends it: hidden items out, calculations in.
  const sent = finaliseAnswers(template, answers as Answers) as Record<string, unknown>
  if (slot && hash !== undefined && !referencedHashes(template, sent as Answers).includes(hash)) {
    throw new Error(`${template.id}@${template.version}: the slot ${slot.fieldId} is hidden by the plain answers; teach answersWith to show it`)
  }
  return sent
}

export function periodFor(template: FormTemplate): string | undefined {
  return template.period === 'year' ? '2026' : template.period === 'term' ? '2026-T1' : template.period === 'month' ? '2026-03' : undefined
}

/** The hashes the answers use, by the same core code the phone and the server run. */
export function referencedIn(template: FormTemplate, answers: Record<string, unknown>): string[] {
  return referencedHashes(template, answers as Answers)
}

import { isPlainObject } from '../answerShapes.js'
import { evaluateCondition } from './conditions.js'
import { evaluateExpr } from './expressions.js'
import type { Scope } from './scope.js'
import type { Answers, Field, FieldValue, FormTemplate, RepeatInstance, Section } from './types.js'

/** One field as the form is walked: where it is, whether it is shown, what was given, what it computes to. */
export type WalkedField = {
  readonly field: Field
  readonly section: Section
  /** Issue path and hazard field id: `plate`, or `buses[2].plate` inside a repeat's third instance. */
  readonly path: string
  readonly instance?: { readonly repeat: string; readonly index: number }
  readonly shown: boolean
  /** The answer as given (hidden ones included: the draft keeps them until submit). */
  readonly given: FieldValue | undefined
  /** What the item holds once the form's logic applied: undefined when hidden; the result for a calculation. */
  readonly value: FieldValue | undefined
}

export type WalkedRepeat = {
  readonly section: Section
  readonly shown: boolean
  /** `answers[section.id]` as given. */
  readonly given: unknown
  /** The instances in effect (none when hidden), each with hidden items left out and calculations filled in. */
  readonly instances: readonly RepeatInstance[]
}

export type FormWalk = {
  readonly sections: readonly { readonly section: Section; readonly shown: boolean }[]
  readonly fields: readonly WalkedField[]
  readonly repeats: readonly WalkedRepeat[]
}

export function instancePath(repeat: string, index: number, fieldId?: string): string {
  return fieldId === undefined ? `${repeat}[${index}]` : `${repeat}[${index}].${fieldId}`
}

// Own keys only: a field named `toString` must not read the prototype's function.
function own(record: Record<string, unknown>, key: string): FieldValue | undefined {
  return Object.hasOwn(record, key) ? (record[key] as FieldValue) : undefined
}

function effective(field: Field, shown: boolean, given: FieldValue | undefined, scope: Scope): FieldValue | undefined {
  if (!shown) return undefined
  return field.type === 'calculate' ? evaluateExpr(field.expression, scope) : given
}

/**
 * Walks the form in order, the way a person fills it: each section's and item's condition is
 * read from the answers in effect before it (checkTemplate refuses forward references), so one
 * pass decides what is shown and what each calculation gives, on the phone and on the server.
 */
export function walkForm(template: FormTemplate, answers: unknown): FormWalk {
  const given: Record<string, unknown> = isPlainObject(answers) ? answers : {}
  const top = new Map<string, FieldValue>()
  const repeatInstances = new Map<string, readonly RepeatInstance[]>()
  const topScope: Scope = { value: (id) => top.get(id), instances: (id) => repeatInstances.get(id) ?? [] }
  const sections: { section: Section; shown: boolean }[] = []
  const fields: WalkedField[] = []
  const repeats: WalkedRepeat[] = []

  for (const section of template.sections) {
    const sectionShown = section.relevant === undefined || evaluateCondition(section.relevant, topScope)
    sections.push({ section, shown: sectionShown })
    if (!section.repeat) {
      for (const field of section.fields) {
        const shown = sectionShown && (field.relevant === undefined || evaluateCondition(field.relevant, topScope))
        const value = own(given, field.id)
        const result = effective(field, shown, value, topScope)
        if (result !== undefined) top.set(field.id, result)
        fields.push({ field, section, path: field.id, shown, given: value, value: result })
      }
      continue
    }
    const raw = own(given, section.id) as unknown
    const list = sectionShown && Array.isArray(raw) ? (raw as unknown[]) : []
    const instances: RepeatInstance[] = []
    list.forEach((entry, index) => {
      const instance: Record<string, unknown> = isPlainObject(entry) ? entry : {}
      const local = new Map<string, FieldValue>()
      // Ids are unique across the form, so a name is either this instance's field or one outside any repeat.
      const scope: Scope = { value: (id) => (local.has(id) ? local.get(id) : top.get(id)), instances: topScope.instances }
      const finished: Record<string, FieldValue> = {}
      for (const field of section.fields) {
        const shown = field.relevant === undefined || evaluateCondition(field.relevant, scope)
        const value = own(instance, field.id)
        const result = effective(field, shown, value, scope)
        if (result !== undefined) {
          local.set(field.id, result)
          finished[field.id] = result
        }
        fields.push({ field, section, path: instancePath(section.id, index, field.id), instance: { repeat: section.id, index }, shown, given: value, value: result })
      }
      instances.push(finished)
    })
    repeatInstances.set(section.id, instances)
    repeats.push({ section, shown: sectionShown, given: raw, instances })
  }
  return { sections, fields, repeats }
}

/**
 * What the phone sends: hidden items left out, calculations filled in, every other answer (and
 * any key the form does not know, for the server to refuse) exactly as given. The server refuses
 * an answer to a hidden item and a calculation that differs, so both hash the same body. A form
 * without conditions, repeats or calculations comes back with the same keys and values.
 */
export function finaliseAnswers(template: FormTemplate, answers: Answers): Answers {
  const walk = walkForm(template, answers)
  const out: Record<string, unknown> = { ...answers }
  for (const item of walk.fields) {
    if (item.instance) continue
    if (item.value === undefined) delete out[item.field.id]
    else out[item.field.id] = item.value
  }
  for (const repeat of walk.repeats) {
    const id = repeat.section.id
    if (!repeat.shown || !Array.isArray(repeat.given)) {
      if (!repeat.shown) delete out[id]
      continue
    }
    const known = new Set(repeat.section.fields.map((field) => field.id))
    out[id] = repeat.given.map((entry: unknown, index) => {
      if (!isPlainObject(entry)) return entry
      const extra = Object.fromEntries(Object.entries(entry).filter(([key]) => !known.has(key)))
      return { ...extra, ...repeat.instances[index] }
    })
  }
  return out as Answers
}

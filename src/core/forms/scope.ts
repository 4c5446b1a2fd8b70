import type { FieldValue, RepeatInstance } from './types.js'

/**
 * What a condition or a calculation may read while the form is walked in order: the values in
 * effect so far (hidden items read as unanswered) and the instances of earlier repeats.
 */
export type Scope = {
  readonly value: (fieldId: string) => FieldValue | undefined
  readonly instances: (repeatId: string) => readonly RepeatInstance[]
}

/** Blank answers count as unanswered everywhere (required, conditions, calculations). */
export function isBlank(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)
}

import type { NumberField } from './types.js'

const people = { zh: '人', en: 'people' }

/** A head count: a whole number ≥ 0 (the integer type and min 0 are the "whole numbers ≥ 0" rule). */
export function countField(
  id: string,
  zh: string,
  en: string,
  options: { readonly required?: boolean; readonly unit?: NumberField['unit'] } = {},
): NumberField {
  return {
    id,
    type: 'integer',
    min: 0,
    max: 1_000_000,
    required: options.required ?? true,
    unit: options.unit ?? people,
    label: { zh, en },
  }
}

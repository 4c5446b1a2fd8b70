import type { Text } from '../text.js'

export type FormKind = 'inspection' | 'canteen' | 'survey' | 'pledge' | 'rectification'
export type PeriodKind = 'month' | 'term' | 'year'

type FieldBase = {
  readonly id: string
  readonly label: Text
  readonly required?: boolean
  readonly help?: Text
}

export type CheckField = FieldBase & { readonly type: 'check'; readonly points?: number }
export type NumberField = FieldBase & {
  readonly type: 'integer' | 'number'
  readonly min?: number
  readonly max?: number
  readonly unit?: Text
}
export type TextField = FieldBase & { readonly type: 'text'; readonly maxLength?: number }
export type ChoiceField = FieldBase & {
  readonly type: 'choice' | 'multi'
  readonly options: readonly { readonly value: string; readonly label: Text }[]
}
export type DateField = FieldBase & { readonly type: 'date' }
export type PhotoField = FieldBase & { readonly type: 'photo'; readonly max?: number }
export type SignatureField = FieldBase & { readonly type: 'signature' }
export type LocationField = FieldBase & { readonly type: 'location' }

export type Field =
  | CheckField
  | NumberField
  | TextField
  | ChoiceField
  | DateField
  | PhotoField
  | SignatureField
  | LocationField

export type FieldType = Field['type']

export type Section = { readonly id: string; readonly title: Text; readonly fields: readonly Field[] }

/** Cross-field checks, declarative so phone and server run the same code without eval. */
export type Rule =
  | { readonly kind: 'lte'; readonly left: string; readonly right: string; readonly severity?: 'error' | 'warning' }
  | { readonly kind: 'sum'; readonly parts: readonly string[]; readonly total: string; readonly severity?: 'error' | 'warning' }

export type FormTemplate = {
  readonly id: string
  readonly version: number
  readonly kind: FormKind
  readonly title: Text
  readonly period?: PeriodKind
  readonly sections: readonly Section[]
  readonly rules?: readonly Rule[]
  readonly grading?: { readonly thresholds: readonly { readonly grade: string; readonly min: number }[] }
}

export type Severity = 'low' | 'medium' | 'high'

export type HazardReport = {
  readonly description: string
  readonly severity: Severity
  /** Rectification deadline, YYYY-MM-DD. */
  readonly deadline: string
}

export type CheckAnswer = {
  readonly result: 'pass' | 'fail' | 'na'
  readonly note?: string
  readonly photos?: readonly string[]
  readonly hazard?: HazardReport
}

export type GeoPoint = { readonly lat: number; readonly lng: number; readonly accuracy: number }

export type AnswerValue = number | string | readonly string[] | CheckAnswer | GeoPoint

export type Answers = { readonly [fieldId: string]: AnswerValue }

export function allFields(template: FormTemplate): Field[] {
  return template.sections.flatMap((section) => section.fields)
}

import type { Text } from '../text.js'

/**
 * 'receipt': the built-in 已阅 forms (a notice read, a campaign acknowledged) that carry a
 * confirmation through the outbox; not authorable (check-template does not list it).
 */
export type FormKind = 'inspection' | 'canteen' | 'survey' | 'pledge' | 'rectification' | 'receipt'
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
  | {
      readonly kind: 'sum'
      readonly parts: readonly string[]
      readonly total: string
      readonly severity?: 'error' | 'warning'
      /** Blank parts count as 0 (a primary school leaves the senior grades empty); otherwise the rule waits for every part. */
      readonly blankIsZero?: boolean
    }
  | RateChangeRule

/**
 * A soft check against the school's previous period: the computed rate `rate` moving more than
 * `maxPoints` percentage points. Always a warning the user confirms, never an error: the phone's
 * copy of the last report may be stale offline, and a stale value must not trap a report.
 */
export type RateChangeRule = {
  readonly kind: 'rateChange'
  /** Id of an entry in the template's `computed`. */
  readonly rate: string
  readonly maxPoints: number
  readonly severity?: 'warning'
}

/** A percentage shown as the user types (优良率, 近视率…): sum(numerator) / denominator × 100. */
export type ComputedRate = {
  readonly id: string
  readonly label: Text
  readonly numerator: readonly string[]
  readonly denominator: string
}

/** Canteen grades: the first threshold whose `min` (a percentage of the applicable points) the score reaches. */
export type Grading = { readonly thresholds: readonly { readonly grade: string; readonly min: number }[] }

/**
 * The highest form version: the databases keep versions in 32-bit integer columns, and a
 * larger one would fail there as a 5xx instead of being refused as bad input.
 */
export const MAX_FORM_VERSION = 2_147_483_647

export type FormTemplate = {
  readonly id: string
  readonly version: number
  readonly kind: FormKind
  readonly title: Text
  readonly period?: PeriodKind
  readonly sections: readonly Section[]
  readonly rules?: readonly Rule[]
  readonly computed?: readonly ComputedRate[]
  readonly grading?: Grading
}

export type Severity = 'low' | 'medium' | 'high'

export type HazardReport = {
  readonly description: string
  readonly severity: Severity
  /** Rectification deadline, YYYY-MM-DD. */
  readonly deadline: string
  /** Who sees to the fix (整改责任人); optional so reports filed before it existed stay valid. */
  readonly responsible?: string
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

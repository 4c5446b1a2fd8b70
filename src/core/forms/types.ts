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
  /** Shown (asked, validated, sent) only while this holds; see `Condition`. */
  readonly relevant?: Condition
}

/**
 * `hazardLevel`: the severity a failed item's hazard starts at (a blocked exit is 高 before anyone
 * looks). Optional and only a starting point: templates and reports stored without it stay valid,
 * and the inspector may still change the level on the hazard itself.
 */
export type CheckField = FieldBase & { readonly type: 'check'; readonly points?: number; readonly hazardLevel?: Severity }
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
/**
 * A value computed from other answers (a rate, a sum, days between two dates). The phone stores
 * the result in the answers like any number; the server recomputes it and refuses a mismatch.
 * No result (a blank input, a division by zero) means no answer.
 */
export type CalculateField = FieldBase & {
  readonly type: 'calculate'
  readonly expression: Expr
  readonly unit?: Text
}

export type Field =
  | CheckField
  | NumberField
  | TextField
  | ChoiceField
  | DateField
  | PhotoField
  | SignatureField
  | LocationField
  | CalculateField

export type FieldType = Field['type']

/** Comparison operators shared by `Condition` and a repeat count. */
export type Comparison = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte'

/**
 * Skip logic as data (XLSForm's `relevant`, without eval): the phone and the server evaluate the
 * same tree. `field` names a field answered earlier in the form: a field of the same repeat
 * instance, or a field outside any repeat; never a later field (checkTemplate refuses forward
 * references, which also rules out cycles). An unanswered or hidden field makes every comparison
 * false and `answered` false. `selected` holds when a multi contains the value, a choice equals
 * it, or a check's result is it ('pass' | 'fail' | 'na'). `count` compares the number of
 * instances of an earlier repeating section.
 */
export type Condition =
  | { readonly op: Comparison; readonly field: string; readonly value: string | number }
  | { readonly op: 'answered'; readonly field: string }
  | { readonly op: 'selected'; readonly field: string; readonly value: string }
  | { readonly op: 'and' | 'or'; readonly conditions: readonly Condition[] }
  | { readonly op: 'not'; readonly condition: Condition }
  | { readonly op: 'count'; readonly repeat: string; readonly cmp: Comparison; readonly value: number }

/**
 * A calculation as data. `{field}` reads a number (or, inside `daysBetween`, a date) answered
 * earlier under the same scoping as `Condition`; `count`/`sum` aggregate an earlier repeating
 * section from outside it. Any blank input, or a division by zero, gives no result.
 */
export type Expr =
  | number
  | { readonly field: string }
  | { readonly op: '+' | '-' | '*' | '/'; readonly args: readonly Expr[] }
  | { readonly op: 'daysBetween'; readonly from: string; readonly to: string }
  | { readonly op: 'count'; readonly repeat: string }
  | { readonly op: 'sum'; readonly repeat: string; readonly field: string }
  | { readonly op: 'round'; readonly arg: Expr; readonly digits: number }

/**
 * A repeating section ("for each school bus"): its answers are `answers[section.id]`, an array
 * with one `{fieldId: value}` object per instance, in the order the user left them. Issue paths
 * and hazard field ids name an instance by its 0-based index (`buses[2].plate`), fixed once the
 * report is sent: the body is immutable.
 */
export type Repeat = {
  readonly min?: number
  readonly max?: number
  /** The instance title's stem: "校车" shows as 校车 1, 校车 2 … */
  readonly label?: Text
}

export type Section = {
  readonly id: string
  readonly title: Text
  readonly fields: readonly Field[]
  /** The whole section is shown only while this holds. */
  readonly relevant?: Condition
  readonly repeat?: Repeat
}

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
export const severities: readonly Severity[] = ['low', 'medium', 'high']

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

/** A field's own answer; a repeating section's answer is a `RepeatAnswer` instead. */
export type FieldValue = number | string | readonly string[] | CheckAnswer | GeoPoint

/** One instance of a repeating section: its fields' answers. */
export type RepeatInstance = { readonly [fieldId: string]: FieldValue }
export type RepeatAnswer = readonly RepeatInstance[]

export type AnswerValue = FieldValue | RepeatAnswer

export type Answers = { readonly [fieldOrRepeatId: string]: AnswerValue }

export function allFields(template: FormTemplate): Field[] {
  return template.sections.flatMap((section) => section.fields)
}

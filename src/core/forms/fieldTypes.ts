import {
  PHOTO_MAX_DEFAULT,
  NOTE_MAX,
  checkCheck,
  checkHashes,
  checkNumber,
  isCheckAnswer,
  isGeoPoint,
  isPlainObject,
  type IssueReport,
} from '../answerShapes.js'
import { isIsoDate } from '../dates.js'
import { isSha256Hex } from '../hashes.js'
import type { Text } from '../text.js'
import { severities, type CheckAnswer, type Field, type FieldType, type FieldValue, type FormKind, type GeoPoint, type Severity } from './types.js'

/**
 * One registry for everything a field type means, so a new type does not compile until it says
 * how its settings are checked, how an answer is validated, exported and shown. The `FieldType`
 * union, the template checker, the export and the bureau's report view all read this map.
 */

/** One spreadsheet cell: a number stays a number (Excel can sum it), a link stays clickable. */
export type ExportCell = string | number | null | { readonly text: string; readonly link: string }

/** Which part of a field's answer a column shows: a check item spreads over four columns. */
export type ColumnPart = 'value' | 'result' | 'note' | 'hazard' | 'photos'

export type TemplateReport = (path: string, message: string) => void

/** An answer as a person reads it; the bureau's screen turns each kind into words in its language. */
export type AnswerDisplay =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'options'; readonly labels: readonly Text[] }
  | { readonly kind: 'number'; readonly value: number; readonly unit?: Text }
  | { readonly kind: 'check'; readonly answer: CheckAnswer }
  | { readonly kind: 'photos'; readonly count: number }
  | { readonly kind: 'signature' }
  | { readonly kind: 'date'; readonly day: string }
  | { readonly kind: 'location'; readonly point: GeoPoint }

export type FieldTypeSpec<F extends Field> = {
  /** The type's own settings in a template being checked (raw JSON, paths like `sections[0].fields[2].max`). */
  readonly checkSettings: (field: Record<string, unknown>, path: string, report: TemplateReport) => void
  readonly validate: (field: F, value: unknown, form: { readonly kind: FormKind }, report: IssueReport) => void
  readonly columns: readonly { readonly part: ColumnPart; readonly suffix: string; readonly width: number }[]
  readonly cell: (field: F, value: FieldValue, part: ColumnPart, photoUrl: (sha256: string) => string) => ExportCell
  readonly display: (field: F, value: FieldValue) => AnswerDisplay
  /** The blob hashes the answer refers to (photos, signatures). */
  readonly hashes: (value: FieldValue) => readonly string[]
}

// Whatever a phone can keep and send in one report; validation also caps photos at 9 per item.
const MAX_PHOTOS = 9
const resultLabel: Record<CheckAnswer['result'], string> = { pass: '合格', fail: '不合格', na: '不适用' }
const severityLabel: Record<string, string> = { low: '一般', medium: '较大', high: '重大' }

function isText(value: unknown): boolean {
  return isPlainObject(value) && typeof value.zh === 'string' && value.zh.trim() !== '' && typeof value.en === 'string' && value.en.trim() !== ''
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
}

function checkUnit(field: Record<string, unknown>, path: string, report: TemplateReport): void {
  if (field.unit !== undefined && !isText(field.unit)) report(`${path}.unit`, 'needs Chinese and English')
}

function checkOptions(options: unknown, path: string, report: TemplateReport): void {
  if (!Array.isArray(options) || options.length === 0) return report(path, 'needs at least one option')
  const values = new Set<unknown>()
  options.forEach((option: unknown, index) => {
    if (!isPlainObject(option) || typeof option.value !== 'string' || option.value === '') return report(`${path}[${index}]`, 'needs a value')
    if (values.has(option.value)) report(`${path}[${index}]`, `repeats the value "${option.value}"`)
    values.add(option.value)
    if (!isText(option.label)) report(`${path}[${index}].label`, 'needs Chinese and English')
  })
}

function links(hashes: readonly string[], photoUrl: (sha256: string) => string): ExportCell {
  if (hashes.length === 0) return null
  const urls = hashes.map(photoUrl)
  // One cell holds one hyperlink; several photos are listed one URL per line.
  return urls.length === 1 && urls[0] !== undefined ? { text: urls[0], link: urls[0] } : urls.join('\n')
}

function hazardText(answer: CheckAnswer): string | null {
  const hazard = answer.hazard
  if (!hazard) return null
  const who = hazard.responsible ? `，责任人 ${hazard.responsible}` : ''
  return `${hazard.description}（${severityLabel[hazard.severity] ?? hazard.severity}，整改期限 ${hazard.deadline}${who}）`
}

function stringList(value: FieldValue): readonly string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

/** A value whose shape does not fit its field (a field that changed type between versions): shown as it is. */
export function plainCell(value: FieldValue): ExportCell {
  if (isCheckAnswer(value)) return resultLabel[value.result] ?? value.result
  if (isGeoPoint(value)) return `${value.lat}, ${value.lng}（±${Math.round(value.accuracy)} 米）`
  if (typeof value === 'number' || typeof value === 'string') return value
  if (Array.isArray(value)) return stringList(value).join('、')
  return null
}

export function plainDisplay(value: FieldValue): AnswerDisplay {
  if (isCheckAnswer(value)) return { kind: 'check', answer: value }
  if (isGeoPoint(value)) return { kind: 'location', point: value }
  if (typeof value === 'number') return { kind: 'number', value }
  if (typeof value === 'string') return { kind: 'text', text: value }
  return { kind: 'text', text: stringList(value).join('、') }
}

const valueColumn = (width: number) => [{ part: 'value' as const, suffix: '', width }]
const noHashes = () => []
const noSettings = () => undefined

function optionLabels(field: Extract<Field, { type: 'choice' | 'multi' }>, values: readonly string[]): Text[] {
  return values.map((value) => field.options.find((option) => option.value === value)?.label ?? { zh: value, en: value })
}

const numberSpec: FieldTypeSpec<Extract<Field, { type: 'integer' | 'number' }>> = {
  checkSettings: (field, path, report) => {
    const { min, max } = field
    if (min !== undefined && !(typeof min === 'number' && Number.isFinite(min))) report(`${path}.min`, 'is not a number')
    if (max !== undefined && !(typeof max === 'number' && Number.isFinite(max))) report(`${path}.max`, 'is not a number')
    if (typeof min === 'number' && typeof max === 'number' && min > max) report(`${path}.min`, 'is above max')
    checkUnit(field, path, report)
  },
  validate: (field, value, _form, report) => checkNumber(field, value, report),
  columns: valueColumn(10),
  cell: (_field, value) => plainCell(value),
  display: (field, value) => (typeof value === 'number' ? { kind: 'number', value, ...(field.unit ? { unit: field.unit } : {}) } : plainDisplay(value)),
  hashes: noHashes,
}

const choiceDisplay = (field: Extract<Field, { type: 'choice' | 'multi' }>, value: FieldValue): AnswerDisplay =>
  typeof value === 'string' || Array.isArray(value) ? { kind: 'options', labels: optionLabels(field, typeof value === 'string' ? [value] : stringList(value)) } : plainDisplay(value)

const choiceCell = (field: Extract<Field, { type: 'choice' | 'multi' }>, value: FieldValue): ExportCell =>
  typeof value === 'string' || Array.isArray(value)
    ? optionLabels(field, typeof value === 'string' ? [value] : stringList(value)).map((label) => label.zh).join('、')
    : plainCell(value)

/** The field shape a type name belongs to (`'multi'` → ChoiceField, whose `type` is choice | multi). */
export type FieldOf<T extends FieldType> = Field extends infer F ? (F extends { readonly type: infer U } ? (T extends U ? F : never) : never) : never

export const fieldTypes: { readonly [T in FieldType]: FieldTypeSpec<FieldOf<T>> } = {
  check: {
    checkSettings: (field, path, report) => {
      if (field.points !== undefined && !(typeof field.points === 'number' && Number.isFinite(field.points) && field.points >= 0)) {
        report(`${path}.points`, 'must be a number ≥ 0')
      }
      if (field.hazardLevel !== undefined && !severities.includes(field.hazardLevel as Severity)) report(`${path}.hazardLevel`, 'must be low, medium or high')
    },
    validate: (_field, value, form, report) => checkCheck(value, form.kind === 'inspection' || form.kind === 'canteen', report),
    columns: [
      { part: 'result', suffix: '', width: 12 },
      { part: 'note', suffix: '（备注）', width: 20 },
      { part: 'hazard', suffix: '（隐患）', width: 30 },
      { part: 'photos', suffix: '（照片）', width: 30 },
    ],
    cell: (_field, value, part, photoUrl) => {
      if (!isCheckAnswer(value)) return part === 'result' ? plainCell(value) : null
      if (part === 'result') return resultLabel[value.result] ?? value.result
      if (part === 'note') return value.note ?? null
      if (part === 'hazard') return hazardText(value)
      return links(value.photos ?? [], photoUrl)
    },
    display: (_field, value) => plainDisplay(value),
    hashes: (value) => (isCheckAnswer(value) ? (value.photos ?? []) : []),
  },
  integer: numberSpec,
  number: numberSpec,
  text: {
    checkSettings: (field, path, report) => {
      if (field.maxLength !== undefined && !isCount(field.maxLength)) report(`${path}.maxLength`, 'must be a whole number > 0')
    },
    validate: (field, value, _form, report) => {
      if (typeof value !== 'string') return report('type')
      const limit = field.maxLength ?? NOTE_MAX
      if (value.length > limit) report('maxLength', { limit })
    },
    columns: valueColumn(30),
    cell: (_field, value) => plainCell(value),
    display: (_field, value) => plainDisplay(value),
    hashes: noHashes,
  },
  choice: {
    checkSettings: (field, path, report) => checkOptions(field.options, `${path}.options`, report),
    validate: (field, value, _form, report) => {
      if (!field.options.some((option) => option.value === value)) report('option')
    },
    columns: valueColumn(16),
    cell: (field, value) => choiceCell(field, value),
    display: choiceDisplay,
    hashes: noHashes,
  },
  multi: {
    checkSettings: (field, path, report) => checkOptions(field.options, `${path}.options`, report),
    validate: (field, value, _form, report) => {
      if (!Array.isArray(value)) return report('type')
      if (!value.every((item) => field.options.some((option) => option.value === item))) report('option')
    },
    columns: valueColumn(16),
    cell: (field, value) => choiceCell(field, value),
    display: choiceDisplay,
    hashes: noHashes,
  },
  date: {
    checkSettings: noSettings,
    validate: (_field, value, _form, report) => {
      if (!isIsoDate(value)) report('date')
    },
    columns: valueColumn(16),
    cell: (_field, value) => plainCell(value),
    display: (_field, value) => (typeof value === 'string' ? { kind: 'date', day: value } : plainDisplay(value)),
    hashes: noHashes,
  },
  photo: {
    checkSettings: (field, path, report) => {
      if (field.max !== undefined && !(isCount(field.max) && field.max <= MAX_PHOTOS)) report(`${path}.max`, `must be a whole number from 1 to ${MAX_PHOTOS}`)
    },
    validate: (field, value, _form, report) => checkHashes(value, field.max ?? PHOTO_MAX_DEFAULT, report),
    columns: valueColumn(30),
    cell: (_field, value, _part, photoUrl) => (Array.isArray(value) ? links(stringList(value), photoUrl) : plainCell(value)),
    display: (_field, value) => (Array.isArray(value) ? { kind: 'photos', count: value.length } : plainDisplay(value)),
    hashes: stringList,
  },
  signature: {
    checkSettings: noSettings,
    validate: (_field, value, _form, report) => {
      if (!isSha256Hex(value)) report('hash')
    },
    columns: valueColumn(16),
    cell: (_field, value, _part, photoUrl) => (typeof value === 'string' ? links([value], photoUrl) : plainCell(value)),
    display: () => ({ kind: 'signature' }),
    hashes: (value) => (typeof value === 'string' ? [value] : []),
  },
  location: {
    checkSettings: noSettings,
    validate: (_field, value, _form, report) => {
      if (!isGeoPoint(value)) report('location')
    },
    columns: valueColumn(16),
    cell: (_field, value) => plainCell(value),
    display: (_field, value) => plainDisplay(value),
    hashes: noHashes,
  },
  calculate: {
    // The expression's references are checked with the form's other references (check-logic.ts).
    checkSettings: (field, path, report) => {
      if (field.expression === undefined) report(`${path}.expression`, 'is missing')
      checkUnit(field, path, report)
    },
    // The value itself is compared with the server's own result in validate.ts.
    validate: (_field, value, _form, report) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) report('type')
    },
    columns: valueColumn(10),
    cell: (_field, value) => plainCell(value),
    display: (field, value) => (typeof value === 'number' ? { kind: 'number', value, ...(field.unit ? { unit: field.unit } : {}) } : plainDisplay(value)),
    hashes: noHashes,
  },
}

export const fieldTypeNames = Object.keys(fieldTypes) as FieldType[]

/** The registry entry for a field, typed for that field. */
export function specOf<F extends Field>(field: F): FieldTypeSpec<F> {
  return fieldTypes[field.type] as unknown as FieldTypeSpec<F>
}

/** An answer as a person reads it, through its field's type; by its shape when the form no longer has the field. */
export function describeAnswer(field: Field | undefined, value: FieldValue): AnswerDisplay {
  return field ? specOf(field).display(field, value) : plainDisplay(value)
}

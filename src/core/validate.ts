import { isIsoDate } from './dates.js'
import { allFields } from './forms/types.js'
import type { AnswerValue, Answers, CheckAnswer, Field, FormTemplate, GeoPoint, Rule } from './forms/types.js'
import { isSha256Hex } from './hashes.js'
import { issueMessage, type IssueCode, type IssueParams } from './messages.js'
import { computeRate } from './rates.js'
import type { Text } from './text.js'

/** What only the caller knows: the school's report for the previous period (the phone's copy, or the server's own). */
export type ValidationContext = { readonly previous?: Answers }

export type ValidationIssue = {
  readonly fieldId: string
  readonly code: IssueCode
  readonly severity: 'error' | 'warning'
  readonly message: Text
}

const NOTE_MAX = 1000
const HAZARD_DESCRIPTION_MAX = 500
const PHOTO_MAX_DEFAULT = 9
const RESPONSIBLE_MAX = 50

type Report = (code: IssueCode, params?: IssueParams) => void

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isEmpty(value: AnswerValue | undefined): boolean {
  return (
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  )
}

function checkHashes(value: unknown, max: number, report: Report): void {
  if (!Array.isArray(value)) return report('type')
  if (value.length > max) report('tooMany', { limit: max })
  if (!value.every(isSha256Hex)) report('hash')
}

function checkNumber(field: Extract<Field, { type: 'integer' | 'number' }>, value: unknown, report: Report): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) return report('type')
  if (field.type === 'integer' && !Number.isInteger(value)) report('integer')
  if (field.min !== undefined && value < field.min) report('min', { limit: field.min })
  if (field.max !== undefined && value > field.max) report('max', { limit: field.max })
}

function checkCheck(value: unknown, requireHazard: boolean, report: Report): void {
  if (!isPlainObject(value)) return report('type')
  const answer = value as Partial<CheckAnswer>
  if (answer.result !== 'pass' && answer.result !== 'fail' && answer.result !== 'na') return report('type')
  if (answer.note !== undefined && typeof answer.note !== 'string') report('type')
  else if (answer.note !== undefined && answer.note.length > NOTE_MAX) report('maxLength', { limit: NOTE_MAX })
  if (answer.photos !== undefined) checkHashes(answer.photos, PHOTO_MAX_DEFAULT, report)
  const hazard = answer.hazard
  if (hazard === undefined) {
    if (answer.result === 'fail' && requireHazard) report('hazardRequired')
    return
  }
  if (!isPlainObject(hazard)) return report('type')
  if (typeof hazard.description !== 'string' || hazard.description.trim() === '') report('hazardDescription')
  else if (hazard.description.length > HAZARD_DESCRIPTION_MAX) report('maxLength', { limit: HAZARD_DESCRIPTION_MAX })
  if (hazard.severity !== 'low' && hazard.severity !== 'medium' && hazard.severity !== 'high') report('type')
  if (!isIsoDate(hazard.deadline)) report('hazardDeadline')
  if (hazard.responsible !== undefined && typeof hazard.responsible !== 'string') report('type')
  else if (hazard.responsible !== undefined && hazard.responsible.length > RESPONSIBLE_MAX) report('maxLength', { limit: RESPONSIBLE_MAX })
}

export function isGeoPoint(value: unknown): value is GeoPoint {
  if (!isPlainObject(value)) return false
  const { lat, lng, accuracy } = value
  return (
    typeof lat === 'number' && lat >= -90 && lat <= 90 &&
    typeof lng === 'number' && lng >= -180 && lng <= 180 &&
    typeof accuracy === 'number' && Number.isFinite(accuracy) && accuracy >= 0
  )
}

function checkField(template: FormTemplate, field: Field, value: unknown, report: Report): void {
  switch (field.type) {
    case 'check':
      return checkCheck(value, template.kind === 'inspection' || template.kind === 'canteen', report)
    case 'integer':
    case 'number':
      return checkNumber(field, value, report)
    case 'text': {
      if (typeof value !== 'string') return report('type')
      const limit = field.maxLength ?? NOTE_MAX
      if (value.length > limit) report('maxLength', { limit })
      return
    }
    case 'choice':
      if (!field.options.some((option) => option.value === value)) report('option')
      return
    case 'multi':
      if (!Array.isArray(value)) return report('type')
      if (!value.every((item) => field.options.some((option) => option.value === item))) report('option')
      return
    case 'date':
      if (!isIsoDate(value)) report('date')
      return
    case 'photo':
      return checkHashes(value, field.max ?? PHOTO_MAX_DEFAULT, report)
    case 'signature':
      if (!isSha256Hex(value)) report('hash')
      return
    case 'location':
      if (!isGeoPoint(value)) report('location')
      return
  }
}

function labelOf(template: FormTemplate, fieldId: string): Text {
  return allFields(template).find((field) => field.id === fieldId)?.label ?? { zh: fieldId, en: fieldId }
}

function numberAt(answers: Answers, fieldId: string): number | undefined {
  const value = answers[fieldId]
  return typeof value === 'number' ? value : undefined
}

function checkRateChange(
  template: FormTemplate,
  rule: Extract<Rule, { kind: 'rateChange' }>,
  answers: Answers,
  previous: Answers | undefined,
): ValidationIssue | undefined {
  const rate = template.computed?.find((entry) => entry.id === rule.rate)
  if (!rate || !previous) return undefined
  const now = computeRate(rate, answers)
  const before = computeRate(rate, previous)
  if (now === null || before === null) return undefined
  // Compared in tenths of a point so 0.1-rounded rates do not trip on float noise.
  if (Math.abs(Math.round(now * 10) - Math.round(before * 10)) <= Math.round(rule.maxPoints * 10)) return undefined
  const params = { now, before, limit: rule.maxPoints }
  const zh = issueMessage('rateChange', { ...params, rate: rate.label.zh }).zh
  const en = issueMessage('rateChange', { ...params, rate: rate.label.en }).en
  return { fieldId: rate.denominator, code: 'rateChange', severity: 'warning', message: { zh, en } }
}

function checkRule(template: FormTemplate, rule: Rule, answers: Answers, context: ValidationContext): ValidationIssue | undefined {
  if (rule.kind === 'rateChange') return checkRateChange(template, rule, answers, context.previous)
  const severity = rule.severity ?? 'error'
  if (rule.kind === 'lte') {
    const left = numberAt(answers, rule.left)
    const right = numberAt(answers, rule.right)
    if (left === undefined || right === undefined || left <= right) return undefined
    const l = labelOf(template, rule.left)
    const r = labelOf(template, rule.right)
    const message = issueMessage('lte', { left: l.zh, right: r.zh })
    const english = issueMessage('lte', { left: l.en, right: r.en })
    return { fieldId: rule.left, code: 'lte', severity, message: { zh: message.zh, en: english.en } }
  }
  const total = numberAt(answers, rule.total)
  const parts = rule.parts.map((id) => numberAt(answers, id) ?? (rule.blankIsZero ? 0 : undefined))
  if (total === undefined || parts.some((part) => part === undefined)) return undefined
  const sum = parts.reduce<number>((acc, part) => acc + (part ?? 0), 0)
  if (sum === total) return undefined
  const label = labelOf(template, rule.total)
  const zh = issueMessage('sum', { sum, total: label.zh, expected: total }).zh
  const en = issueMessage('sum', { sum, total: label.en, expected: total }).en
  return { fieldId: rule.total, code: 'sum', severity, message: { zh, en } }
}

/** Every problem with a set of answers, errors and warnings; the phone and the server both call this. */
export function validateAnswers(template: FormTemplate, answers: unknown, context: ValidationContext = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  if (!isPlainObject(answers)) {
    return [{ fieldId: '', code: 'type', severity: 'error', message: issueMessage('type') }]
  }
  const fields = allFields(template)
  const known = new Set(fields.map((field) => field.id))
  for (const fieldId of Object.keys(answers)) {
    if (!known.has(fieldId)) {
      issues.push({ fieldId, code: 'unknownField', severity: 'error', message: issueMessage('unknownField') })
    }
  }
  for (const field of fields) {
    const value = Object.hasOwn(answers, field.id) ? (answers[field.id] as AnswerValue) : undefined
    const report: Report = (code, params) =>
      issues.push({ fieldId: field.id, code, severity: 'error', message: issueMessage(code, params) })
    if (isEmpty(value)) {
      if (field.required) report('required')
      continue
    }
    checkField(template, field, value, report)
  }
  if (issues.length > 0) return issues
  for (const rule of template.rules ?? []) {
    const issue = checkRule(template, rule, answers as Answers, context)
    if (issue) issues.push(issue)
  }
  return issues
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error')
}

/** Every blob hash the answers refer to: photos of checks, photo fields, signatures. */
export function referencedHashes(template: FormTemplate, answers: Answers): string[] {
  const hashes = new Set<string>()
  for (const field of allFields(template)) {
    const value = answers[field.id]
    if (value === undefined) continue
    if (field.type === 'photo' && Array.isArray(value)) value.forEach((hash) => hashes.add(hash))
    if (field.type === 'signature' && typeof value === 'string') hashes.add(value)
    if (field.type === 'check' && isPlainObject(value)) {
      const photos = (value as CheckAnswer).photos
      photos?.forEach((hash) => hashes.add(hash))
    }
  }
  return [...hashes]
}

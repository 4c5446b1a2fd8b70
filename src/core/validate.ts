import { isGeoPoint, isPlainObject, type IssueReport } from './answerShapes.js'
import { specOf } from './forms/fieldTypes.js'
import { isBlank } from './forms/scope.js'
import { allFields } from './forms/types.js'
import type { Answers, FormTemplate, Rule } from './forms/types.js'
import { instancePath, walkForm, type WalkedField, type WalkedRepeat } from './forms/walkForm.js'
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

type Report = IssueReport

export { isGeoPoint }

function issue(fieldId: string, code: IssueCode, params?: IssueParams): ValidationIssue {
  return { fieldId, code, severity: 'error', message: issueMessage(code, params) }
}

/** A repeat's own answer: an array of instances, within its min and max. */
function checkRepeat(repeat: WalkedRepeat, issues: ValidationIssue[]): void {
  const { section, given } = repeat
  if (!repeat.shown) {
    if (given !== undefined) issues.push(issue(section.id, 'hidden'))
    return
  }
  if (given !== undefined && !Array.isArray(given)) return void issues.push(issue(section.id, 'type'))
  const list: unknown[] = Array.isArray(given) ? given : []
  const { min, max } = section.repeat ?? {}
  if (min !== undefined && list.length < min) issues.push(issue(section.id, list.length === 0 ? 'required' : 'repeatMin', { limit: min }))
  if (max !== undefined && list.length > max) issues.push(issue(section.id, 'repeatMax', { limit: max }))
  const known = new Set(section.fields.map((field) => field.id))
  list.forEach((entry, index) => {
    if (!isPlainObject(entry)) return void issues.push(issue(instancePath(section.id, index), 'type'))
    for (const key of Object.keys(entry)) {
      if (!known.has(key)) issues.push(issue(instancePath(section.id, index, key), 'unknownField'))
    }
  })
}

function checkItem(template: FormTemplate, item: WalkedField, issues: ValidationIssue[]): void {
  const { field, path, given } = item
  const report: Report = (code, params) => issues.push(issue(path, code, params))
  // The phone leaves hidden items out (finaliseAnswers); one sent anyway would be a body the phone did not mean.
  if (!item.shown) return given === undefined ? undefined : report('hidden')
  if (field.type === 'calculate') {
    if (given === undefined && item.value === undefined) return field.required ? report('required') : undefined
    if (given !== item.value) report('calculation', { expected: typeof item.value === 'number' ? item.value : '—' })
    return
  }
  if (isBlank(given)) return field.required ? report('required') : undefined
  specOf(field).validate(field, given, template, report)
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

/**
 * Every problem with a set of answers, errors and warnings; the phone and the server both call
 * this. Items are walked in form order so conditions and calculations read earlier answers;
 * an issue inside a repeat names its instance (`buses[2].plate`).
 */
export function validateAnswers(template: FormTemplate, answers: unknown, context: ValidationContext = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  if (!isPlainObject(answers)) {
    return [{ fieldId: '', code: 'type', severity: 'error', message: issueMessage('type') }]
  }
  const walk = walkForm(template, answers)
  const known = new Set([...walk.fields.filter((item) => !item.instance).map((item) => item.field.id), ...walk.repeats.map((repeat) => repeat.section.id)])
  for (const fieldId of Object.keys(answers)) {
    if (!known.has(fieldId)) issues.push(issue(fieldId, 'unknownField'))
  }
  for (const repeat of walk.repeats) checkRepeat(repeat, issues)
  for (const item of walk.fields) checkItem(template, item, issues)
  if (issues.length > 0) return issues
  for (const rule of template.rules ?? []) {
    const found = checkRule(template, rule, answers as Answers, context)
    if (found) issues.push(found)
  }
  return issues
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error')
}

/** Every blob hash the answers refer to, inside repeats too; hidden items' photos do not travel. */
export function referencedHashes(template: FormTemplate, answers: Answers): string[] {
  const hashes = new Set<string>()
  for (const item of walkForm(template, answers).fields) {
    if (item.value !== undefined) specOf(item.field).hashes(item.value).forEach((hash) => hashes.add(hash))
  }
  return [...hashes]
}

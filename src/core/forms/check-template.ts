import { checkLogic, topLevelFieldIds } from './check-logic.js'
import { fieldTypes } from './fieldTypes.js'
import { MAX_FORM_VERSION, type FieldType, type FormKind } from './types.js'

/** One thing wrong with a template, with where it is (e.g. `sections[2].fields[0].options`). */
export type TemplateProblem = { readonly path: string; readonly message: string }

const kinds: readonly FormKind[] = ['inspection', 'canteen', 'survey', 'pledge', 'rectification']
const templateId = /^[a-z][a-z0-9-]{0,63}$/
const fieldId = /^[A-Za-z][A-Za-z0-9_]{0,63}$/

type Obj = Record<string, unknown>
type Report = (path: string, message: string) => void

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isText(value: unknown): boolean {
  return isObj(value) && typeof value.zh === 'string' && value.zh.trim() !== '' && typeof value.en === 'string' && value.en.trim() !== ''
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
}

function checkField(field: unknown, path: string, report: Report): void {
  if (!isObj(field)) return report(path, 'is not an object')
  if (typeof field.id !== 'string' || !fieldId.test(field.id)) report(`${path}.id`, 'is not a valid field id')
  if (!isText(field.label)) report(`${path}.label`, 'needs Chinese and English')
  if (field.help !== undefined && !isText(field.help)) report(`${path}.help`, 'needs Chinese and English')
  if (field.required !== undefined && typeof field.required !== 'boolean') report(`${path}.required`, 'is not true or false')
  if (typeof field.type !== 'string' || !Object.hasOwn(fieldTypes, field.type)) return report(`${path}.type`, 'is not a known field type')
  fieldTypes[field.type as FieldType].checkSettings(field, path, report)
}

function checkRefs(template: Obj, ids: ReadonlySet<string>, report: Report): void {
  const known = (id: unknown) => typeof id === 'string' && ids.has(id)
  const computed = Array.isArray(template.computed) ? template.computed : []
  const rates = new Set<unknown>()
  computed.forEach((rate: unknown, index) => {
    const path = `computed[${index}]`
    if (!isObj(rate)) return report(path, 'is not an object')
    rates.add(rate.id)
    if (!isText(rate.label)) report(`${path}.label`, 'needs Chinese and English')
    if (!known(rate.denominator)) report(`${path}.denominator`, 'names no field')
    if (!Array.isArray(rate.numerator) || !rate.numerator.every(known)) report(`${path}.numerator`, 'names no field')
  })
  const rules = Array.isArray(template.rules) ? template.rules : []
  rules.forEach((rule: unknown, index) => {
    const path = `rules[${index}]`
    if (!isObj(rule)) return report(path, 'is not an object')
    if (rule.kind === 'lte' && !(known(rule.left) && known(rule.right))) report(path, 'names no field')
    else if (rule.kind === 'sum' && !(known(rule.total) && Array.isArray(rule.parts) && rule.parts.every(known))) report(path, 'names no field')
    else if (rule.kind === 'rateChange' && !rates.has(rule.rate)) report(path, 'names no computed rate')
    else if (rule.kind !== 'lte' && rule.kind !== 'sum' && rule.kind !== 'rateChange') report(`${path}.kind`, 'is not a known rule')
  })
}

/** An inspection records how it happened: self-check, mutual check or bureau supervision. */
function checkInspection(template: Obj, report: Report): void {
  const first = Array.isArray(template.sections) ? (template.sections[0] as unknown) : undefined
  const fields = isObj(first) && Array.isArray(first.fields) ? (first.fields as unknown[]) : []
  const how = fields.find((field) => isObj(field) && field.id === 'checkType')
  const values = isObj(how) && Array.isArray(how.options) ? how.options.map((option: unknown) => (isObj(option) ? option.value : undefined)) : []
  if (!['self', 'mutual', 'bureau'].every((value) => values.includes(value))) {
    report('sections[0]', 'an inspection opens with the inspection-info section (checkType: self, mutual, bureau)')
  }
}

/**
 * Everything wrong with a template, empty when it may be published. The phone trusts templates
 * it pulls, so the bureau's JSON passes through this before it reaches a phone.
 */
export function checkTemplate(template: unknown): TemplateProblem[] {
  const problems: TemplateProblem[] = []
  const report: Report = (path, message) => problems.push({ path, message })
  if (!isObj(template)) return [{ path: '', message: 'is not an object' }]
  if (typeof template.id !== 'string' || !templateId.test(template.id)) report('id', 'is not a valid template id')
  if (!isCount(template.version) || (template.version as number) > MAX_FORM_VERSION) report('version', `must be a whole number from 1 to ${MAX_FORM_VERSION}`)
  if (!kinds.includes(template.kind as FormKind)) report('kind', 'is not a known kind')
  if (!isText(template.title)) report('title', 'needs Chinese and English')
  if (template.period !== undefined && !['month', 'term', 'year'].includes(template.period as string)) report('period', 'is not month, term or year')
  if (!Array.isArray(template.sections) || template.sections.length === 0) {
    report('sections', 'needs at least one section')
    return problems
  }
  const sectionIds = new Set<unknown>()
  const ids = new Set<string>()
  template.sections.forEach((section: unknown, s) => {
    const path = `sections[${s}]`
    if (!isObj(section)) return report(path, 'is not an object')
    if (typeof section.id !== 'string' || section.id === '' || sectionIds.has(section.id)) report(`${path}.id`, 'is missing or repeated')
    sectionIds.add(section.id)
    if (!isText(section.title)) report(`${path}.title`, 'needs Chinese and English')
    if (!Array.isArray(section.fields) || section.fields.length === 0) return report(`${path}.fields`, 'needs at least one field')
    section.fields.forEach((field: unknown, f) => {
      checkField(field, `${path}.fields[${f}]`, report)
      if (!isObj(field) || typeof field.id !== 'string') return
      if (ids.has(field.id)) report(`${path}.fields[${f}].id`, `repeats the field id "${field.id}"`)
      ids.add(field.id)
    })
  })
  // Rules and rates read `answers[id]`: a field inside a repeat has no single value there.
  checkRefs(template, topLevelFieldIds(template.sections), report)
  checkLogic(template.sections, report)
  if (template.grading !== undefined) {
    const thresholds = isObj(template.grading) ? template.grading.thresholds : undefined
    const ok = Array.isArray(thresholds) && thresholds.length > 0 && thresholds.every((step: unknown) =>
      isObj(step) && typeof step.grade === 'string' && step.grade !== '' && typeof step.min === 'number' && step.min >= 0 && step.min <= 100)
    if (!ok) report('grading', 'needs thresholds with a grade and a min from 0 to 100')
  }
  if (template.kind === 'inspection') checkInspection(template, report)
  return problems
}

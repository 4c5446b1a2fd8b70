import { isPlainObject } from '../answerShapes.js'

/**
 * Template-time checks of the form's logic: repeats, conditions and calculations. References are
 * resolved in form order, so a condition or a calculation can only read what is answered before
 * it (no forward references, hence no cycles), and reads a repeat's items only from inside the
 * same instance or through count/sum from after the repeat.
 */

type Report = (path: string, message: string) => void

// Bounds on what an uploaded template may ask the phone to evaluate.
const MAX_DEPTH = 12
const MAX_REPEAT = 100
const comparisons = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte']

type Declared = { readonly repeat: string | undefined; readonly type: unknown; readonly options: readonly unknown[] }

type Context = {
  /** Fields declared before the point being checked. */
  readonly seen: ReadonlyMap<string, Declared>
  /** Every field id in the form, to tell "later in the form" from "no such field". */
  readonly all: ReadonlySet<string>
  /** Repeats finished before the point being checked. */
  readonly repeatsDone: ReadonlySet<string>
  readonly allRepeats: ReadonlySet<string>
  /** The repeat whose instance holds the item being checked. */
  readonly inside: string | undefined
  readonly report: Report
}

function checkFieldRef(id: unknown, path: string, ctx: Context, allow: (declared: Declared) => string | undefined = () => undefined): void {
  if (typeof id !== 'string') return ctx.report(path, 'names no field')
  const declared = ctx.seen.get(id)
  if (!declared) return ctx.report(path, ctx.all.has(id) ? `refers to "${id}", which is not answered before this item` : `names no field "${id}"`)
  if (declared.repeat !== undefined && declared.repeat !== ctx.inside) {
    return ctx.report(path, `refers to "${id}" inside the repeat "${declared.repeat}": use count or sum`)
  }
  const problem = allow(declared)
  if (problem) ctx.report(path, problem)
}

function checkRepeatRef(id: unknown, path: string, ctx: Context): void {
  if (typeof id !== 'string' || !ctx.allRepeats.has(id)) return ctx.report(path, 'names no repeating section')
  if (!ctx.repeatsDone.has(id)) ctx.report(path, `refers to the repeat "${id}" before it ends`)
}

function checkCondition(condition: unknown, path: string, ctx: Context, depth: number): void {
  if (depth > MAX_DEPTH) return ctx.report(path, `nests more than ${MAX_DEPTH} levels`)
  if (!isPlainObject(condition)) return ctx.report(path, 'is not a condition')
  const { op } = condition
  if (typeof op === 'string' && comparisons.includes(op)) {
    checkFieldRef(condition.field, `${path}.field`, ctx)
    if (typeof condition.value !== 'string' && !(typeof condition.value === 'number' && Number.isFinite(condition.value))) ctx.report(`${path}.value`, 'is not text or a number')
  } else if (op === 'answered') {
    checkFieldRef(condition.field, `${path}.field`, ctx)
  } else if (op === 'selected') {
    checkFieldRef(condition.field, `${path}.field`, ctx, (declared) => {
      if (declared.type === 'check') return ['pass', 'fail', 'na'].includes(condition.value as string) ? undefined : 'a check item is pass, fail or na'
      if (declared.type !== 'choice' && declared.type !== 'multi') return 'selected needs a choice, multi or check item'
      const values = declared.options.map((option) => (isPlainObject(option) ? option.value : undefined))
      return values.includes(condition.value) ? undefined : `"${String(condition.value)}" is not one of its options`
    })
  } else if (op === 'and' || op === 'or') {
    if (!Array.isArray(condition.conditions) || condition.conditions.length === 0) return ctx.report(`${path}.conditions`, 'needs at least one condition')
    condition.conditions.forEach((each: unknown, index) => checkCondition(each, `${path}.conditions[${index}]`, ctx, depth + 1))
  } else if (op === 'not') {
    checkCondition(condition.condition, `${path}.condition`, ctx, depth + 1)
  } else if (op === 'count') {
    checkRepeatRef(condition.repeat, `${path}.repeat`, ctx)
    if (typeof condition.cmp !== 'string' || !comparisons.includes(condition.cmp)) ctx.report(`${path}.cmp`, 'is not a comparison')
    if (!(typeof condition.value === 'number' && Number.isInteger(condition.value) && condition.value >= 0)) ctx.report(`${path}.value`, 'must be a whole number ≥ 0')
  } else {
    ctx.report(`${path}.op`, 'is not a known condition')
  }
}

const numeric = (declared: Declared) => (['integer', 'number', 'calculate'].includes(declared.type as string) ? undefined : 'is not a number item')
const dated = (declared: Declared) => (declared.type === 'date' ? undefined : 'is not a date item')

function checkExpr(expr: unknown, path: string, ctx: Context, repeatFields: ReadonlyMap<string, ReadonlyMap<string, Declared>>, depth: number): void {
  if (depth > MAX_DEPTH) return ctx.report(path, `nests more than ${MAX_DEPTH} levels`)
  if (typeof expr === 'number') return Number.isFinite(expr) ? undefined : ctx.report(path, 'is not a number')
  if (!isPlainObject(expr)) return ctx.report(path, 'is not an expression')
  if (!('op' in expr)) return checkFieldRef(expr.field, `${path}.field`, ctx, numeric)
  switch (expr.op) {
    case '+':
    case '-':
    case '*':
    case '/':
      if (!Array.isArray(expr.args) || expr.args.length < 2) return ctx.report(`${path}.args`, 'needs at least two terms')
      return expr.args.forEach((arg: unknown, index) => checkExpr(arg, `${path}.args[${index}]`, ctx, repeatFields, depth + 1))
    case 'daysBetween':
      checkFieldRef(expr.from, `${path}.from`, ctx, dated)
      return checkFieldRef(expr.to, `${path}.to`, ctx, dated)
    case 'count':
      return checkRepeatRef(expr.repeat, `${path}.repeat`, ctx)
    case 'sum': {
      checkRepeatRef(expr.repeat, `${path}.repeat`, ctx)
      const inner = typeof expr.repeat === 'string' ? repeatFields.get(expr.repeat) : undefined
      const declared = typeof expr.field === 'string' ? inner?.get(expr.field) : undefined
      if (inner && !declared) return ctx.report(`${path}.field`, `names no item of the repeat "${String(expr.repeat)}"`)
      if (declared && numeric(declared)) ctx.report(`${path}.field`, 'is not a number item')
      return
    }
    case 'round':
      if (!(typeof expr.digits === 'number' && Number.isInteger(expr.digits) && expr.digits >= 0 && expr.digits <= 6)) ctx.report(`${path}.digits`, 'must be a whole number from 0 to 6')
      return checkExpr(expr.arg, `${path}.arg`, ctx, repeatFields, depth + 1)
    default:
      ctx.report(`${path}.op`, 'is not a known operation')
  }
}

function checkRepeatSettings(repeat: unknown, path: string, report: Report): void {
  if (!isPlainObject(repeat)) return report(path, 'is not an object')
  const count = (value: unknown) => value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_REPEAT)
  if (!count(repeat.min)) report(`${path}.min`, `must be a whole number from 0 to ${MAX_REPEAT}`)
  if (!count(repeat.max) || repeat.max === 0) report(`${path}.max`, `must be a whole number from 1 to ${MAX_REPEAT}`)
  if (typeof repeat.min === 'number' && typeof repeat.max === 'number' && repeat.min > repeat.max) report(`${path}.min`, 'is above max')
  const label = repeat.label
  if (label !== undefined && !(isPlainObject(label) && typeof label.zh === 'string' && label.zh.trim() !== '' && typeof label.en === 'string' && label.en.trim() !== '')) {
    report(`${path}.label`, 'needs Chinese and English')
  }
}

/** Repeats, conditions and calculations of a template (raw JSON); field ids and types are checked elsewhere. */
export function checkLogic(sections: readonly unknown[], report: Report): void {
  const all = new Set<string>()
  const allRepeats = new Set<string>()
  const repeatFields = new Map<string, Map<string, Declared>>()
  for (const section of sections) {
    if (!isPlainObject(section) || !Array.isArray(section.fields)) continue
    for (const field of section.fields) if (isPlainObject(field) && typeof field.id === 'string') all.add(field.id)
    if (section.repeat !== undefined && typeof section.id === 'string') allRepeats.add(section.id)
  }
  const seen = new Map<string, Declared>()
  const repeatsDone = new Set<string>()
  sections.forEach((section: unknown, s) => {
    if (!isPlainObject(section) || !Array.isArray(section.fields)) return
    const path = `sections[${s}]`
    const repeatId = section.repeat !== undefined && typeof section.id === 'string' ? section.id : undefined
    const outside: Context = { seen, all, repeatsDone, allRepeats, inside: undefined, report }
    if (section.relevant !== undefined) checkCondition(section.relevant, `${path}.relevant`, outside, 0)
    if (section.repeat !== undefined) {
      checkRepeatSettings(section.repeat, `${path}.repeat`, report)
      if (typeof section.id === 'string' && !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(section.id)) report(`${path}.id`, 'a repeating section needs an id like a field id: its answers are kept under it')
      if (typeof section.id === 'string' && all.has(section.id)) report(`${path}.id`, `is also a field id: a repeat's answers are kept under its id`)
    }
    const inside: Context = { ...outside, inside: repeatId }
    const mine = new Map<string, Declared>()
    section.fields.forEach((field: unknown, f) => {
      if (!isPlainObject(field) || typeof field.id !== 'string') return
      const fieldPath = `${path}.fields[${f}]`
      if (field.relevant !== undefined) checkCondition(field.relevant, `${fieldPath}.relevant`, inside, 0)
      if (field.type === 'calculate' && field.expression !== undefined) checkExpr(field.expression, `${fieldPath}.expression`, inside, repeatFields, 0)
      const declared: Declared = { repeat: repeatId, type: field.type, options: Array.isArray(field.options) ? field.options : [] }
      if (!seen.has(field.id)) seen.set(field.id, declared)
      mine.set(field.id, declared)
    })
    if (repeatId !== undefined) {
      repeatsDone.add(repeatId)
      repeatFields.set(repeatId, mine)
    }
  })
}

/** Field ids outside any repeat: the only ones rules and rates may name (they read `answers[id]`). */
export function topLevelFieldIds(sections: readonly unknown[]): Set<string> {
  const ids = new Set<string>()
  for (const section of sections) {
    if (!isPlainObject(section) || section.repeat !== undefined || !Array.isArray(section.fields)) continue
    for (const field of section.fields) if (isPlainObject(field) && typeof field.id === 'string') ids.add(field.id)
  }
  return ids
}

import type { Comparison, Condition, Expr } from '../forms/types.js'
import type { Text } from '../text.js'
import { ExpressionError, parseExpression, printExpression, type CompareOp, type XlsExpr } from './expression.js'

/**
 * XLSForm expressions ↔ the engine's data: `relevant` becomes a Condition, `calculation` an
 * Expr, `constraint` min/max or a ≤ rule. What has no counterpart is refused with a reason,
 * never approximated.
 */
const comparisonOf: Readonly<Record<CompareOp, Comparison>> = { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' }
const opOf: Readonly<Record<Comparison, CompareOp>> = { eq: '=', ne: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' }
const flipped: Readonly<Record<Comparison, Comparison>> = { eq: 'eq', ne: 'ne', lt: 'gt', lte: 'gte', gt: 'lt', gte: 'lte' }

function refuse(zh: string, en: string): never {
  throw new ExpressionError({ zh, en })
}

const literal = (expr: XlsExpr): string | number | undefined => (expr.kind === 'number' || expr.kind === 'string' ? expr.value : undefined)

function comparison(op: Comparison, left: XlsExpr, right: XlsExpr): Condition {
  if (left.kind !== 'ref' && right.kind === 'ref') return comparison(flipped[op], right, left)
  if (left.kind === 'call' && left.name === 'count' && left.args[0]?.kind === 'ref' && right.kind === 'number') {
    return { op: 'count', repeat: left.args[0].name, cmp: op, value: right.value }
  }
  const value = literal(right)
  if (left.kind !== 'ref' || value === undefined) refuse('条件只能比较一个字段和一个固定值，如 ${a} = \'是\' 或 count(${校车}) >= 1', "a condition compares one field with a fixed value, e.g. ${a} = 'yes' or count(${buses}) >= 1")
  // XLSForm's way of saying "answered" / "not answered".
  if (value === '' && op === 'ne') return { op: 'answered', field: left.name }
  if (value === '' && op === 'eq') return { op: 'not', condition: { op: 'answered', field: left.name } }
  return { op, field: left.name, value }
}

function flatten(op: 'and' | 'or', expr: XlsExpr, out: Condition[]): void {
  if (expr.kind === 'logic' && expr.op === op) {
    flatten(op, expr.left, out)
    out.push(conditionOf(expr.right))
  } else out.push(conditionOf(expr))
}

export function conditionOf(expr: XlsExpr): Condition {
  switch (expr.kind) {
    case 'compare':
      return comparison(comparisonOf[expr.op], expr.left, expr.right)
    case 'logic': {
      const conditions: Condition[] = []
      flatten(expr.op, expr, conditions)
      return { op: expr.op, conditions }
    }
    case 'call':
      if (expr.name === 'not') return { op: 'not', condition: conditionOf(expr.args[0] as XlsExpr) }
      if (expr.name === 'selected') {
        const [field, value] = expr.args
        if (field?.kind !== 'ref' || value?.kind !== 'string') refuse("selected() 写成 selected(${字段}, '值')", "write selected(${field}, 'value')")
        return { op: 'selected', field: field.name, value: value.value }
      }
      break
    case 'ref':
      return { op: 'answered', field: expr.name }
  }
  return refuse(`条件里不能单独使用 ${printExpression(expr)}`, `${printExpression(expr)} is not a condition on its own`)
}

/** A `relevant` cell as the engine's Condition. */
export function parseCondition(source: string): Condition {
  return conditionOf(parseExpression(source))
}

const ref = (name: string): XlsExpr => ({ kind: 'ref', name })

function chain(op: 'and' | 'or', parts: readonly XlsExpr[]): XlsExpr {
  return parts.slice(1).reduce<XlsExpr>((left, right) => ({ kind: 'logic', op, left, right }), parts[0] ?? { kind: 'call', name: op === 'and' ? 'true' : 'false', args: [] })
}

export function conditionToXls(condition: Condition): XlsExpr {
  switch (condition.op) {
    case 'answered': return { kind: 'compare', op: '!=', left: ref(condition.field), right: { kind: 'string', value: '' } }
    case 'selected': return { kind: 'call', name: 'selected', args: [ref(condition.field), { kind: 'string', value: condition.value }] }
    case 'not': return { kind: 'call', name: 'not', args: [conditionToXls(condition.condition)] }
    case 'and':
    case 'or': return chain(condition.op, condition.conditions.map(conditionToXls))
    case 'count': return { kind: 'compare', op: opOf[condition.cmp], left: { kind: 'call', name: 'count', args: [ref(condition.repeat)] }, right: { kind: 'number', value: condition.value } }
    default: {
      const value: XlsExpr = typeof condition.value === 'number' ? { kind: 'number', value: condition.value } : { kind: 'string', value: condition.value }
      return { kind: 'compare', op: opOf[condition.op], left: ref(condition.field), right: value }
    }
  }
}

export function printCondition(condition: Condition): string {
  return printExpression(conditionToXls(condition))
}

/** Which repeating section a field sits in, so `sum(${seats})` knows it sums over buses. */
export type RepeatOf = (fieldId: string) => string | undefined

function argsOf(op: '+' | '-' | '*' | '/', expr: XlsExpr, repeatOf: RepeatOf): Expr[] {
  const mine = expr.kind === 'arith' && (expr.op === op || (expr.op === 'div' && op === '/'))
  if (!mine) return [exprOf(expr, repeatOf)]
  return [...argsOf(op, expr.left, repeatOf), exprOf(expr.right, repeatOf)]
}

export function exprOf(expr: XlsExpr, repeatOf: RepeatOf): Expr {
  switch (expr.kind) {
    case 'number': return expr.value
    case 'ref': return { field: expr.name }
    case 'arith': {
      if (expr.op === 'mod') break
      const op = expr.op === 'div' ? '/' : expr.op
      // decimal-date-time(${to}) - decimal-date-time(${from}): XLSForm's days between two dates.
      const day = (side: XlsExpr) => (side.kind === 'call' && side.name === 'decimal-date-time' && side.args[0]?.kind === 'ref' ? side.args[0].name : undefined)
      const to = day(expr.left)
      const from = day(expr.right)
      if (op === '-' && to !== undefined && from !== undefined) return { op: 'daysBetween', from, to }
      return { op, args: argsOf(op, expr, repeatOf) }
    }
    case 'call': {
      const [first, second] = expr.args
      if (expr.name === 'count' && first?.kind === 'ref') return { op: 'count', repeat: first.name }
      if (expr.name === 'sum' && first?.kind === 'ref') {
        const repeat = repeatOf(first.name)
        if (repeat === undefined) refuse(`sum(\${${first.name}}) 只能汇总重复组里的题目`, `sum(\${${first.name}}) sums a question of a repeat only`)
        return { op: 'sum', repeat, field: first.name }
      }
      if (expr.name === 'round' && first !== undefined && second?.kind === 'number') return { op: 'round', arg: exprOf(first, repeatOf), digits: second.value }
      break
    }
  }
  return refuse(`计算不支持 ${printExpression(expr)}（可用：+ - * div、count()、sum()、round()、两个日期相减）`, `a calculation cannot use ${printExpression(expr)}`)
}

export function parseCalculation(source: string, repeatOf: RepeatOf): Expr {
  return exprOf(parseExpression(source), repeatOf)
}

export function exprToXls(expr: Expr): XlsExpr {
  if (typeof expr === 'number') return { kind: 'number', value: expr }
  if ('field' in expr && !('op' in expr)) return ref(expr.field)
  switch (expr.op) {
    case 'count': return { kind: 'call', name: 'count', args: [ref(expr.repeat)] }
    case 'sum': return { kind: 'call', name: 'sum', args: [ref(expr.field)] }
    case 'round': return { kind: 'call', name: 'round', args: [exprToXls(expr.arg), { kind: 'number', value: expr.digits }] }
    case 'daysBetween': {
      const day = (name: string): XlsExpr => ({ kind: 'call', name: 'decimal-date-time', args: [ref(name)] })
      return { kind: 'arith', op: '-', left: day(expr.to), right: day(expr.from) }
    }
    default: {
      const op = expr.op === '/' ? 'div' : expr.op
      const parts = expr.args.map(exprToXls)
      return parts.slice(1).reduce<XlsExpr>((left, right) => ({ kind: 'arith', op, left, right }), parts[0] ?? { kind: 'number', value: 0 })
    }
  }
}

export function printCalculation(expr: Expr): string {
  return printExpression(exprToXls(expr))
}

/** What a `constraint` cell means for us: bounds on the answer and ≤ rules against other fields. */
export type Constraint = { readonly min?: number; readonly max?: number; readonly atMost: readonly string[]; readonly atLeast: readonly string[] }

export function parseConstraint(source: string): Constraint {
  const parts: XlsExpr[] = []
  const collect = (expr: XlsExpr): void => {
    if (expr.kind === 'logic' && expr.op === 'and') { collect(expr.left); collect(expr.right) } else parts.push(expr)
  }
  collect(parseExpression(source))
  let min: number | undefined
  let max: number | undefined
  const atMost: string[] = []
  const atLeast: string[] = []
  for (const part of parts) {
    let ok = false
    if (part.kind === 'compare') {
      const selfLeft = part.left.kind === 'self'
      const other = selfLeft ? part.right : part.left
      const op = selfLeft ? part.op : ({ '<=': '>=', '>=': '<=', '<': '>', '>': '<', '=': '=', '!=': '!=' } as const)[part.op]
      if ((part.left.kind === 'self') !== (part.right.kind === 'self')) {
        if (other.kind === 'number' && op === '>=') { min = other.value; ok = true }
        if (other.kind === 'number' && op === '<=') { max = other.value; ok = true }
        if (other.kind === 'ref' && op === '<=') { atMost.push(other.name); ok = true }
        if (other.kind === 'ref' && op === '>=') { atLeast.push(other.name); ok = true }
      }
    }
    if (!ok) refuse(`约束只支持 . >= 数、. <= 数、. <= \${字段}、. >= \${字段}，用 and 连接；'${printExpression(part)}' 不支持`, `a constraint takes . >= n, . <= n, . <= \${field}, . >= \${field} joined by and; '${printExpression(part)}' is not supported`)
  }
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), atMost, atLeast }
}

export function expressionProblem(error: unknown): Text {
  if (error instanceof ExpressionError) return error.text
  throw error
}
